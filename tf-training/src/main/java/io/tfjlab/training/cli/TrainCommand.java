package io.tfjlab.training.cli;

import com.google.inject.Guice;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code train}: one run from a spec file and/or options, or {@code --resume} an interrupted one. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train a model: a new run folder under --runs-dir with manifest, history.csv, checkpoints "
        + "(best on --monitor, and last), TensorBoard events and results.json (test set, read once at the end).",
        "Example: ./tfjlab train --model cnn --labels 100 --augment --epochs 60 --steps-per-epoch 20"})
public final class TrainCommand implements Callable<Integer> {
  @Option(names = "--spec", paramLabel = "FILE", description = "A JSON run spec; options below override its fields.")
  Path specFile;

  @Option(names = "--resume", paramLabel = "RUN", description = "Continue this run folder from its last checkpoint.")
  Path resume;

  @Mixin ModelOptions modelOptions = new ModelOptions();

  @Option(names = "--dataset", description = "mnist (default), fashion-mnist, usps, cifar10, toy-xor, toy-blobs, toy-linreg.")
  String dataset;

  @Option(names = "--labels", description = "Labeled training images, balanced over classes; 0 = all (default).")
  Integer labels;

  @Option(names = "--validation", description = "Validation fraction of the training part (default 0.1).")
  Double validation;

  @Option(names = "--epochs", description = "Epochs (default 20).")
  Integer epochs;

  @Option(names = "--pretrain-epochs", description = "Epochs of earlier phases, e.g. the autoencoder (default 10).")
  Integer pretrainEpochs;

  @Option(names = "--steps-per-epoch", description = "Batches per epoch over a small labeled set.")
  Integer stepsPerEpoch;

  @Option(names = "--batch-size", description = "Batch size (default 128).")
  Integer batchSize;

  @Option(names = "--optimizer", description = "sgd, momentum, rmsprop or adam (default).")
  String optimizer;

  @Option(names = "--lr", description = "Learning rate (default 0.001).")
  Double lr;

  @Option(names = "--beta1", description = "Adam beta1.")
  Double beta1;

  @Option(names = "--epsilon", description = "Adam / RMSProp epsilon (default 1e-7).")
  Double epsilon;

  @Option(names = "--epsilon-inside", arity = "1", paramLabel = "true|false",
      description = "Adam: epsilon under the square root, m/sqrt(v+eps), as Theano/Lasagne code (sgan default: true).")
  Boolean epsilonInside;

  @Option(names = "--schedule", description = "Learning-rate schedule: constant (default), step, linear.")
  String schedule;

  @Option(names = "--schedule-start", paramLabel = "EPOCH",
      description = "Linear schedule: keep the full rate for this many epochs, then decay.")
  Integer scheduleStart;

  @Option(names = "--final-lr-fraction", paramLabel = "F",
      description = "Linear schedule: the last epoch's rate as a fraction of --lr (default 0).")
  Double finalLrFraction;

  @Option(names = "--l2", description = "L2 weight on kernels (Keras l2(λ)).")
  Double l2;

  @Option(names = "--seed", description = "Run seed (default 1).")
  Long seed;

  @Option(names = "--label-seed", description = "Seed of the labeled subset (default 1).")
  Long labelSeed;

  @Option(names = "--label-seeds", split = ",", paramLabel = "S[,S...]",
      description = "One run per labeled-subset seed, then the mean ± std of the test metric (as papers report).")
  List<Long> labelSeeds;

  @Option(names = "--augment", negatable = true, description = "Augment the labeled training images (10° rotation, "
      + "10%% zoom, 10%% shift); on by default for sgan with the cnn discriminator, --no-augment turns it off.")
  Boolean augment;

  @Option(names = "--patience", description = "Early stopping after N epochs without improvement.")
  Integer patience;

  @Option(names = "--monitor", description = "val_loss (default) or val_acc.")
  String monitor;

  @Option(names = "--threads", description = "TensorFlow threads (default: all cores).")
  Integer threads;

  @Option(names = "--checkpoint", description = "Checkpoint the test set evaluates: best (default) or last.")
  String checkpoint;

  @Option(names = "--runs-dir", defaultValue = "runs", description = "Where run folders go (default: ${DEFAULT-VALUE}).")
  Path runsDir;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data set cache root.")
  Path dataDir;

  @Override
  public Integer call() {
    RunExecutor executor = Guice.createInjector(new TrainingModule(
        new DataOptions(Optional.ofNullable(dataDir), Optional.empty()))).getInstance(RunExecutor.class);
    String command = "tfjlab " + String.join(" ", commandLine());
    if (resume != null) {
      executor.resume(resume, System.out);
    } else if (labelSeeds != null && !labelSeeds.isEmpty()) {
      List<RunResult> results = new java.util.ArrayList<>();
      for (long s : labelSeeds) {
        results.add(executor.train(spec().withLabelSeed(s), runsDir, command, System.out));
      }
      System.out.println(SeedSweep.summary(labelSeeds, results));
    } else {
      executor.train(spec(), runsDir, command, System.out);
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

  /** The spec file (if any) with the options applied. */
  RunSpec spec() {
    RunSpec base = null;
    if (specFile != null) {
      if (!Files.isRegularFile(specFile)) {
        throw new IllegalArgumentException("spec file " + specFile + " not found");
      }
      base = io.tfjlab.training.Recipes.withFile(specFile);
    }
    RunSpec s = base == null ? io.tfjlab.training.Recipes.base(modelOptions.apply(null))
        : base.withModel(modelOptions.apply(base.model()));
    if (dataset != null) {
      s = s.withDataset(dataset);
    }
    if (labels != null) {
      s = s.withLabels(labels);
    }
    if (validation != null) {
      s = s.withValidation(validation);
    }
    if (epochs != null) {
      s = s.withEpochs(epochs);
    }
    if (pretrainEpochs != null) {
      s = s.withPretrainEpochs(pretrainEpochs);
    }
    if (stepsPerEpoch != null) {
      s = s.withStepsPerEpoch(stepsPerEpoch);
    }
    if (batchSize != null) {
      s = s.withBatchSize(batchSize);
    }
    if (optimizer != null || lr != null || beta1 != null || epsilon != null || epsilonInside != null) {
      OptimizerSpec o = s.optimizer();
      s = s.withOptimizer(new OptimizerSpec(optimizer != null ? optimizer : o.name(),
          lr != null ? lr : o.learningRate(), optimizer != null ? null : o.momentum(),
          beta1 != null ? beta1 : (optimizer != null ? null : o.beta1()), optimizer != null ? null : o.beta2(),
          epsilon != null ? epsilon : (optimizer != null ? null : o.epsilon()), optimizer != null ? null : o.rho(),
          epsilonInside != null ? epsilonInside : (optimizer != null ? null : o.epsilonInside())));
    }
    if (schedule != null || scheduleStart != null || finalLrFraction != null) {
      LearningRateSchedule given = s.schedule();
      // --schedule-start / --final-lr-fraction alone mean the linear schedule
      String type = schedule != null ? schedule : "linear";
      boolean sameType = type.equals(given.type());
      s = s.withSchedule(new LearningRateSchedule(type, sameType ? given.every() : null,
          sameType ? given.gamma() : null,
          finalLrFraction != null ? finalLrFraction : (sameType ? given.finalFraction() : null),
          scheduleStart != null ? scheduleStart : (sameType ? given.start() : null)));
    }
    if (l2 != null) {
      s = s.withL2(l2);
    }
    if (seed != null) {
      s = s.withSeed(seed);
    }
    if (labelSeed != null) {
      s = s.withLabelSeed(labelSeed);
    }
    if (augment != null) {
      s = s.withAugment(augment ? AugmentSpec.digits() : null);
    }
    if (patience != null) {
      s = s.withPatience(patience);
    }
    if (monitor != null) {
      s = s.withMonitor(monitor);
    }
    if (threads != null) {
      s = s.withThreads(threads);
    }
    if (checkpoint != null) {
      s = s.withCheckpoint(checkpoint);
    }
    return s;
  }
}
