package io.tfjlab.eval.compare;

import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.Recipes;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.optim.OptimizerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seed reports' comparison on MNIST, as rows of run specs. Presets:
 * <ul>
 *   <li>{@code default}: shortened schedules, label seed 1 — about 20 minutes on two cores (17 min 23 s measured);</li>
 *   <li>{@code paper}: the schedules docs/RESULTS.md reports, label seeds 1, 2, 3 for the 100-label rows;</li>
 *   <li>{@code smoke}: a few steps per row, to check the plumbing (tests), numbers meaningless.</li>
 * </ul>
 * 100-label rows: 10 labeled images per class, epochs chosen on the labeled validation split
 * (10% of the training images, split seed 1), except the semi-supervised GAN, evaluated after a
 * fixed schedule (last checkpoint, weight average).
 */
public final class ComparisonPlan {
  public static final List<String> PRESETS = List.of("default", "paper", "smoke");

  private ComparisonPlan() {}

  public static List<ComparisonRow> forPreset(String preset) {
    if (!PRESETS.contains(preset)) {
      throw new IllegalArgumentException("unknown comparison preset '" + preset + "'; use " + String.join(", ", PRESETS));
    }
    boolean paper = preset.equals("paper");
    boolean smoke = preset.equals("smoke");
    List<Long> labelSeeds = paper ? List.of(1L, 2L, 3L) : List.of(1L);
    List<ComparisonRow> rows = new ArrayList<>();

    rows.add(labeled("linear-100", "Linear softmax", labelSeeds, Optional.empty(),
        fewLabels(ModelSpec.of("linear"), smoke ? 1 : 30, 20)));
    rows.add(labeled("mlp-100", "MLP 150-150 ReLU, dropout 0.5", labelSeeds,
        Optional.of(new SeedReport("69.46% (DNN)", "seed 001", 0.6946)),
        fewLabels(ModelSpec.of("mlp").withDropout(0.5), smoke ? 1 : 30, 20)));
    rows.add(labeled("cnn-100", "CNN (seed 003), dropout 0.5, L2 1e-3", labelSeeds,
        Optional.of(new SeedReport("83%", "seed 000", 0.83)),
        fewLabels(ModelSpec.of("cnn").withDropout(0.5), smoke ? 1 : paper ? 100 : 40, 20).withL2(1e-3)));
    rows.add(labeled("cnn-aug-100", "CNN + augmentation", labelSeeds,
        Optional.of(new SeedReport("85–88%", "seed 000", 0.865)),
        fewLabels(ModelSpec.of("cnn").withDropout(0.5), smoke ? 1 : paper ? 80 : 40, 20)
            .withMonitor("val_loss").withAugment(AugmentSpec.digits())));
    rows.add(labeled("ae-100", "Autoencoder + classifier (encoder fine-tuned)", labelSeeds,
        Optional.of(new SeedReport("79%", "seed 000", 0.79)),
        fewLabels(ModelSpec.of("ae-classifier").withActivation(Activation.SIGMOID).withFreezeBody(false),
            smoke ? 1 : paper ? 200 : 100, 10)
            .withBatchSize(100).withPretrainEpochs(smoke ? 1 : paper ? 20 : 5)
            .withOptimizer(OptimizerSpec.adam(0.003)).withAugment(AugmentSpec.digits())));
    RunSpec dcgan = Recipes.base(ModelSpec.of("dcgan-transfer")).withAugment(AugmentSpec.digits())
        .withPretrainEpochs(smoke ? 1 : paper ? 10 : 2);
    rows.add(labeled("dcgan-transfer-100", "DCGAN discriminator → 10-way classifier", labelSeeds,
        Optional.of(new SeedReport("87%", "seed 000", 0.87)), smoke ? dcgan.withEpochs(1) : dcgan));
    RunSpec sganMlp = Recipes.base(ModelSpec.of("sgan"));
    rows.add(labeled("sgan-mlp-100", "Semi-supervised GAN, MLP discriminator (Salimans)", labelSeeds,
        Optional.of(new SeedReport("77.94% (DNN)", "seed 001", 0.7794)),
        sganMlp.withEpochs(smoke ? 1 : paper ? sganMlp.epochs() : 4)));
    RunSpec sganCnn = Recipes.base(ModelSpec.of("sgan").withDiscriminator("cnn"));
    rows.add(labeled("sgan-cnn-100", "Semi-supervised GAN, CNN discriminator", labelSeeds,
        Optional.of(new SeedReport("95.09%", "seed 001", 0.9509)),
        sganCnn.withEpochs(smoke ? 1 : paper ? sganCnn.epochs() : 2)));

    rows.add(all("linear-all", "Linear softmax", Optional.of(new SeedReport("85.6% (raw), 92.5% (standardised)",
        "seed 003", 0.856)), RunSpec.of(ModelSpec.of("linear")).withEpochs(smoke ? 1 : paper ? 20 : 5)));
    rows.add(all("mlp-all", "MLP 150-150 ReLU, dropout 0.2", Optional.of(new SeedReport("97.25%", "seed 003", 0.9725)),
        RunSpec.of(ModelSpec.of("mlp").withDropout(0.2)).withEpochs(smoke ? 1 : paper ? 30 : 5)));
    rows.add(all("cnn-all", "CNN (seed 003) + augmentation, dropout 0.3", Optional.of(new SeedReport("99%", "seed 000", 0.99)),
        RunSpec.of(ModelSpec.of("cnn").withDropout(0.3)).withAugment(AugmentSpec.digits())
            .withSchedule(new LearningRateSchedule("linear", null, null, null))
            .withEpochs(smoke ? 1 : paper ? 20 : 3)));
    return smoke ? rows.stream().map(ComparisonPlan::smoke).toList() : rows;
  }

  /** The 100-label protocol of the supervised rows: batch 32, a fixed number of steps per epoch, epoch chosen on val_acc. */
  private static RunSpec fewLabels(ModelSpec model, int epochs, int steps) {
    return RunSpec.of(model).withLabels(100).withEpochs(epochs).withStepsPerEpoch(steps).withBatchSize(32)
        .withMonitor("val_acc");
  }

  private static ComparisonRow labeled(String id, String title, List<Long> labelSeeds, Optional<SeedReport> seed,
      RunSpec spec) {
    RunSpec s = spec.labels() == 0 ? spec.withLabels(100) : spec;
    return new ComparisonRow(id, title, labelSeeds.stream().map(s::withLabelSeed).toList(), seed);
  }

  private static ComparisonRow all(String id, String title, Optional<SeedReport> seed, RunSpec spec) {
    return new ComparisonRow(id, title, List.of(spec), seed);
  }

  /** A few steps per epoch of everything, to check that every row runs. */
  private static ComparisonRow smoke(ComparisonRow row) {
    return new ComparisonRow(row.id(), row.title(), row.runs().stream().map(s -> s.withLimitBatches(3)
        .withEpochs(1).withPretrainEpochs(Math.min(1, s.pretrainEpochs()))).toList(), row.seedReport());
  }
}
