package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.TrainingSwitch;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;

/**
 * Batch normalisation over the last axis, Keras defaults (momentum 0.99, epsilon 1e-3). In training
 * it normalises with the batch statistics and updates the moving averages (an update op the trainer
 * runs with each step); in inference it uses the moving averages. The switch is the graph's
 * training flag: only the branch it picks is computed ({@link TrainingSwitch}). Training is one
 * {@code FusedBatchNormV3} (batch statistics, oneDNN's fused kernel and its fused gradient; the
 * moving variance is updated with the biased batch variance, as Keras 3 does); inference is {@code
 * (x - mean) * gamma / sqrt(var + epsilon) + beta} on the moving averages. {@code center}/{@code
 * scale} turn the learned beta/gamma on or off.
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
    long c = in[in.length - 1];
    if (alwaysBatchStatistics) {
      return fromFusedShape(
          tf,
          x,
          in,
          normalise(tf, toFusedShape(tf, x, in), gammaOrOnes(tf, c), betaOrZeros(tf, c)).y());
    }
    // training: one fused op with the batch statistics; inference: the moving averages. Only the
    // branch of the training flag runs (TrainingSwitch), so neither pays for the other.
    TrainingSwitch.Split<TFloat32> xs = TrainingSwitch.split(ctx, x);
    TrainingSwitch.Split<TFloat32> gs = TrainingSwitch.split(ctx, gammaOrOnes(tf, c));
    TrainingSwitch.Split<TFloat32> bs = TrainingSwitch.split(ctx, betaOrZeros(tf, c));
    FusedBatchNorm<TFloat32, TFloat32> fused =
        normalise(tf, toFusedShape(tf, xs.training(), in), gs.training(), bs.training());
    Operand<TFloat32> training = fromFusedShape(tf, xs.training(), in, fused.y());
    if (!updatesRegistered) {
      updatesRegistered = true;
      // the op's variance is the unbiased one (n / (n - 1)); the moving variance follows Keras 3's
      // biased batch variance, so the factor is taken back out
      Operand<TFloat32> n =
          tf.dtypes.cast(tf.math.div(tf.size(xs.training()), tf.constant((int) c)), TFloat32.class);
      Operand<TFloat32> biasedVar =
          tf.math.mul(fused.batchVariance(), tf.math.div(tf.math.sub(n, tf.constant(1f)), n));
      float keep = momentum;
      float take = 1f - momentum;
      updates.add(movingAverage(tf, movingMean, fused.batchMean(), keep, take));
      updates.add(movingAverage(tf, movingVar, biasedVar, keep, take));
      updates.forEach(ctx::addUpdateOp);
    }
    TrainingSwitch.Split<TFloat32> ms = TrainingSwitch.split(ctx, tf.identity(movingMean));
    TrainingSwitch.Split<TFloat32> vs = TrainingSwitch.split(ctx, tf.identity(movingVar));
    Operand<TFloat32> inv =
        tf.math.mul(
            tf.math.rsqrt(tf.math.add(vs.inference(), tf.constant(epsilon))), gs.inference());
    Operand<TFloat32> inference =
        tf.math.add(tf.math.mul(tf.math.sub(xs.inference(), ms.inference()), inv), bs.inference());
    return TrainingSwitch.merge(ctx, inference, training);
  }

  private Operand<TFloat32> gammaOrOnes(Ops tf, long c) {
    return scale ? tf.identity(gamma) : tf.fill(tf.constant(new int[] {(int) c}), tf.constant(1f));
  }

  private Operand<TFloat32> betaOrZeros(Ops tf, long c) {
    return center ? tf.identity(beta) : tf.fill(tf.constant(new int[] {(int) c}), tf.constant(0f));
  }

  /** FusedBatchNormV3 in training mode (batch statistics), NHWC, this layer's epsilon. */
  private FusedBatchNorm<TFloat32, TFloat32> normalise(
      Ops tf, Operand<TFloat32> x4, Operand<TFloat32> g, Operand<TFloat32> b) {
    Operand<TFloat32> none = tf.constant(new float[0]);
    return tf.nn.fusedBatchNorm(
        x4,
        g,
        b,
        none,
        none,
        FusedBatchNorm.isTraining(true),
        FusedBatchNorm.epsilon(epsilon),
        FusedBatchNorm.dataFormat("NHWC"));
  }

  /** The fused op takes NHWC: a rank-4 input as it is, any other as (rows, 1, 1, channels). */
  private static Operand<TFloat32> toFusedShape(Ops tf, Operand<TFloat32> x, long[] in) {
    if (in.length == 3) {
      return x;
    }
    return tf.reshape(x, tf.constant(new long[] {-1, 1, 1, in[in.length - 1]}));
  }

  private static Operand<TFloat32> fromFusedShape(
      Ops tf, Operand<TFloat32> x, long[] in, Operand<TFloat32> y) {
    return in.length == 3 ? y : tf.reshape(y, tf.shape(x));
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
