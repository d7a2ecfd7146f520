package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Adds N(0, stddev²) noise in training only (Salimans' discriminator), seeded per step. */
public final class GaussianNoise extends BaseLayer {
  private final float stddev;

  public GaussianNoise(double stddev) {
    super("gaussian_noise");
    if (stddev < 0) {
      throw new IllegalArgumentException("noise stddev must be >= 0, got " + stddev);
    }
    this.stddev = (float) stddev;
  }

  @Override
  public String type() {
    return "GaussianNoise";
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    // a random op must never receive a gradient (none is registered): stop it right after the draw.
    // Outside training the draw is one row, scaled to 0 (x + 0 = x); in training, x + n * stddev.
    Operand<TFloat32> n =
        tf.stopGradient(
            tf.random.statelessRandomNormal(
                ctx.trainingDrawShape(x, in.length + 1), ctx.opSeed(), TFloat32.class));
    return tf.math.add(x, tf.math.mul(n, tf.math.mul(tf.constant(stddev), ctx.trainingScale())));
  }

  @Override
  public long[] outputShape(long[] in) {
    return in.clone();
  }
}
