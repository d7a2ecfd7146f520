package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Sequential;
import io.tfjlab.models.layers.Standardize;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Placeholders, losses and metrics shared by the zoo's models, written in numerically stable form.
 */
public final class Heads {
  /** Name of the input placeholder in every graph (and the SavedModel signature input). */
  public static final String INPUT = "input";

  /** Name of the target placeholder. */
  public static final String TARGET = "target";

  private Heads() {}

  public static Placeholder<TFloat32> input(ModelContext ctx, long[] shape) {
    return ctx.tf()
        .withName(INPUT)
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(Shapes.withBatch(shape))));
  }

  public static Placeholder<TFloat32> target(ModelContext ctx, int width) {
    return ctx.tf()
        .withName(TARGET)
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, width)));
  }

  /** The optional standardisation layer, first in a model, from the training part's statistics. */
  public static List<Layer> maybeStandardize(ModelSpec spec, InputSpec input) {
    List<Layer> layers = new ArrayList<>();
    if (spec.standardizesInput()) {
      float[][] stats =
          input
              .pixelStats()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "model.standardize needs the training part's pixel statistics"));
      layers.add(new Standardize(stats[0], stats[1], Standardize.SEED003_EPSILON));
    }
    return layers;
  }

  /**
   * The softmax classifier's phase on the labeled images: cross-entropy of {@code logits} against
   * the one-hot {@code y}, accuracy as its metric ("acc"); it trains the variables and kernels of
   * {@code trained}, in that order.
   */
  static Phase classifierPhase(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> y, List<Sequential> trained) {
    List<Variable<TFloat32>> vars = new ArrayList<>();
    List<Variable<TFloat32>> kernels = new ArrayList<>();
    for (Sequential s : trained) {
      vars.addAll(s.trainableVariables());
      kernels.addAll(s.kernels());
    }
    return new Phase(
        "classifier",
        softmaxLoss(tf, logits, y),
        accuracy(tf, logits, y),
        "acc",
        vars,
        kernels,
        Phase.PhaseData.LABELED);
  }

  /** Mean softmax cross-entropy of logits against one-hot targets. */
  public static Operand<TFloat32> softmaxLoss(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> target) {
    return tf.math.mean(tf.nn.softmaxCrossEntropyWithLogits(logits, target).loss(), tf.constant(0));
  }

  /** Fraction of rows whose arg-max matches the one-hot target's. */
  public static Operand<TFloat32> accuracy(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> target) {
    return tf.math.mean(
        tf.dtypes.cast(
            tf.math.equal(
                tf.math.argMax(logits, tf.constant(1)), tf.math.argMax(target, tf.constant(1))),
            TFloat32.class),
        tf.constant(0));
  }

  /** Element-wise sigmoid cross-entropy from logits: {@code max(z,0) − z·t + log(1 + e^−|z|)}. */
  public static Operand<TFloat32> sigmoidCrossEntropy(
      Ops tf, Operand<TFloat32> z, Operand<TFloat32> t) {
    return tf.math.add(
        tf.math.sub(tf.nn.relu(z), tf.math.mul(z, t)),
        tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(z)))));
  }

  /** Mean of all elements. */
  public static Operand<TFloat32> meanAll(Ops tf, Operand<TFloat32> x, int rank) {
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return tf.math.mean(x, tf.constant(axes));
  }

  /** Accuracy of a single-logit binary classifier against {0,1} targets. */
  public static Operand<TFloat32> binaryAccuracy(Ops tf, Operand<TFloat32> z, Operand<TFloat32> t) {
    Operand<TFloat32> predicted =
        tf.dtypes.cast(tf.math.greater(z, tf.constant(0f)), TFloat32.class);
    return meanAll(tf, tf.dtypes.cast(tf.math.equal(predicted, t), TFloat32.class), 2);
  }
}
