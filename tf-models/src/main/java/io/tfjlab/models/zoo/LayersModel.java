package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.DataInitLayer;
import io.tfjlab.models.layers.Sequential;
import io.tfjlab.models.layers.config.ActivationConfig;
import io.tfjlab.models.layers.config.Conv2DConfig;
import io.tfjlab.models.layers.config.DenseConfig;
import io.tfjlab.models.layers.config.LayerConfig;
import io.tfjlab.models.layers.config.LayerStack;
import io.tfjlab.models.layers.config.StandardizeConfig;
import io.tfjlab.models.layers.config.WeightNormConv2DConfig;
import io.tfjlab.models.layers.config.WeightNormDenseConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * {@code "type": "layers"}: a softmax classifier whose network is the spec's layer list ({@code
 * model.layers}, Keras {@code Sequential} style), from the input to the K logits; trained with
 * softmax cross-entropy on the labeled images as the zoo's classifiers. Batch-norm moving averages
 * are updated with every step; weight-normalised layers get their data-dependent initialisation. A
 * list with the zoo {@code cnn}'s layers builds the same graph as the zoo {@code cnn}: the same
 * layer names, the same initialiser seeds (taken in layer order from the run seed), the same
 * weights.
 */
public final class LayersModel implements ModelFactory {
  /** The zoo name. */
  public static final String NAME = "layers";

  /** Training images of the weight-normalisation initialisation, as the semi-supervised GAN's. */
  static final int DATA_INIT_EXAMPLES = 500;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "a classifier from the spec's layer list, model.layers (examples/layers-cnn.json, layers-mlp.json)";
  }

  @Override
  public ModelSpec resolve(ModelSpec spec) {
    LayersSpec s = SpecChecks.as(spec, LayersSpec.class);
    if (s.layers() == null || s.layers().isEmpty()) {
      throw new IllegalArgumentException(
          "model.layers is required for \"type\": \"layers\": a list from input to "
              + "logits such as [{\"type\": \"flatten\"}, {\"type\": \"dense\", \"units\": 10}], in a spec file "
              + "(--spec; see examples/layers-cnn.json)");
    }
    for (int i = 0; i < s.layers().size(); i++) {
      if (s.layers().get(i) == null) {
        throw new IllegalArgumentException(
            "model.layers["
                + i
                + "] is null; give a layer such as "
                + "{\"type\": \"dense\", \"units\": 10}");
      }
    }
    boolean standardizes = s.layers().get(0) instanceof StandardizeConfig;
    if (s.standardize() != null && s.standardize() != standardizes) {
      throw new IllegalArgumentException(
          "model.standardize does not apply to the layers model: a first "
              + "{\"type\": \"standardize\"} layer standardises the input; leave model.standardize out");
    }
    return s.withStandardize(standardizes);
  }

  @Override
  public void validate(ModelSpec spec, InputSpec input) {
    stack(resolve(spec), input);
  }

  /**
   * The layers for this input, each checked against its input shape, and the head against the
   * classes.
   */
  static LayerStack stack(ModelSpec resolved, InputSpec input) {
    int k = input.numClasses();
    if (k < 2) {
      throw new IllegalArgumentException(
          "the layers model is a softmax classifier and needs a data set with 2 or "
              + "more classes (mnist, fashion-mnist, usps, cifar10); this input has "
              + k
              + " target");
    }
    List<LayerConfig> configs = SpecChecks.as(resolved, LayersSpec.class).layers();
    LayerStack stack = LayerStack.of(configs, input.shape(), input.pixelStats());
    int last = configs.size() - 1;
    LayerConfig head = configs.get(last);
    if (outputActivation(head) == Activation.SOFTMAX) {
      throw new IllegalArgumentException(
          LayerStack.where(last, head)
              + "the last layer gives the logits: leave out "
              + "its softmax (the classifier applies softmax and cross-entropy itself)");
    }
    long[] out = stack.outputShape();
    if (!Arrays.equals(out, new long[] {k})) {
      throw new IllegalArgumentException(
          LayerStack.where(last, head)
              + "the last layer gives the logits and must "
              + "output "
              + Shapes.describe(new long[] {k})
              + " for the "
              + k
              + " classes, got "
              + stack.describeOutput()
              + (out.length == 1 ? "; " : "; add {\"type\": \"flatten\"} and ")
              + "end with {\"type\": \"dense\", "
              + "\"units\": "
              + k
              + "}");
    }
    return stack;
  }

  private static Activation outputActivation(LayerConfig c) {
    if (c instanceof DenseConfig d) {
      return d.activation();
    } else if (c instanceof WeightNormDenseConfig d) {
      return d.activation();
    } else if (c instanceof Conv2DConfig d) {
      return d.activation();
    } else if (c instanceof WeightNormConv2DConfig d) {
      return d.activation();
    } else if (c instanceof ActivationConfig a) {
      return a.activation();
    }
    return null;
  }

  @Override
  public BuiltModel build(ModelContext ctx, ModelSpec spec, InputSpec input) {
    ModelSpec resolved = resolve(spec);
    Sequential net = new Sequential(stack(resolved, input).layers());
    Ops tf = ctx.tf();
    ClassifierModel.Head head = ClassifierModel.head(ctx, net, input);
    Phase phase = head.phase().withUpdates(net.updateOps());
    Optional<BuiltModel.DataInit> init = Optional.empty();
    if (net.layers().stream().anyMatch(l -> l instanceof DataInitLayer)) {
      List<Op> assigns = new ArrayList<>();
      Placeholder<TFloat32> initInput =
          tf.withName("init_images")
              .placeholder(
                  TFloat32.class,
                  Placeholder.shape(
                      org.tensorflow.ndarray.Shape.of(Shapes.withBatch(input.shape()))));
      GanParts.initPath(ctx, net, initInput, input.shape(), assigns);
      init =
          Optional.of(
              new BuiltModel.DataInit(
                  initInput, tf.withControlDependencies(assigns).noOp(), DATA_INIT_EXAMPLES));
    }
    return head.model(name(), resolved, ctx, net, phase, init);
  }
}
