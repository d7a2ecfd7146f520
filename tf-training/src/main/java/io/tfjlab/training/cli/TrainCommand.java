package io.tfjlab.training.cli;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.spec.ResolvedSpec;
import io.tfjlab.training.spec.SpecResolver;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code train}: one run from a spec file and/or options, or {@code --resume} an interrupted one.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Train a model: a new run folder under --runs-dir with manifest, history.csv, checkpoints "
          + "(best on --monitor, and last), TensorBoard events and results.json (test set, read once at the end).",
      "Example: ./tfjlab train --model cnn --labels 100 --augment --epochs 60 --steps-per-epoch 20"
    })
public final class TrainCommand implements Callable<Integer> {
  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "A JSON run spec; options below override its fields.")
  Path specFile;

  @Option(
      names = "--resume",
      paramLabel = "RUN",
      description = "Continue this run folder from its last checkpoint.")
  Path resume;

  @Mixin ModelOptions modelOptions = new ModelOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec commandSpec;

  @SpecPath("dataset")
  @Option(
      names = "--dataset",
      description =
          "mnist (default), fashion-mnist, usps, cifar10, toy-xor, toy-blobs, toy-linreg, "
              + "or your own: folder:DIR, npz:FILE, csv:FILE (options after '?', e.g. folder:DIR?test=0.2).")
  String dataset;

  /** --image-size and --color: options of a folder: or csv: reference, set after resolution. */
  @Mixin
  io.tfjlab.data.cli.DatasetRefOptions datasetRefOptions =
      new io.tfjlab.data.cli.DatasetRefOptions();

  @SpecPath("labels")
  @Option(
      names = "--labels",
      description = "Labeled training images, balanced over classes; 0 = all (default).")
  Integer labels;

  @SpecPath("validation")
  @Option(
      names = "--validation",
      description = "Validation fraction of the training part (default 0.1).")
  Double validation;

  @SpecPath("epochs")
  @Option(names = "--epochs", description = "Epochs (default 20).")
  Integer epochs;

  @SpecPath("pretrainEpochs")
  @Option(
      names = "--pretrain-epochs",
      description = "Epochs of earlier phases, e.g. the autoencoder (default 10).")
  Integer pretrainEpochs;

  @SpecPath("stepsPerEpoch")
  @Option(names = "--steps-per-epoch", description = "Batches per epoch over a small labeled set.")
  Integer stepsPerEpoch;

  @SpecPath("batchSize")
  @Option(names = "--batch-size", description = "Batch size (default 128).")
  Integer batchSize;

  @SpecPath("optimizer.name")
  @Option(names = "--optimizer", description = "sgd, momentum, rmsprop or adam (default).")
  String optimizer;

  @SpecPath("optimizer.learningRate")
  @Option(names = "--lr", description = "Learning rate (default 0.001).")
  Double lr;

  @SpecPath("optimizer.beta1")
  @Option(names = "--beta1", description = "Adam beta1.")
  Double beta1;

  @SpecPath("optimizer.epsilon")
  @Option(names = "--epsilon", description = "Adam / RMSProp epsilon (default 1e-7).")
  Double epsilon;

  @SpecPath("optimizer.epsilonInside")
  @Option(
      names = "--epsilon-inside",
      arity = "1",
      paramLabel = "true|false",
      description =
          "Adam: epsilon under the square root, m/sqrt(v+eps), as Theano/Lasagne code (sgan default: true).")
  Boolean epsilonInside;

  @SpecPath("schedule.type")
  @Option(
      names = "--schedule",
      description = "Learning-rate schedule: constant (default), step, linear.")
  String schedule;

  @SpecPath("schedule.start")
  @Option(
      names = "--schedule-start",
      paramLabel = "EPOCH",
      description = "Linear schedule: keep the full rate for this many epochs, then decay.")
  Integer scheduleStart;

  @SpecPath("schedule.finalFraction")
  @Option(
      names = "--final-lr-fraction",
      paramLabel = "F",
      description =
          "Linear schedule: the rate reached at the end of the last epoch, as a fraction of --lr (default 0; the last epoch trains at a small positive rate).")
  Double finalLrFraction;

  @SpecPath("l2")
  @Option(names = "--l2", description = "L2 weight on kernels (Keras l2(λ)).")
  Double l2;

  @SpecPath("seed")
  @Option(names = "--seed", description = "Run seed (default 1).")
  Long seed;

  @SpecPath("labelSeed")
  @Option(names = "--label-seed", description = "Seed of the labeled subset (default 1).")
  Long labelSeed;

  @Option(
      names = "--label-seeds",
      split = ",",
      paramLabel = "S[,S...]",
      description =
          "One run per labeled-subset seed, then the mean ± std of the test metric (as papers report).")
  List<Long> labelSeeds;

  @Option(
      names = "--augment",
      negatable = true,
      description =
          "Augment the labeled training images (10° rotation, "
              + "10%% zoom, 10%% shift); on by default for sgan with the cnn discriminator, --no-augment turns it off.")
  Boolean augment;

  @Option(
      names = "--augment-unlabeled",
      description =
          "Augment the batches drawn from every training image too (the unlabeled images of sgan,"
              + " the pre-training of dcgan-transfer and ae-classifier); needs an augmentation (--augment,"
              + " or sgan's cnn default).")
  Boolean augmentUnlabeled;

  @SpecPath("patience")
  @Option(names = "--patience", description = "Early stopping after N epochs without improvement.")
  Integer patience;

  @SpecPath("monitor")
  @Option(names = "--monitor", description = "val_loss (default) or val_acc.")
  String monitor;

  @SpecPath("threads")
  @Option(names = "--threads", description = "TensorFlow threads (default: all cores).")
  Integer threads;

  @SpecPath("checkpoint")
  @Option(
      names = "--checkpoint",
      description = "Checkpoint the test set evaluates: best (default) or last.")
  String checkpoint;

  @SpecPath("splitSeed")
  @Option(names = "--split-seed", description = "Seed of the validation split (default 1).")
  Long splitSeed;

  @SpecPath("limitBatches")
  @Option(
      names = "--limit-batches",
      paramLabel = "N",
      description =
          "At most N training batches per epoch in every "
              + "phase: a quick check of the whole pipeline (Lightning's limit_train_batches).")
  Integer limitBatches;

  @SpecPath("nonFinite")
  @Option(
      names = "--on-nonfinite",
      paramLabel = "stop|skip",
      description =
          "A step whose loss or gradients are not finite: stop training at once (default), or skip"
              + " it (no weight or optimiser state changes; counted; a warning per epoch).")
  String nonFinite;

  @Option(
      names = "--dry-run",
      description =
          "Print the resolved spec as JSON (a spec file) and, on standard error, "
              + "which layer set each value that is not a built-in default; train nothing.")
  boolean dryRun;

  @Option(
      names = "--runs-dir",
      defaultValue = "runs",
      description = "Where run folders go (default: ${DEFAULT-VALUE}).")
  Path runsDir;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data set cache root.")
  Path dataDir;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      description =
          "A folder that already holds the catalog data set's files (raw or compressed), for data"
              + " sets this machine cannot download (cifar10, usps); they are verified and cached.")
  Path from;

  @Override
  public Integer call() {
    com.google.inject.Injector injector =
        Guice.createInjector(
            new TrainingModule(
                new DataOptions(Optional.ofNullable(dataDir), Optional.ofNullable(from)),
                DeviceSelection.placementOf(commandSpec.root().userObject())));
    RunExecutor executor = injector.getInstance(RunExecutor.class);
    String command = "tfjlab " + String.join(" ", commandLine());
    if (resume != null) {
      if (dryRun) {
        throw new IllegalArgumentException(
            "--dry-run resolves a new run's spec; it does not apply to --resume");
      }
      if (specFile != null) {
        throw new IllegalArgumentException(
            "--spec does not apply to --resume: a resumed run keeps the spec in its manifest;"
                + " leave it out, or start a new run with it");
      }
      boolean runsDirGiven =
          commandSpec.commandLine() != null
              && commandSpec.commandLine().getParseResult() != null
              && commandSpec.commandLine().getParseResult().hasMatchedOption("--runs-dir");
      ResumeOptions.check(
          resume,
          options().values(),
          new ResumeOptions.Extra(datasetRefOptions, labelSeeds, runsDirGiven ? runsDir : null));
      executor.resume(resume, System.out);
      return 0;
    }
    ResolvedSpec resolved = resolve(new SpecResolver(injector.getInstance(ModelZoo.class)));
    if (dryRun) {
      System.out.println(Json.MAPPER.valueToTree(resolved.spec()).toPrettyString());
      resolved
          .provenance()
          .forEach((path, layer) -> System.err.println("# " + path + ": " + layer));
      return 0;
    }
    if (labelSeeds != null && !labelSeeds.isEmpty()) {
      List<RunResult> results = new java.util.ArrayList<>();
      for (long s : labelSeeds) {
        results.add(
            executor.train(
                resolved.with(
                    resolved.spec().withLabelSeed(s),
                    "labelSeed",
                    OptionLayer.NAME + " (--label-seeds)"),
                runsDir,
                command,
                System.out));
      }
      System.out.println(SeedSweep.summary(labelSeeds, results));
    } else {
      executor.train(resolved, runsDir, command, System.out);
    }
    return 0;
  }

  private String[] args = new String[0];

  /** The raw arguments, recorded in the manifest. */
  public TrainCommand withArgs(String[] a) {
    this.args = a.clone();
    return this;
  }

  private String[] commandLine() {
    return args;
  }

  /**
   * The run these options ask for: the spec file (if any), then the options, over the model's
   * family.
   */
  public ResolvedSpec resolve(SpecResolver resolver) {
    if (labelSeed != null && labelSeeds != null) {
      throw new IllegalArgumentException(
          "--label-seed and --label-seeds exclude each other; give one");
    }
    List<SpecLayer> layers = new java.util.ArrayList<>();
    if (specFile != null) {
      layers.add(SpecResolver.file(specFile));
    }
    layers.add(options());
    ResolvedSpec resolved = resolver.resolve(layers);
    if (datasetRefOptions.any()) {
      // they complete the resolved reference, wherever it came from (option, spec file, plan)
      String ref = datasetRefOptions.apply(resolved.spec().dataset());
      resolved = resolved.with(resolved.spec().withDataset(ref), "dataset", OptionLayer.NAME);
    }
    new DataOptions(Optional.empty(), Optional.ofNullable(from))
        .checkFromApplies(List.of(resolved.spec().dataset()));
    return resolved;
  }

  /** The options as one spec layer. */
  SpecLayer options() {
    SpecLayer layer = OptionLayer.of(this, modelOptions);
    ObjectNode v = layer.values();
    if (augment != null) {
      // --no-augment is an explicit "none", as "augment": null in a spec file
      v.set(
          "augment",
          augment ? Json.MAPPER.valueToTree(AugmentSpec.digits()) : NullNode.getInstance());
    }
    if (Boolean.TRUE.equals(augmentUnlabeled)) {
      if (Boolean.FALSE.equals(augment)) {
        throw new IllegalArgumentException(
            "--augment-unlabeled needs an augmentation, and --no-augment turns it off: give one");
      }
      // merged over the augmentation of the lower layers (--augment, the spec file, the family)
      ObjectNode a = v.get("augment") instanceof ObjectNode o ? o : v.putObject("augment");
      a.put("unlabeled", true);
    }
    if (schedule == null && (scheduleStart != null || finalLrFraction != null)) {
      // --schedule-start / --final-lr-fraction alone mean the linear schedule
      ((ObjectNode) v.get("schedule")).put("type", "linear");
    }
    return layer;
  }
}
