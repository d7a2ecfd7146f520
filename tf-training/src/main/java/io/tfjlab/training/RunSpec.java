package io.tfjlab.training;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.spec.BuiltInDefaults;

/**
 * Everything that defines a training run, as a JSON spec file holds it. Missing fields take the
 * built-in defaults ({@code io/tfjlab/training/defaults.json}); {@link
 * io.tfjlab.training.spec.SpecResolver} lays the model family, its preset, a spec file and options
 * over them. Validated on construction; the resolved spec is written to every manifest.
 *
 * @param model the zoo model and its options
 * @param dataset a catalog data set (mnist, fashion-mnist, usps, cifar10) or a toy (toy-xor,
 *     toy-blobs, toy-linreg)
 * @param labels labeled training images, balanced over classes; 0 = all (default)
 * @param validation fraction of the training part held out, stratified (default 0.1)
 * @param epochs epochs of the final phase (default 20)
 * @param pretrainEpochs epochs of earlier phases, e.g. the autoencoder before its classifier
 *     (default 10)
 * @param stepsPerEpoch batches per epoch when the labeled set is small; null = one pass
 * @param batchSize default 128
 * @param optimizer default Adam 1e-3
 * @param schedule default constant
 * @param l2 weight of the L2 penalty on kernels (default 0)
 * @param seed the run seed: initialisation, data order, dropout (default 1)
 * @param labelSeed seeds which images are labeled (default 1)
 * @param splitSeed seeds the validation split (default 1)
 * @param augment random image transformations for training batches; null = none
 * @param patience early-stopping patience in epochs; null = no early stopping
 * @param monitor the metric the best checkpoint and early stopping follow: val_loss (default) or
 *     val_acc
 * @param threads TensorFlow intra-op threads (default: available processors)
 * @param checkpoint which checkpoint the test set evaluates: best (on --monitor, default) or last
 *     (the final model of a fixed schedule: no choice made on validation labels)
 * @param limitBatches at most this many training batches per epoch in every phase (a quick check of
 *     a whole pipeline, like Lightning's {@code limit_train_batches}); null = no limit
 * @param nonFinite what a step whose loss or gradients are not finite does: {@code stop} training
 *     at once (default), or {@code skip} it (it changes no weight and no optimiser state, is
 *     counted, and training goes on; every step of an epoch skipped still stops). Written to a spec
 *     only when not the default, so the specs, manifests and run-ledger keys of runs that keep the
 *     default are those they had before the option existed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record RunSpec(
    ModelSpec model,
    String dataset,
    Integer labels,
    Double validation,
    Integer epochs,
    Integer pretrainEpochs,
    Integer stepsPerEpoch,
    Integer batchSize,
    OptimizerSpec optimizer,
    LearningRateSchedule schedule,
    Double l2,
    Long seed,
    Long labelSeed,
    Long splitSeed,
    AugmentSpec augment,
    Integer patience,
    String monitor,
    Integer threads,
    String checkpoint,
    Integer limitBatches,
    @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = DefaultNonFinite.class)
        String nonFinite)
    implements RunSpecBuilder.With {

  public RunSpec {
    if (model == null) {
      throw new IllegalArgumentException("spec.model is required, e.g. {\"type\": \"cnn\"}");
    }
    // missing fields take the built-in defaults (io/tfjlab/training/defaults.json, the one place
    // they live)
    dataset = dataset == null ? BuiltInDefaults.get("dataset", String.class) : dataset;
    labels = labels == null ? BuiltInDefaults.get("labels", Integer.class) : labels;
    validation = validation == null ? BuiltInDefaults.get("validation", Double.class) : validation;
    epochs = epochs == null ? BuiltInDefaults.get("epochs", Integer.class) : epochs;
    pretrainEpochs =
        pretrainEpochs == null
            ? BuiltInDefaults.get("pretrainEpochs", Integer.class)
            : pretrainEpochs;
    batchSize = batchSize == null ? BuiltInDefaults.get("batchSize", Integer.class) : batchSize;
    optimizer =
        optimizer == null ? BuiltInDefaults.get("optimizer", OptimizerSpec.class) : optimizer;
    schedule =
        schedule == null ? BuiltInDefaults.get("schedule", LearningRateSchedule.class) : schedule;
    l2 = l2 == null ? BuiltInDefaults.get("l2", Double.class) : l2;
    seed = seed == null ? BuiltInDefaults.get("seed", Long.class) : seed;
    labelSeed = labelSeed == null ? BuiltInDefaults.get("labelSeed", Long.class) : labelSeed;
    splitSeed = splitSeed == null ? BuiltInDefaults.get("splitSeed", Long.class) : splitSeed;
    monitor = monitor == null ? BuiltInDefaults.get("monitor", String.class) : monitor;
    // a setting of the machine, not of the experiment: not part of the run ledger's key
    threads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    checkpoint = checkpoint == null ? BuiltInDefaults.get("checkpoint", String.class) : checkpoint;
    nonFinite = nonFinite == null ? BuiltInDefaults.get("nonFinite", String.class) : nonFinite;
    require(
        nonFinite.equals(STOP) || nonFinite.equals(SKIP),
        "nonFinite must be stop or skip, got " + nonFinite);
    require(
        checkpoint.equals("best") || checkpoint.equals("last"),
        "checkpoint must be best or last, got " + checkpoint);
    require(labels >= 0, "labels must be >= 0 (0 = all), got " + labels);
    require(validation >= 0 && validation < 1, "validation must be in [0, 1), got " + validation);
    require(epochs > 0, "epochs must be > 0, got " + epochs);
    require(pretrainEpochs >= 0, "pretrainEpochs must be >= 0, got " + pretrainEpochs);
    require(stepsPerEpoch == null || stepsPerEpoch > 0, "stepsPerEpoch must be > 0");
    require(batchSize > 0, "batchSize must be > 0, got " + batchSize);
    require(l2 >= 0, "l2 must be >= 0, got " + l2);
    require(patience == null || patience > 0, "patience must be > 0");
    require(
        monitor.equals("val_loss") || monitor.equals("val_acc"),
        "monitor must be val_loss or val_acc, got " + monitor);
    require(threads > 0, "threads must be > 0");
    require(limitBatches == null || limitBatches > 0, "limitBatches must be > 0");
    require(
        validation > 0 || patience == null, "early stopping (patience) needs a validation split");
  }

  /** {@link #nonFinite()}: stop training at a non-finite step. */
  public static final String STOP = "stop";

  /** {@link #nonFinite()}: skip a non-finite step and go on. */
  public static final String SKIP = "skip";

  /** Whether non-finite steps are skipped rather than stopping training. */
  public boolean skipsNonFinite() {
    return SKIP.equals(nonFinite);
  }

  /** Leaves {@code nonFinite} out of the JSON when it is the built-in default. */
  static final class DefaultNonFinite {
    @Override
    public boolean equals(Object value) {
      return value == null || value.equals(BuiltInDefaults.get("nonFinite", String.class));
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("spec." + message);
    }
  }

  /** A run of {@code model} with every other field at its built-in default. */
  public static RunSpec of(ModelSpec model) {
    return RunSpecBuilder.builder().model(model).build();
  }
}
