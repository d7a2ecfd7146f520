package io.tfjlab.training;

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

  /** The base spec for a model and preset (null preset = default). */
  public static RunSpec base(ModelSpec model) {
    String preset = model.preset() == null ? "default" : model.preset();
    RunSpec spec = RunSpec.of(model);
    switch (model.type()) {
      case "sgan" -> {
        // Salimans et al.: Adam 0.003, beta1 0.5, batch 100, 100 labels; the final (averaged) model is
        // tested, nothing is chosen on validation labels; 1,000 validation images only show progress.
        // The reference Adam (Theano code) adds ε = 1e-8 under the square root.
        spec = spec.withLabels(100).withBatchSize(100)
            .withOptimizer(new OptimizerSpec("adam", 0.003, null, 0.5, null, 1e-8, null, true))
            .withValidation(1000.0 / 60000).withCheckpoint("last");
        spec = switch (preset) {
          case "paper" -> spec.withEpochs(300).withModel(model.withAverageRate(
              model.averageRate() == null ? 0.0001 : model.averageRate()));
          case "default" -> spec.withEpochs(20);
          default -> throw new IllegalArgumentException("unknown sgan preset '" + preset + "'; use default or paper");
        };
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
