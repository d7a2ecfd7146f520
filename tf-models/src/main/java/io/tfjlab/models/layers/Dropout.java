package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Inverted dropout: in training, zeroes each value with probability {@code rate} and scales the
 * rest by {@code 1/(1-rate)}; identity otherwise. The mask comes from a stateless random op seeded
 * by the step seed, so it is reproducible and resumes exactly.
 */
public final class Dropout extends BaseLayer {
  private final float rate;

  public Dropout(double rate) {
    super("dropout");
    if (rate < 0 || rate >= 1) {
      throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
    }
    this.rate = (float) rate;
  }

  @Override
  public String type() {
    return "Dropout";
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    if (rate == 0f) {
      return x;
    }
    // the multiplier keep / (1 - rate) in training; outside training one row of ones (the mask
    // times 0, plus 1), broadcast: no full-size select, and no mask of the batch's size drawn
    Operand<TFloat32> u =
        tf.stopGradient(
            tf.random.statelessRandomUniform(
                ctx.trainingDrawShape(x, in.length + 1), ctx.opSeed(), TFloat32.class));
    Operand<TFloat32> keep =
        tf.dtypes.cast(tf.math.greaterEqual(u, tf.constant(rate)), TFloat32.class);
    Operand<TFloat32> t = ctx.trainingScale();
    Operand<TFloat32> multiplier =
        tf.math.add(
            tf.math.mul(tf.math.mul(keep, tf.constant(1f / (1f - rate))), t),
            tf.math.sub(tf.constant(1f), t));
    return tf.math.mul(x, multiplier);
  }

  @Override
  public long[] outputShape(long[] in) {
    return in.clone();
  }
}
