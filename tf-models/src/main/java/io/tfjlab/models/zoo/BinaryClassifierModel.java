package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Reshape;
import io.tfjlab.models.layers.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One sigmoid output unit, optionally after tanh hidden layers: {@code perceptron} (seed 004, one
 * class against the rest of a labelled image set), {@code blobs} (logistic regression on two
 * gaussians) and {@code xor} (10 tanh units + sigmoid), the last two from seed 002.
 */
public final class BinaryClassifierModel implements ModelFactory {
  private final String name;
  private final String description;

  private BinaryClassifierModel(String name, String description) {
    this.name = name;
    this.description = description;
  }

  public static BinaryClassifierModel perceptron() {
    return new BinaryClassifierModel(
        "perceptron",
        "one sigmoid unit, positiveClass against the rest (seed 004: CIFAR-10 cat = 3)");
  }

  public static BinaryClassifierModel blobs() {
    return new BinaryClassifierModel(
        "blobs", "logistic regression on two gaussian blobs (seed 002)");
  }

  public static BinaryClassifierModel xor() {
    return new BinaryClassifierModel(
        "xor", "10 tanh units + sigmoid on XOR of four gaussians (seed 002)");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    // defaults: families/perceptron.json, blobs.json, xor.json
    HiddenLayers r = (HiddenLayers) spec;
    Ops tf = ctx.tf();
    Placeholder<TFloat32> x = Heads.input(ctx, input.shape());
    Placeholder<TFloat32> y = Heads.target(ctx, input.targetWidth());
    List<Layer> layers = new ArrayList<>();
    if (input.shape().length > 1) {
      layers.add(Reshape.flatten());
    }
    for (int h : r.hidden()) {
      layers.add(new Dense(h, r.activation()));
    }
    layers.add(new Dense(1, Activation.LINEAR));
    Sequential net = new Sequential(layers);
    Operand<TFloat32> z = net.apply(ctx, x, input.shape());
    Operand<TFloat32> t = y;
    if (input.targetWidth() > 1) {
      int c = spec instanceof PerceptronSpec p && p.positiveClass() != null ? p.positiveClass() : 1;
      if (c < 0 || c >= input.targetWidth()) {
        throw new IllegalArgumentException(
            "model.positiveClass must be in 0.."
                + (input.targetWidth() - 1)
                + " for this data set's "
                + input.targetWidth()
                + " classes, got "
                + c
                + "; pass --positive-class N (\"positiveClass\" in a spec file)");
      }
      t = tf.slice(y, tf.constant(new int[] {0, c}), tf.constant(new int[] {-1, 1}));
    }
    Operand<TFloat32> loss = Heads.meanAll(tf, Heads.sigmoidCrossEntropy(tf, z, t), 2);
    Phase phase =
        new Phase(
            "classifier",
            loss,
            Heads.binaryAccuracy(tf, z, t),
            "acc",
            net.trainableVariables(),
            net.kernels(),
            Phase.PhaseData.LABELED);
    Operand<TFloat32> probability = tf.withName("probabilities").math.sigmoid(z);
    return new BuiltModel(
        name, spec, Task.BINARY, ctx, x, y, probability, List.of(phase), Map.of(name, net));
  }
}
