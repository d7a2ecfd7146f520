package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Sequential;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Base of the softmax classifiers (linear, mlp, cnn, conv1d): a stack of layers ending in K logits,
 * trained with cross-entropy on the labeled images. Public so that a network defined in Java (the
 * {@code io.tfjlab.api} module's {@code Experiment.builder().network(...)}) can extend it.
 */
public abstract class ClassifierModel implements ModelFactory {
  /**
   * The layers from input to logits, for a resolved spec: new layer objects on every call (a layer
   * owns the variables of the graph it was first applied in).
   */
  protected abstract List<Layer> layers(ModelSpec resolved, InputSpec input);

  @Override
  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    ModelSpec resolved = resolve(spec);
    Sequential net = new Sequential(layers(resolved, input));
    Head head = head(ctx, net, input);
    return new BuiltModel(
        name(),
        resolved,
        Task.CLASSIFY,
        ctx,
        head.input(),
        head.target(),
        head.probabilities(),
        List.of(head.phase()),
        Map.of(name(), net));
  }

  /**
   * A network's logits turned into a softmax classifier: placeholders, probabilities, its phase.
   */
  record Head(
      Placeholder<TFloat32> input,
      Placeholder<TFloat32> target,
      Operand<TFloat32> probabilities,
      Phase phase) {}

  /**
   * Applies {@code net} (input to logits) and adds softmax cross-entropy, accuracy and
   * probabilities.
   */
  static Head head(ModelContext ctx, Sequential net, InputSpec input) {
    Ops tf = ctx.tf();
    Placeholder<TFloat32> x = Heads.input(ctx, input.shape());
    Placeholder<TFloat32> y = Heads.target(ctx, input.targetWidth());
    Operand<TFloat32> logits = net.apply(ctx, x, input.shape());
    Operand<TFloat32> probabilities = tf.withName("probabilities").nn.softmax(logits);
    Phase phase =
        new Phase(
            "classifier",
            Heads.softmaxLoss(tf, logits, y),
            Heads.accuracy(tf, logits, y),
            "acc",
            net.trainableVariables(),
            net.kernels(),
            Phase.PhaseData.LABELED);
    return new Head(x, y, probabilities, phase);
  }
}
