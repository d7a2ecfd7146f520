package io.tfjlab.models.layers;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.Shapes;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Seed 003's input standardisation {@code (x − mean) / (std + epsilon)} with per-pixel statistics
 * of the training part, baked into the graph as (non-trainable) variables so that checkpoints and
 * SavedModel exports carry it. Seed 003 used {@code std + 1} on 0..255 pixels; on our [0,1] pixels
 * the same is {@code epsilon = 1/255}.
 */
public final class Standardize extends BaseLayer {
  public static final float SEED003_EPSILON = 1f / 255f;

  private final float[] mean;
  private final float[] std;
  private final float epsilon;
  private Variable<TFloat32> meanVar;
  private Variable<TFloat32> denomVar;

  public Standardize(float[] mean, float[] std, float epsilon) {
    super("standardize");
    if (mean.length != std.length) {
      throw new IllegalArgumentException("standardize mean and std sizes differ");
    }
    this.mean = mean.clone();
    this.std = std.clone();
    this.epsilon = epsilon;
  }

  @Override
  public String type() {
    return "Standardize";
  }

  @Override
  protected void build(ModelContext ctx, long[] in) {
    if (Shapes.size(in) != mean.length) {
      throw new IllegalArgumentException(
          "standardize statistics have "
              + mean.length
              + " values for inputs of "
              + Shapes.size(in));
    }
    float[] denom = new float[std.length];
    for (int i = 0; i < denom.length; i++) {
      denom[i] = std[i] + epsilon;
    }
    Ops tf = ctx.tf();
    Shape s = Shape.of(in);
    meanVar = variable("mean", tf.constant(s, DataBuffers.of(mean, true, false)), false);
    denomVar = variable("denominator", tf.constant(s, DataBuffers.of(denom, true, false)), false);
  }

  @Override
  protected Operand<TFloat32> call(ModelContext ctx, Ops scope, Operand<TFloat32> x, long[] in) {
    Ops tf = ctx.tf();
    return tf.math.div(tf.math.sub(x, tf.identity(meanVar)), tf.identity(denomVar));
  }

  @Override
  public long[] outputShape(long[] in) {
    return in.clone();
  }
}
