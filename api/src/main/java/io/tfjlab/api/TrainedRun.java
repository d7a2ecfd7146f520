package io.tfjlab.api;

import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.ImageShape;
import io.tfjlab.eval.metrics.ClassificationReport;
import io.tfjlab.eval.metrics.ConfusionMatrix;
import io.tfjlab.eval.plots.TrainingHistory;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.ModelFactory;
import io.tfjlab.models.zoo.Task;
import io.tfjlab.training.Evaluator;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RestoredRun;
import io.tfjlab.training.run.RunDirectory;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.run.SavedModelExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * A finished run folder (what {@code tfjlab train} writes): its test result, history and files, and
 * its tested checkpoint reloaded on demand to evaluate, export and predict.
 *
 * <p>The first {@link #evaluate} or {@link #predict} rebuilds the run's graph from its manifest and
 * restores the checkpoint its test result came from (best, or last for fixed schedules) into a
 * session that stays open for later calls; {@link #close} frees it (use try-with-resources). Not
 * thread-safe.
 */
public final class TrainedRun implements AutoCloseable {
  static {
    NativeLogging.quiet(); // before TensorFlow's native library logs anything
  }

  private final Environment env;
  private final RunDirectory run;
  private final Manifest manifest;
  private final RunResult result;
  private RestoredRun restored;

  private TrainedRun(Environment env, RunDirectory run, Manifest manifest, RunResult result) {
    this.env = env;
    this.run = run;
    this.manifest = manifest;
    this.result = result;
  }

  /** Opens a finished run of a built-in model on a catalog data set (default data cache). */
  public static TrainedRun open(Path dir) {
    return open(dir, new ModelFactory[0]);
  }

  /** Opens a finished run whose model is one of {@code networks} (defined in Java), or built in. */
  public static TrainedRun open(Path dir, ModelFactory... networks) {
    return open(Environment.create(DataOptions.defaults(), List.of(networks), List.of()), dir);
  }

  static TrainedRun open(Environment env, Path dir) {
    RunDirectory run = RunDirectory.open(dir);
    Manifest manifest = Manifest.read(run.manifest());
    if (!Files.isRegularFile(run.results())) {
      throw new IllegalArgumentException(
          dir
              + " has not finished (no "
              + RunDirectory.RESULTS
              + ", status "
              + manifest.status()
              + "); continue it with experiment.resume(dir)");
    }
    env.checkCanRebuild(dir, manifest);
    return new TrainedRun(env, run, manifest, Json.read(run.results(), RunResult.class));
  }

  /** The run folder, e.g. {@code runs/cnn-mnist-100-1}. */
  public Path dir() {
    return run.path();
  }

  public String name() {
    return run.name();
  }

  /** The resolved spec the run was trained with (from its manifest). */
  public RunSpec spec() {
    return manifest.spec();
  }

  /** The run's manifest: spec, seeds, versions, data checksums and splits, timings, command. */
  public Manifest manifest() {
    return manifest;
  }

  /** What the run measured on the test set at its end ({@code results.json}). */
  public RunResult result() {
    return result;
  }

  /** Test accuracy of the tested checkpoint, a fraction; only for models measured by accuracy. */
  public double testAccuracy() {
    if (!result.metricName().equals("acc")) {
      throw new IllegalStateException(
          name() + " measures " + result.metricName() + ", not accuracy; use testMetric()");
    }
    return result.testMetric();
  }

  public double testLoss() {
    return result.testLoss();
  }

  /** Test accuracy (classifiers) or mean squared error. */
  public double testMetric() {
    return result.testMetric();
  }

  /**
   * The per-epoch curves of {@code history.csv}: loss, metric, validation loss and metric, per
   * phase.
   */
  public TrainingHistory history() {
    return TrainingHistory.read(run.history());
  }

  /** The Keras-style model summary the run wrote when it started ({@code summary.txt}). */
  public String summary() {
    return read(run.summary());
  }

  /**
   * True and predicted class of every test image, from the run's one test pass ({@code
   * test-predictions.csv}).
   */
  public Evaluator.Predictions testPredictions() {
    if (!Files.isRegularFile(run.predictions())) {
      throw new IllegalStateException(
          name()
              + " has no "
              + RunDirectory.PREDICTIONS
              + " (only softmax classifiers "
              + "write one)");
    }
    List<String> lines = read(run.predictions()).lines().skip(1).toList();
    int[] actual = new int[lines.size()];
    int[] predicted = new int[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      actual[i] = Integer.parseInt(f[1]);
      predicted[i] = Integer.parseInt(f[2]);
    }
    return new Evaluator.Predictions(actual, predicted);
  }

  /** The image shape the model reads, e.g. 28x28x1: pass it to {@link Images#load}. */
  public ImageShape imageShape() {
    return env.imageShape(spec().dataset())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    name() + " reads feature vectors of " + spec().dataset() + ", not images"));
  }

  /** The class names of the run's data set. */
  public List<String> classNames() {
    return env.classNames(spec().dataset());
  }

  /**
   * Reloads the tested checkpoint and reads the test set again: loss, metric, confusion matrix,
   * report.
   */
  public Evaluation evaluate() {
    RestoredRun r = restored();
    Evaluator.Evaluation e = Evaluator.evaluateFinalPhase(r.session(), r.model(), r.data().test());
    Evaluator.Score s = e.score();
    Optional<ConfusionMatrix> matrix =
        e.predictions()
            .map(p -> ConfusionMatrix.of(p.actual(), p.predicted(), r.data().classNames().size()));
    Optional<ClassificationReport> report =
        matrix.map(m -> ClassificationReport.of(m, r.data().classNames()));
    return new Evaluation(
        r.checkpoint(),
        r.state().bestEpoch(),
        s.loss(),
        r.model().finalPhase().metricName(),
        s.metric(),
        s.examples(),
        matrix,
        report);
  }

  /**
   * Writes the tested checkpoint as a SavedModel ({@code serving_default}: {@code images} float32
   * [-1, H, W, C] in [0,1] → {@code probabilities}, {@code classes}), as {@code tfjlab export};
   * load it with {@link ExportedModel#load}, TensorFlow Serving or Python's {@code
   * tf.saved_model.load}.
   */
  public Path export(Path target) {
    // a graph of its own: the export adds its output ops to the graph it exports
    try (RestoredRun r = env.restore(run.path(), manifest, result.checkpoint())) {
      return SavedModelExport.export(r, target);
    }
  }

  /** {@link #export(Path)} into the run folder's {@code saved_model/}. */
  public Path export() {
    return export(run.savedModel());
  }

  /**
   * Class probabilities and classes of {@code images} (of {@link #imageShape()}), from the tested
   * checkpoint.
   */
  public Predictions predict(Images images) {
    RestoredRun r = restored();
    BuiltModel m = r.model();
    if (m.task() != Task.CLASSIFY && m.task() != Task.BINARY) {
      throw new IllegalStateException(
          name()
              + "'s model "
              + m.name()
              + " does not classify (task "
              + m.task()
              + "); predict gives classes");
    }
    ImageShape shape = imageShape();
    if (!images.shape().equals(shape)) {
      throw new IllegalArgumentException(
          "the images are "
              + images.shape()
              + " but "
              + name()
              + " reads "
              + shape
              + "; use Images.load(run.imageShape(), files) or images.resizedTo(run.imageShape())");
    }
    int batch = spec().model().usesMinibatchDiscrimination() ? spec().batchSize() : 1000;
    float[][] out = new float[images.size()][];
    Session session = r.session();
    for (int from = 0; from < images.size(); from += batch) {
      int to = Math.min(images.size(), from + batch);
      Shape s = Shape.of(to - from, shape.height(), shape.width(), shape.channels());
      try (TFloat32 x = TFloat32.tensorOf(s, DataBuffers.of(images.slice(from, to), true, false));
          Result res = session.runner().feed(m.input(), x).fetch(m.output()).run()) {
        TFloat32 y = (TFloat32) res.get(0);
        int k = (int) y.shape().size(1);
        for (int i = 0; i < to - from; i++) {
          float[] row = new float[k];
          for (int j = 0; j < k; j++) {
            row[j] = y.getFloat(i, j);
          }
          out[from + i] = row;
        }
      }
    }
    return Predictions.fromOutput(classNames(), out);
  }

  /**
   * Decodes image files, brings them to {@link #imageShape()} (eager mode, see {@link Images}) and
   * predicts.
   */
  public Predictions predict(Path... imageFiles) {
    return predict(Images.load(imageShape(), imageFiles));
  }

  private RestoredRun restored() {
    if (restored == null) {
      restored = env.restore(run.path(), manifest, result.checkpoint());
    }
    return restored;
  }

  /** Frees the restored session, graph and data, if any; the run folder stays as it is. */
  @Override
  public void close() {
    if (restored != null) {
      restored.close();
      restored = null;
    }
  }

  @Override
  public String toString() {
    return "TrainedRun["
        + run.path()
        + ", test "
        + result.metricName()
        + " "
        + result.testMetric()
        + "]";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
