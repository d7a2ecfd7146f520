package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation over the last axis, Keras defaults (momentum 0.99, epsilon 1e-3). In training
 * it normalises with the batch statistics and updates the moving averages (an update op the trainer
 * runs with each step); in inference it uses the moving averages. The switch is the graph's
 * training flag. {@code center}/{@code scale} turn the learned beta/gamma on or off.
 */
public final class BatchNorm extends BaseLayer {
  private final float momentum;
  private final float epsilon;
  private final boolean center;
  private final boolean scale;
  private Variable<TFloat32> gamma;
  private Variable<TFloat32> beta;
  private Variable<TFloat32> movingMean;
  private Variable<TFloat32> movingVar;
  private boolean updatesRegistered;
  private final java.util.List<org.tensorflow.op.Op> updates = new java.util.ArrayList<>();

  public BatchNorm() {
    this(0.99, 1e-3, true, true);
  }

  private final boolean alwaysBatchStatistics;

  /**
   * A generator's batch norm (Salimans et al.): always normalises with the statistics of the batch
   * at hand, in training and when sampling; learned offset, no learned scale, no moving averages.
   */
  public static BatchNorm batchStatisticsOnly() {
    return new BatchNorm(0.99, 1e-3, true, false, true);
  }

  public BatchNorm(double momentum, double epsilon, boolean center, boolean scale) {
    this(momentum, epsilon, center, scale, false);
  }

  private BatchNorm(
      double momentum,
      double epsilon,
      boolean center,
      boolean scale,
      boolean alwaysBatchStatistics) {
    super("batch_normalization");
    this.alwaysBatchStatistics = alwaysBatchStatistics;
    this.momentum = (float) momentum;
    this.epsilon = (float) epsilon;
    this.center = center;
    this.scale = scale;
  }

  @Override
  public String type() {
    return "BatchNormalization";
  }

  @Override
  protected void build(ModelContext ctx, long[] in) {
    long c = in[in.length - 1];
    if (scale) {
      gamma = constantVariable(ctx, "gamma", c, 1f, true);
    }
    if (center) {
      beta = constantVariable(ctx, "beta", c, 0f, true);
    }
    if (!alwaysBatchStatistics) {
      movingMean = constantVariable(ctx, "moving_mean", c, 0f, false);
      movingVar = constantVariable(ctx, "moving_variance", c, 1f, false);
    }
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    int[] axes = new int[in.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i; // batch axis and every axis but the last (per-sample rank = in.length)
    }
    Operand<TFloat32> batchMean = tf.math.mean(x, tf.constant(axes));
    Operand<TFloat32> batchVar =
        tf.math.mean(tf.math.squaredDifference(x, tf.stopGradient(batchMean)), tf.constant(axes));
    if (alwaysBatchStatistics) {
      Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(batchVar, tf.constant(epsilon)));
      Operand<TFloat32> y = tf.math.mul(tf.math.sub(x, batchMean), inv);
      return center ? tf.math.add(y, tf.identity(beta)) : y;
    }
    if (!updatesRegistered) {
      updatesRegistered = true;
      float keep = momentum;
      float take = 1f - momentum;
      updates.add(movingAverage(tf, movingMean, batchMean, keep, take));
      updates.add(movingAverage(tf, movingVar, batchVar, keep, take));
      updates.forEach(ctx::addUpdateOp);
    }
    Operand<TFloat32> mean = tf.select(ctx.training(), batchMean, tf.identity(movingMean));
    Operand<TFloat32> var = tf.select(ctx.training(), batchVar, tf.identity(movingVar));
    Operand<TFloat32> inv = tf.math.rsqrt(tf.math.add(var, tf.constant(epsilon)));
    if (scale) {
      inv = tf.math.mul(inv, tf.identity(gamma));
    }
    Operand<TFloat32> y = tf.math.mul(tf.math.sub(x, mean), inv);
    if (center) {
      y = tf.math.add(y, tf.identity(beta));
    }
    return y;
  }

  /** {@code moving = keep * moving + take * batch}, Keras' update of a moving statistic. */
  private static org.tensorflow.op.Op movingAverage(
      Ops tf, Variable<TFloat32> moving, Operand<TFloat32> batch, float keep, float take) {
    return tf.assign(
        moving,
        tf.math.add(
            tf.math.mul(tf.identity(moving), tf.constant(keep)),
            tf.math.mul(batch, tf.constant(take))));
  }

  @Override
  public long[] outputShape(long[] in) {
    return in.clone();
  }

  @Override
  public java.util.List<org.tensorflow.op.Op> updateOps() {
    return java.util.List.copyOf(updates);
  }
}
