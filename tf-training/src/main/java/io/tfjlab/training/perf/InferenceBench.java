package io.tfjlab.training.perf;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.data.io.Folders;
import io.tfjlab.models.runtime.Placement;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.models.zoo.Task;
import io.tfjlab.training.EvaluationWeights;
import io.tfjlab.training.Evaluator;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingData;
import io.tfjlab.training.Validation;
import io.tfjlab.training.run.DataInitialization;
import io.tfjlab.training.run.ModelGraph;
import io.tfjlab.training.run.SavedModelExport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;

/**
 * Inference throughput of a model, in two forms, on the same batches of real (unaugmented) training
 * images: (a) the engine's evaluation pass, {@link Validation#of} over the final phase, the code
 * path of the validation at the end of every training epoch (one session call per batch feeding
 * images and labels, fetching the evaluation loss and metric, the weight average swapped in and out
 * around the pass); (b) the model exported as training exports it ({@link SavedModelExport}),
 * loaded with {@link SavedModelBundle} as any TensorFlow user would and its {@code serving_default}
 * signature called per batch (outputs probabilities and classes). The weights are the freshly
 * initialised ones: throughput does not depend on them.
 */
public final class InferenceBench {
  private final ModelZoo zoo;
  private final Placement placement;
  private final int threads;
  private final int warmup;
  private final int batches;

  /** Images per second of one round, of the evaluation pass and of the SavedModel. */
  public record Round(double evaluation, double savedModel) {}

  /**
   * @param warmup batches run before each timed pass (not timed)
   * @param batches timed batches of each pass
   */
  public InferenceBench(ModelZoo zoo, Placement placement, int threads, int warmup, int batches) {
    if (warmup < 0 || batches < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "bench --inference needs --warmup >= 0, --steps >= 1 and --threads >= 1");
    }
    this.zoo = zoo;
    this.placement = placement;
    this.threads = threads;
    this.warmup = warmup;
    this.batches = batches;
  }

  /** Refuses, in one line, a model whose serving signature does not take images. */
  public static void checkServesImages(BuiltModel model) {
    if (model.task() == Task.GENERATE) {
      throw new IllegalArgumentException(
          "bench --inference measures a model that takes images; "
              + model.name()
              + " serves generated images from noise (try dcgan-transfer, sgan or a classifier)");
    }
  }

  /** One round: a new graph of {@code run}, both passes over batches of {@code run}'s size. */
  public Round round(RunSpec run, TrainingData data) {
    try (ModelGraph graph = ModelGraph.build(zoo, placement, run, data.input())) {
      BuiltModel model = graph.model();
      checkServesImages(model);
      Session session = graph.session(threads);
      model.dataInit().ifPresent(init -> DataInitialization.run(session, init, data));
      EvaluationWeights.reset(session, model);
      BatchSource images = data.plain(Phase.PhaseData.ALL_TRAIN, 4, run.batchSize());
      int batchSize = run.batchSize();
      double evaluation = evaluationPass(session, model, images, batchSize);
      Path dir = tempDir();
      try {
        Path exported = SavedModelExport.export(model, session, dir.resolve("savedmodel"));
        return new Round(evaluation, savedModelPass(exported, images, batchSize));
      } finally {
        Folders.deleteQuietly(dir);
      }
    }
  }

  private double evaluationPass(
      Session session, BuiltModel model, BatchSource images, int batchSize) {
    Validation validation = Validation.of(session, model);
    Phase phase = model.finalPhase();
    if (warmup > 0) {
      validation.validate(phase, new FirstBatches(images, warmup, batchSize));
    }
    long t0 = System.nanoTime();
    Evaluator.Score s = validation.validate(phase, new FirstBatches(images, batches, batchSize));
    return s.examples() / ((System.nanoTime() - t0) / 1e9);
  }

  private double savedModelPass(Path exported, BatchSource images, int batchSize) {
    try (SavedModelBundle bundle =
        SavedModelBundle.loader(exported.toString())
            .withTags("serve")
            .withConfigProto(placement.sessionConfig(threads))
            .load()) {
      SessionFunction serving = bundle.function("serving_default");
      serve(serving, new FirstBatches(images, warmup, batchSize));
      long t0 = System.nanoTime();
      long n = serve(serving, new FirstBatches(images, batches, batchSize));
      return n / ((System.nanoTime() - t0) / 1e9);
    }
  }

  /** Calls the signature on every batch of {@code source}; the number of images served. */
  private static long serve(SessionFunction serving, BatchSource source) {
    long n = 0;
    for (Batch b : source.epoch(0)) {
      try (Result r = serving.call(Map.<String, Tensor>of(SavedModelExport.INPUT, b.images()))) {
        if (r.size() == 0) {
          throw new IllegalStateException("serving_default returned no output");
        }
      }
      n += b.size();
    }
    return n;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("tfjlab-bench-inference");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a temporary folder for the SavedModel (" + e.getMessage() + ")", e);
    }
  }

  /**
   * A view of the first {@code count} batches of a source, going on into its following epochs as
   * needed (batches as the source hands them out: each valid until the next). Closing it leaves the
   * source open.
   */
  static final class FirstBatches implements BatchSource {
    private final BatchSource source;
    private final int count;
    private final int batchSize;

    FirstBatches(BatchSource source, int count, int batchSize) {
      if (source.batchesPerEpoch() < 1) {
        throw new IllegalArgumentException("no batch of images to measure inference on");
      }
      this.source = source;
      this.count = count;
      this.batchSize = batchSize;
    }

    @Override
    public int size() {
      return (int) Math.min(Integer.MAX_VALUE, (long) count * batchSize);
    }

    @Override
    public int batchesPerEpoch() {
      return count;
    }

    @Override
    public Iterable<Batch> epoch(int ignored) {
      return () ->
          new Iterator<>() {
            private int taken;
            private int epoch;
            private Iterator<Batch> it = source.epoch(0).iterator();

            @Override
            public boolean hasNext() {
              return taken < count;
            }

            @Override
            public Batch next() {
              if (!hasNext()) {
                throw new NoSuchElementException();
              }
              if (!it.hasNext()) {
                it = source.epoch(++epoch).iterator();
              }
              taken++;
              return it.next();
            }
          };
    }

    @Override
    public void close() {}
  }
}
