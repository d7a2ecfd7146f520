package io.tfjlab.training;

import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.optim.OptimizerSpec;

/**
 * Training schedules that come with a model when neither a spec file nor options say otherwise:
 * the GANs' published optimiser settings and a default schedule that fits in 30 minutes on two
 * cores; {@code --preset paper} gives the long schedule of the reference recipe. Other models use
 * the {@link RunSpec} defaults.
 */
public final class Recipes {
  private Recipes() {}

  /**
   * A spec file over its model's recipe: the fields the file gives win, the others come from the
   * recipe (so {@code {"model": {"type": "sgan"}}} trains with the sgan recipe, as {@code --model sgan}).
   */
  public static RunSpec withFile(java.nio.file.Path file) {
    com.fasterxml.jackson.databind.ObjectMapper m = io.tfjlab.training.run.Json.MAPPER;
    com.fasterxml.jackson.databind.JsonNode given = io.tfjlab.training.run.Json.read(file,
        com.fasterxml.jackson.databind.JsonNode.class);
    try {
      RunSpec fromFile = m.treeToValue(given, RunSpec.class);
      com.fasterxml.jackson.databind.node.ObjectNode merged = m.valueToTree(base(fromFile.model()));
      given.fields().forEachRemaining(f -> merged.set(f.getKey(), f.getValue()));
      return m.treeToValue(merged, RunSpec.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": " + io.tfjlab.models.layers.config.ConfigErrors.describe(e), e);
    }
  }

  /** The base spec for a model and preset (null preset = default). */
  public static RunSpec base(ModelSpec model) {
    String preset = model.preset() == null ? "default" : model.preset();
    RunSpec spec = RunSpec.of(model);
    switch (model.type()) {
      case "sgan" -> {
        // Salimans et al.: Adam 0.003, beta1 0.5, batch 100, 100 labels; the final (averaged) model is
        // tested, nothing is chosen on validation labels; 1,000 validation images only show progress.
        // Adam ε: the reference (Theano) adds 1e-8 under the square root; TensorFlow's ε = 1e-4 outside
        // it trained better here (98.10% against 80% at epoch 5 with --epsilon-inside true; docs/RESULTS.md)
        boolean cnn = "cnn".equals(model.discriminator());
        spec = spec.withLabels(100).withBatchSize(100)
            .withOptimizer(new OptimizerSpec("adam", 0.003, null, 0.5, null, 1e-4, null, null))
            .withValidation(1000.0 / 60000).withCheckpoint("last");
        spec = switch (preset) {
          case "paper" -> spec.withEpochs(300).withModel(model.withAverageRate(
              model.averageRate() == null ? 0.0001 : model.averageRate()));
          // under 30 minutes alone on two cores (docs/RESULTS.md): the MLP discriminator 30 epochs, the CNN one 12
          case "default" -> spec.withEpochs(cnn ? 12 : 30);
          default -> throw new IllegalArgumentException("unknown sgan preset '" + preset + "'; use default or paper");
        };
        if (cnn) {
          // the labeled images slightly rotated, zoomed and shifted (the unlabeled ones as they are): the CNN
          // discriminator learns faster from its 100 labels (docs/RESULTS.md, session 5); the MLP one stays
          // permutation-invariant, as the reference
          spec = spec.withAugment(AugmentSpec.digits());
        }
      }
      case "dcgan", "dcgan-transfer" -> {
        // DCGAN's Adam 2e-4, beta1 0.5; then fine-tuning on the labeled images
        spec = spec.withBatchSize(64).withOptimizer(OptimizerSpec.adam(2e-4, 0.5));
        if (model.type().equals("dcgan")) {
          spec = spec.withEpochs(preset.equals("paper") ? 25 : 10).withValidation(0);
        } else {
          spec = spec.withLabels(100).withPretrainEpochs(preset.equals("paper") ? 25 : 10).withEpochs(60)
              .withStepsPerEpoch(20);
        }
      }
      default -> { }
    }
    return spec;
  }
}
