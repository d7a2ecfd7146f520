package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Transposed 2-D convolution (Conv2DBackpropInput), the generator's upsampling layer. */
public final class Conv2DTranspose extends BaseLayer {
  private final int filters;
  private final int kernelSize;
  private final int stride;
  private final Padding padding;
  private final Activation activation;
  private final boolean useBias;
  private Variable<TFloat32> k;
  private Variable<TFloat32> b;

  public Conv2DTranspose(
      int filters,
      int kernelSize,
      int stride,
      Padding padding,
      Activation activation,
      boolean useBias) {
    super("conv2d_transpose");
    this.filters = filters;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.padding = padding;
    this.activation = activation;
    this.useBias = useBias;
  }

  @Override
  public String type() {
    return "Conv2DTranspose";
  }

  @Override
  protected void build(ModelContext ctx, long[] in) {
    if (in.length != 3) {
      throw new IllegalArgumentException(
          "Conv2DTranspose needs an HxWxC input, got " + Arrays.toString(in));
    }
    // filter layout [kh, kw, out_channels, in_channels]
    k =
        kernel(
            ctx,
            "kernel",
            new long[] {kernelSize, kernelSize, filters, in[2]},
            Init.GLOROT_UNIFORM);
    if (useBias) {
      b = constantVariable(ctx, "bias", filters, 0f, true);
    }
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    long[] out = outputShape(in);
    Operand<TInt32> batch =
        tf.slice(tf.shape(x), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    Operand<TInt32> outputShape =
        tf.concat(
            List.of(batch, tf.constant(new int[] {(int) out[0], (int) out[1], (int) out[2]})),
            tf.constant(0));
    Operand<TFloat32> z =
        tf.nn.conv2dBackpropInput(
            outputShape,
            tf.identity(k),
            x,
            List.of(1L, (long) stride, (long) stride, 1L),
            padding.name());
    if (useBias) {
      z = tf.nn.biasAdd(z, tf.identity(b));
    }
    return activation.apply(tf, z);
  }

  @Override
  public long[] outputShape(long[] in) {
    return new long[] {
      padding.transposedOutputSize(in[0], kernelSize, stride),
      padding.transposedOutputSize(in[1], kernelSize, stride),
      filters
    };
  }
}
