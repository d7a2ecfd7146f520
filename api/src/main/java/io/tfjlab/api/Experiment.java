package io.tfjlab.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.zoo.ModelFactory;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.spec.SpecResolver;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One training experiment, defined in Java the way {@code tfjlab train} defines it on the command
 * line, Keras / Lightning style:
 *
 * <pre>{@code
 * Experiment e = Experiment.builder().model("cnn").dataset("mnist").labels(100).epochs(3).seed(1).build();
 * try (TrainedRun run = e.fit()) {               // a new folder under runs/, as tfjlab train
 *   System.out.println(run.testAccuracy());
 *   run.export(Path.of("cnn-savedmodel"));
 * }
 * }</pre>
 *
 * <p>The model is a built-in zoo model ({@link Builder#model(String)}), or a network defined in
 * Java ({@link Builder#network(ModelFactory)}, e.g. a subclass of {@link
 * io.tfjlab.models.zoo.ClassifierModel} returning its layers), added to the zoo for this experiment
 * only; the manifest records its name and class. The data set is a catalog one (fetched and
 * verified on first use, see README "Data sets"), a toy problem, or your own images ({@link
 * Builder#dataset(Dataset)} with {@link InMemoryData}). As on the command line, a model comes with
 * its recipe (e.g. sgan's optimiser settings); a spec file's fields override the recipe, and the
 * builder's settings override both. Training, checkpoints, the run folder and the test pass are
 * {@link io.tfjlab.training.run.RunExecutor}'s, unchanged: the same spec and seed give the same
 * numbers as the CLI.
 */
public final class Experiment {
  static {
    NativeLogging.quiet(); // before TensorFlow's native library logs anything
  }

  private final RunSpec spec;
  private final Environment env;
  private final Path runsDir;
  private final List<Callback> callbacks;
  private final PrintStream out;
  private final String command;

  private Experiment(
      RunSpec spec,
      Environment env,
      Path runsDir,
      List<Callback> callbacks,
      PrintStream out,
      String command) {
    this.spec = spec;
    this.env = env;
    this.runsDir = runsDir;
    this.callbacks = List.copyOf(callbacks);
    this.out = out;
    this.command = command;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The experiment of a JSON spec file (as {@code tfjlab train --spec FILE}). */
  public static Experiment fromSpec(Path specFile) {
    return builder().spec(specFile).build();
  }

  /** The spec with every default filled in, as the run's manifest will record it. */
  public RunSpec spec() {
    return env.executor().resolve(spec);
  }

  /**
   * The experiment's data set, loaded through the catalog (fetched and verified on first use): e.g.
   * {@code Images.of(e.data().test(), 0, 1, 2)} for a few test images.
   */
  public Dataset data() {
    if (spec.dataset().startsWith("toy-")) {
      throw new IllegalStateException(
          spec.dataset() + " is a generated toy problem, not an image data set");
    }
    return env.catalog().load(spec.dataset());
  }

  /** Where {@link #fit} creates run folders (default {@code runs}). */
  public Path runsDir() {
    return runsDir;
  }

  /**
   * Trains one run in a new folder under {@link #runsDir()}: manifest, history, checkpoints,
   * TensorBoard events, and the test set read once at the end ({@code results.json}), as {@code
   * tfjlab train}.
   */
  public TrainedRun fit() {
    RunResult r = env.executor().withCallbacks(callbacks).train(spec, runsDir, command, out);
    return TrainedRun.open(env, runsDir.resolve(r.run()));
  }

  /**
   * Continues an interrupted run of this experiment from its last checkpoint, as {@code tfjlab
   * train --resume}.
   */
  public TrainedRun resume(Path runDir) {
    env.executor().withCallbacks(callbacks).resume(runDir, out);
    return TrainedRun.open(env, runDir);
  }

  /** Opens a finished run with this experiment's networks, data sets and data cache. */
  public TrainedRun open(Path runDir) {
    return TrainedRun.open(env, runDir);
  }

  @Override
  public String toString() {
    return "Experiment["
        + spec.model().type()
        + " on "
        + spec.dataset()
        + ", runs in "
        + runsDir
        + "]";
  }

  /**
   * Builds an {@link Experiment}. Every setting is optional except the model; unset fields keep the
   * spec file's value, the model's recipe or the {@link RunSpec} default. Settings apply in call
   * order.
   */
  public static final class Builder {
    private Path specFile;
    private RunSpec baseSpec;
    private String modelType;
    private ModelFactory network;
    private final ObjectNode modelOptions = Json.MAPPER.createObjectNode();
    private final List<UnaryOperator<RunSpec>> changes = new ArrayList<>();
    private final List<Dataset> datasets = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private Path runsDir = Path.of("runs");
    private Path dataDir;
    private Path dataFrom;
    private PrintStream out = System.out;

    private Builder() {}

    /** Starts from a JSON spec file (the {@code tfjlab train --spec} format, see examples/). */
    public Builder spec(Path file) {
      this.specFile = file;
      this.baseSpec = null;
      return this;
    }

    /** Starts from a spec object. */
    public Builder spec(RunSpec spec) {
      this.baseSpec = spec;
      this.specFile = null;
      return this;
    }

    /**
     * A built-in zoo model: linear, mlp, cnn, conv1d, autoencoder, ae-classifier, dcgan, sgan, ...
     */
    public Builder model(String name) {
      this.modelType = name;
      return this;
    }

    /**
     * A network defined in Java, registered in the model zoo for this experiment only, under its
     * {@link ModelFactory#name()} (which must not be a built-in model's). A {@link
     * io.tfjlab.models.zoo.ClassifierModel} subclass only lists its layers.
     */
    public Builder network(ModelFactory factory) {
      this.network = factory;
      return this;
    }

    /** A model variant, e.g. cnn {@code seed001}, mlp {@code seed002}, sgan {@code paper}. */
    public Builder preset(String preset) {
      return modelOption("preset", preset);
    }

    /** Hidden layer sizes (mlp, xor, blobs, perceptron). */
    public Builder hidden(Integer... sizes) {
      return modelOption("hidden", List.of(sizes));
    }

    /** Hidden activation (mlp, autoencoder, ...). */
    public Builder activation(Activation a) {
      return modelOption("activation", a);
    }

    /** Dropout rate (0 = none). */
    public Builder dropout(double rate) {
      return modelOption("dropout", rate);
    }

    /**
     * Any other option of the model, by its spec name, e.g. {@code modelOption("codeSize", 32)}
     * ({@code ./tfjlab models} lists each model's options). It is one layer of the spec, above the
     * spec file and the model's preset, as a command-line option is; an option the model does not
     * have is refused when the experiment is built.
     */
    public Builder modelOption(String name, Object value) {
      modelOptions.set(name, Json.MAPPER.valueToTree(value));
      return this;
    }

    /**
     * A catalog data set (mnist, fashion-mnist, usps, cifar10) or toy problem (toy-xor, toy-blobs,
     * toy-linreg).
     */
    public Builder dataset(String name) {
      return configure(s -> s.withDataset(name));
    }

    /**
     * Your own images ({@link InMemoryData#of}), registered in the data catalog for this experiment
     * only.
     */
    public Builder dataset(Dataset data) {
      datasets.add(data);
      return configure(s -> s.withDataset(data.name()));
    }

    /** Labeled training images, balanced over classes; 0 = all. */
    public Builder labels(int n) {
      return configure(s -> s.withLabels(n));
    }

    /** Fraction of the training split held out for validation (best checkpoint, early stopping). */
    public Builder validation(double fraction) {
      return configure(s -> s.withValidation(fraction));
    }

    public Builder epochs(int n) {
      return configure(s -> s.withEpochs(n));
    }

    /** Epochs of earlier phases (e.g. the autoencoder before its classifier). */
    public Builder pretrainEpochs(int n) {
      return configure(s -> s.withPretrainEpochs(n));
    }

    /** Batches per epoch over a small labeled set. */
    public Builder stepsPerEpoch(int n) {
      return configure(s -> s.withStepsPerEpoch(n));
    }

    /**
     * At most {@code n} training batches per epoch in every phase: a quick check of the whole
     * pipeline.
     */
    public Builder limitBatches(int n) {
      return configure(s -> s.withLimitBatches(n));
    }

    public Builder batchSize(int n) {
      return configure(s -> s.withBatchSize(n));
    }

    /** sgd, momentum, rmsprop or adam, with its default settings and the current learning rate. */
    public Builder optimizer(String name) {
      return configure(
          s ->
              s.withOptimizer(
                  new OptimizerSpec(
                      name, s.optimizer().learningRate(), null, null, null, null, null, null)));
    }

    /** An optimiser with every setting given. */
    public Builder optimizer(OptimizerSpec optimizer) {
      return configure(s -> s.withOptimizer(optimizer));
    }

    public Builder learningRate(double lr) {
      return configure(s -> s.withOptimizer(s.optimizer().withLearningRate(lr)));
    }

    public Builder schedule(LearningRateSchedule schedule) {
      return configure(s -> s.withSchedule(schedule));
    }

    /** Weight of the L2 penalty on kernels. */
    public Builder l2(double weight) {
      return configure(s -> s.withL2(weight));
    }

    /** The run seed: initialisation, data order, dropout. */
    public Builder seed(long seed) {
      return configure(s -> s.withSeed(seed));
    }

    /** The seed of which training images are labeled. */
    public Builder labelSeed(long seed) {
      return configure(s -> s.withLabelSeed(seed));
    }

    /** Augment the labeled training images (10° rotation, 10% zoom, 10% shift), or not. */
    public Builder augment(boolean on) {
      return configure(s -> s.withAugment(on ? AugmentSpec.digits() : null));
    }

    /** Early stopping after {@code epochs} epochs without improvement of the monitored metric. */
    public Builder patience(int epochs) {
      return configure(s -> s.withPatience(epochs));
    }

    /** val_loss (default) or val_acc: what the best checkpoint and early stopping follow. */
    public Builder monitor(String metric) {
      return configure(s -> s.withMonitor(metric));
    }

    /** The checkpoint the test set evaluates: best (default) or last. */
    public Builder checkpoint(String which) {
      return configure(s -> s.withCheckpoint(which));
    }

    /** TensorFlow intra-op threads (default: all cores). */
    public Builder threads(int n) {
      return configure(s -> s.withThreads(n));
    }

    /** Any other spec field, e.g. {@code s -> s.withValidation(0.0)}. */
    public Builder configure(UnaryOperator<RunSpec> change) {
      changes.add(change);
      return this;
    }

    /** Where run folders go (default {@code runs}). */
    public Builder runsDir(Path dir) {
      this.runsDir = dir;
      return this;
    }

    /** The data set cache root (default {@code $TFJLAB_DATA_DIR} or {@code ~/.tfjlab/datasets}). */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** A directory that already holds the data set's files (raw or .gz): verified, then cached. */
    public Builder dataFrom(Path dir) {
      this.dataFrom = dir;
      return this;
    }

    /**
     * More training callbacks, run after the standard ones (progress, CSV, TensorBoard,
     * checkpoints).
     */
    public Builder callbacks(Callback... more) {
      callbacks.addAll(List.of(more));
      return this;
    }

    /** Where progress and results are printed (default System.out). */
    public Builder out(PrintStream stream) {
      this.out = stream;
      return this;
    }

    /** Prints nothing. */
    public Builder quiet() {
      return out(new PrintStream(OutputStream.nullOutputStream()));
    }

    /** Checks the settings (model and data set known, spec valid) and builds the experiment. */
    public Experiment build() {
      if (modelType != null && network != null) {
        throw new IllegalArgumentException(
            "give either .model(\""
                + modelType
                + "\") or .network("
                + network.name()
                + "), not both");
      }
      String type = network != null ? network.name() : modelType;
      Environment env =
          Environment.create(
              new DataOptions(Optional.ofNullable(dataDir), Optional.ofNullable(dataFrom)),
              network == null ? List.of() : List.of(network),
              datasets);
      SpecResolver resolver = new SpecResolver(env.zoo());
      if (specFile == null && baseSpec == null && type == null) {
        throw new IllegalArgumentException(
            "the experiment needs a model: .model(\"cnn\") (built in), "
                + ".network(new MyNet()) (defined in Java) or .spec(Path.of(\"run.json\"))");
      }
      // layers as train's: the spec (file or object), then the builder's model settings, as
      // --model and the model options are
      List<SpecLayer> layers = new ArrayList<>();
      if (specFile != null) {
        layers.add(SpecResolver.file(specFile));
      } else if (baseSpec != null) {
        layers.add(new SpecLayer("spec object", Json.MAPPER.valueToTree(baseSpec)));
      }
      ObjectNode model = Json.MAPPER.createObjectNode();
      if (type != null) {
        model.put("type", type);
      }
      model.setAll(modelOptions);
      ObjectNode api = Json.MAPPER.createObjectNode();
      api.set("model", model);
      layers.add(new SpecLayer("java API", api));
      RunSpec spec = resolver.resolve(layers).spec();
      for (UnaryOperator<RunSpec> c : changes) {
        spec = c.apply(spec);
      }
      env.zoo().resolve(spec.model()); // unknown model, bad preset: now rather than at fit()
      if (!spec.dataset().startsWith("toy-")) {
        env.catalog().descriptor(spec.dataset());
      }
      return new Experiment(spec, env, runsDir, callbacks, out, command(type, specFile));
    }

    /** What the manifest's {@code command} records: the API, the spec file, the network's class. */
    private String command(String type, Path file) {
      StringBuilder b = new StringBuilder("java API: io.tfjlab.api.Experiment");
      if (file != null) {
        b.append(" spec ").append(file);
      }
      if (network != null) {
        b.append(" network ").append(type).append(" = ").append(network.getClass().getName());
      }
      return b.toString();
    }
  }
}
