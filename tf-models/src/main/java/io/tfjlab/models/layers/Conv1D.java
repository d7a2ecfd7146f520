package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** 1-D convolution over a (length, channels) input, built as a 1xK 2-D convolution. */
public final class Conv1D extends BaseLayer {
  private final int filters;
  private final int kernelSize;
  private final int stride;
  private final Padding padding;
  private final Activation activation;
  private Variable<TFloat32> k;
  private Variable<TFloat32> b;

  public Conv1D(int filters, int kernelSize, int stride, Padding padding, Activation activation) {
    super("conv1d");
    this.filters = filters;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.padding = padding;
    this.activation = activation;
  }

  @Override
  public String type() {
    return "Conv1D";
  }

  @Override
  protected void build(ModelContext ctx, long[] in) {
    if (in.length != 2) {
      throw new IllegalArgumentException(
          "Conv1D needs a (length, channels) input, got "
              + Arrays.toString(in)
              + "; add a Reshape layer first");
    }
    k = kernel(ctx, "kernel", new long[] {1, kernelSize, in[1], filters}, Init.GLOROT_UNIFORM);
    b = constantVariable(ctx, "bias", filters, 0f, true);
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    long[] out = outputShape(in);
    Operand<TFloat32> x4 = tf.reshape(x, tf.constant(new long[] {-1, 1, in[0], in[1]}));
    Operand<TFloat32> z =
        tf.nn.conv2d(x4, tf.identity(k), List.of(1L, 1L, (long) stride, 1L), padding.name());
    z = tf.nn.biasAdd(z, tf.identity(b));
    z = tf.reshape(z, tf.constant(new long[] {-1, out[0], out[1]}));
    return activation.apply(tf, z);
  }

  @Override
  public long[] outputShape(long[] in) {
    return new long[] {padding.outputSize(in[0], kernelSize, stride), filters};
  }
}
