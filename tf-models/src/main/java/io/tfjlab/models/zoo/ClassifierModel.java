package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Sequential;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    return head.model(name(), resolved, ctx, net, head.phase(), Optional.empty());
  }

  /**
   * A network's logits turned into a softmax classifier: placeholders, probabilities, its phase.
   */
  record Head(
      Placeholder<TFloat32> input,
      Placeholder<TFloat32> target,
      Operand<TFloat32> probabilities,
      Phase phase) {

    /**
     * The classifier model of {@code net} (its one part, named {@code name}) trained by {@code
     * phase}.
     */
    BuiltModel model(
        String name,
        ModelSpec resolved,
        ModelContext ctx,
        Sequential net,
        Phase phase,
        Optional<BuiltModel.DataInit> dataInit) {
      return new BuiltModel(
          name,
          resolved,
          Task.CLASSIFY,
          ctx,
          input,
          target,
          probabilities,
          List.of(phase),
          Map.of(name, net),
          List.of(),
          dataInit,
          Optional.empty());
    }
  }

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
    return new Head(x, y, probabilities, Heads.classifierPhase(tf, logits, y, List.of(net)));
  }
}
