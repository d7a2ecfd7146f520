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
 * A dense layer with weight normalisation (Salimans and Kingma 2016): {@code activation((x·V) ·
 * g/‖V‖ + b)}, the norm taken per output unit, V ~ N(0, 0.1²) as in the reference code. The norm
 * makes the scale of V irrelevant to the output, but not to training: Adam moves V by about the
 * learning rate per step, so a smaller V turns faster. With data-dependent initialisation ({@link
 * #initApply}) g and b are set once from a batch so that every unit starts with zero mean and unit
 * variance: g = 1/std(t), b = −mean(t)/std(t), t = x·V/‖V‖. The scale g is trainable only if asked
 * (Salimans: the output layer's only).
 */
public final class WeightNormDense extends BaseLayer implements DataInitLayer {
  private final int units;
  private final Activation activation;
  private final boolean trainScale;
  private final double initStd;
  private Variable<TFloat32> v;
  private Variable<TFloat32> g;
  private Variable<TFloat32> b;

  public WeightNormDense(int units, Activation activation, boolean trainScale) {
    this(units, activation, trainScale, 0.1);
  }

  /**
   * @param initStd standard deviation of the initial directions V (0.1 in the reference
   *     discriminator; its generator keeps Lasagne's Glorot scale, about 0.04 for 500 → 784)
   */
  public WeightNormDense(int units, Activation activation, boolean trainScale, double initStd) {
    super("wn_dense");
    if (!(initStd > 0)) {
      throw new IllegalArgumentException("initStd must be > 0, got " + initStd);
    }
    this.initStd = initStd;
    if (units <= 0) {
      throw new IllegalArgumentException("units must be > 0, got " + units);
    }
    this.units = units;
    this.activation = activation;
    this.trainScale = trainScale;
  }

  @Override
  public String type() {
    return "WeightNormDense";
  }

  @Override
  protected void build(ModelContext ctx, long[] in) {
    if (in.length != 1) {
      throw new IllegalArgumentException(
          "WeightNormDense needs a flat input, got " + Arrays.toString(in));
    }
    Ops tf = ctx.tf();
    v =
        variable(
            "v",
            Initializers.normal(tf, new long[] {in[0], units}, ctx.nextInitSeed(), initStd, false),
            true);
    kernels.add(v);
    g = constantVariable(ctx, "g", units, 1f, trainScale);
    b = constantVariable(ctx, "b", units, 0f, true);
  }

  private Operand<TFloat32> normalized(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> vv = tf.identity(v);
    return tf.math.div(tf.linalg.matMul(x, vv), norm(tf, vv));
  }

  /** ‖V‖ per output unit (a small constant under the root keeps a zero column finite). */
  private static Operand<TFloat32> norm(Ops tf, Operand<TFloat32> vv) {
    return tf.math.sqrt(
        tf.math.add(tf.reduceSum(tf.math.square(vv), tf.constant(0)), tf.constant(1e-12f)));
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    // (x·V) · (g/‖V‖) + b: the scale is one vector, so the batch-sized tensor is multiplied once
    // (and its gradient is one product and one sum) instead of divided by ‖V‖ and multiplied by g
    Operand<TFloat32> vv = tf.identity(v);
    Operand<TFloat32> scale = tf.math.div(tf.identity(g), norm(tf, vv));
    return activation.apply(
        tf, tf.nn.biasAdd(tf.math.mul(tf.linalg.matMul(x, vv), scale), tf.identity(b)));
  }

  /**
   * The data-dependent initialisation pass: returns the layer's output as it will be after the
   * initialisation, and adds to {@code assigns} the ops that set g and b from this batch.
   */
  @Override
  public Operand<TFloat32> initApply(
      ModelContext ctx, Operand<TFloat32> x, long[] in, List<Op> assigns) {
    ensureBuilt(ctx, in);
    Ops tf = ctx.tf();
    Operand<TFloat32> t = normalized(tf, x);
    return DataInitLayer.normalizeFrom(tf, t, new int[] {0}, g, b, activation, assigns);
  }

  @Override
  public long[] outputShape(long[] in) {
    return new long[] {units};
  }
}
