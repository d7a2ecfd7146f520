package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A 2-D convolution with weight normalisation (Salimans and Kingma 2016), the convolutional form of
 * {@link WeightNormDense}: {@code activation(conv(x, V) · g/‖V‖ + b)}, the norm taken per output
 * channel over the kernel's height, width and input channels, V ~ N(0, 0.05²) as in the reference
 * CIFAR discriminator. The per-channel factor g/‖V‖ scales the (small) kernel, not the (large)
 * feature maps: the same function for a fraction of the work. Data-dependent initialisation ({@link
 * #initApply}) sets g and b from a batch so that every channel starts with zero mean and unit
 * variance over batch and positions.
 */
public final class WeightNormConv2D extends BaseLayer implements DataInitLayer {
  private final int filters;
  private final int kernelSize;
  private final int stride;
  private final Padding padding;
  private final Activation activation;
  private final boolean trainScale;
  private final double initStd;
  private Variable<TFloat32> v;
  private Variable<TFloat32> g;
  private Variable<TFloat32> b;

  public WeightNormConv2D(
      int filters, int kernelSize, int stride, Padding padding, Activation activation) {
    this(filters, kernelSize, stride, padding, activation, true, 0.05);
  }

  /**
   * @param trainScale whether g is trained after its data-dependent initialisation
   * @param initStd standard deviation of the initial directions V
   */
  public WeightNormConv2D(
      int filters,
      int kernelSize,
      int stride,
      Padding padding,
      Activation activation,
      boolean trainScale,
      double initStd) {
    super("wn_conv2d");
    if (filters <= 0 || kernelSize <= 0 || stride <= 0) {
      throw new IllegalArgumentException("wn_conv2d filters, kernel and stride must be > 0");
    }
    if (!(initStd > 0)) {
      throw new IllegalArgumentException("initStd must be > 0, got " + initStd);
    }
    this.filters = filters;
    this.kernelSize = kernelSize;
    this.stride = stride;
    this.padding = padding;
    this.activation = activation;
    this.trainScale = trainScale;
    this.initStd = initStd;
  }

  @Override
  public String type() {
    return "WeightNormConv2D";
  }

  @Override
  protected void build(ModelContext ctx, long[] in) {
    if (in.length != 3) {
      throw new IllegalArgumentException(
          "WeightNormConv2D needs an HxWxC input, got " + Arrays.toString(in));
    }
    Ops tf = ctx.tf();
    v =
        variable(
            "v",
            Initializers.normal(
                tf,
                new long[] {kernelSize, kernelSize, in[2], filters},
                ctx.nextInitSeed(),
                initStd,
                false),
            true);
    kernels.add(v);
    g = constantVariable(ctx, "g", filters, 1f, trainScale);
    b = constantVariable(ctx, "b", filters, 0f, true);
  }

  /** ‖V‖ per output channel. */
  private Operand<TFloat32> norm(Ops tf, Operand<TFloat32> vv) {
    return tf.math.sqrt(
        tf.math.add(
            tf.reduceSum(tf.math.square(vv), tf.constant(new int[] {0, 1, 2})),
            tf.constant(1e-12f)));
  }

  private Operand<TFloat32> conv(Ops tf, Operand<TFloat32> x, Operand<TFloat32> kernel) {
    return tf.nn.conv2d(x, kernel, List.of(1L, (long) stride, (long) stride, 1L), padding.name());
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    Operand<TFloat32> vv = tf.identity(v);
    Operand<TFloat32> kernel = tf.math.mul(vv, tf.math.div(tf.identity(g), norm(tf, vv)));
    return activation.apply(tf, ConvBias.conv2d(ctx, x, kernel, tf.identity(b), stride, padding));
  }

  @Override
  public Operand<TFloat32> initApply(
      ModelContext ctx, Operand<TFloat32> x, long[] in, List<Op> assigns) {
    ensureBuilt(ctx, in);
    Ops tf = ctx.tf();
    Operand<TFloat32> vv = tf.identity(v);
    Operand<TFloat32> t = tf.math.div(conv(tf, x, vv), norm(tf, vv));
    return DataInitLayer.normalizeFrom(tf, t, new int[] {0, 1, 2}, g, b, activation, assigns);
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
