package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/** 2-D convolution over NHWC images, square kernel and stride, SAME or VALID padding. */
public final class Conv2D extends BaseLayer {
  private final int filters;
  private final int kernelSize;
  private final int stride;
  private final Padding padding;
  private final Activation activation;
  private final boolean useBias;
  private Variable<TFloat32> k;
  private Variable<TFloat32> b;

  public Conv2D(int filters, int kernelSize, int stride, Padding padding, Activation activation) {
    this(filters, kernelSize, stride, padding, activation, true);
  }

  public Conv2D(
      int filters,
      int kernelSize,
      int stride,
      Padding padding,
      Activation activation,
      boolean useBias) {
    super("conv2d");
    if (filters <= 0 || kernelSize <= 0 || stride <= 0) {
      throw new IllegalArgumentException("conv2d filters, kernel and stride must be > 0");
    }
    this.filters = filters;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.padding = padding;
    this.activation = activation;
    this.useBias = useBias;
  }

  @Override
  public String type() {
    return "Conv2D";
  }

  @Override
  protected void build(ModelContext ctx, long[] in) {
    if (in.length != 3) {
      throw new IllegalArgumentException("Conv2D needs an HxWxC input, got " + Arrays.toString(in));
    }
    k =
        kernel(
            ctx,
            "kernel",
            new long[] {kernelSize, kernelSize, in[2], filters},
            Init.GLOROT_UNIFORM);
    if (useBias) {
      b = constantVariable(ctx, "bias", filters, 0f, true);
    }
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    if (useBias) {
      return activation.apply(
          tf, ConvBias.conv2d(ctx, x, tf.identity(k), tf.identity(b), stride, padding));
    }
    return activation.apply(
        tf,
        tf.nn.conv2d(
            x, tf.identity(k), List.of(1L, (long) stride, (long) stride, 1L), padding.name()));
  }

  @Override
  public long[] outputShape(long[] in) {
    return new long[] {
      padding.outputSize(in[0], kernelSize, stride),
      padding.outputSize(in[1], kernelSize, stride),
      filters
    };
  }
}
