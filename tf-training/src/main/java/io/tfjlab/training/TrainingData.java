package io.tfjlab.training;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.batch.ArrayBatchStream;
import io.tfjlab.data.batch.BatchOptions;
import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.data.batch.BatchStream;
import io.tfjlab.data.batch.PixelStatistics;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.split.DataSplitter;
import io.tfjlab.data.split.SplitSpec;
import io.tfjlab.data.split.Splits;
import io.tfjlab.data.split.ValidationSplit;
import io.tfjlab.data.toy.ToyData;
import io.tfjlab.data.toy.ToyGenerators;
import io.tfjlab.models.zoo.InputSpec;
import io.tfjlab.models.zoo.Phase.PhaseData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The data of one run, prepared from its spec: the data set (or toy problem), its seeded splits,
 * the model's input spec, and batch sources for training, validation and — once, at the end — test.
 * Closing it frees every batch tensor.
 */
public final class TrainingData implements AutoCloseable {
  private static final int EVAL_BATCH = 1000;

  /**
   * Rows per validation and test batch: 1000, or the training batch size for a model whose outputs
   * depend on the other rows of the batch (minibatch discrimination sums over them): the statistics
   * then have the scale they had in training, and memory stays that of a training batch (n² pairs).
   */
  static int evaluationBatch(RunSpec spec) {
    return spec.model().usesMinibatchDiscrimination() ? spec.batchSize() : EVAL_BATCH;
  }

  private final RunSpec spec;
  private final String name;
  private final InputSpec input;
  private final Map<String, String> checksums;
  private final Optional<Splits> splits;
  private final List<String> classNames;
  private final Sources sources;
  private final List<BatchSource> open = new ArrayList<>();

  private TrainingData(
      RunSpec spec,
      String name,
      InputSpec input,
      Map<String, String> checksums,
      Optional<Splits> splits,
      List<String> classNames,
      Sources sources) {
    this.spec = spec;
    this.name = name;
    this.input = input;
    this.checksums = checksums;
    this.splits = splits;
    this.classNames = classNames;
    this.sources = sources;
  }

  /** Loads (fetching if needed) and splits the run's data. */
  public static TrainingData prepare(RunSpec spec, DatasetCatalog catalog) {
    if (spec.dataset().startsWith("toy-")) {
      return toy(spec);
    }
    Dataset ds = catalog.load(spec.dataset());
    ImageSet train = ds.train();
    Splits s =
        DataSplitter.split(
            train,
            new SplitSpec(
                ValidationSplit.fraction(spec.validation()),
                spec.labels(),
                spec.splitSeed(),
                spec.labelSeed()));
    ImageShape shape = ds.shape();
    InputSpec input =
        InputSpec.images(shape.height(), shape.width(), shape.channels(), ds.numClasses());
    if (spec.model().standardizesInput()) {
      PixelStatistics stats = PixelStatistics.of(train, s.train());
      input = input.withPixelStats(stats.mean(), stats.std());
    }
    Sources sources =
        new Sources() {
          @Override
          public BatchSource train(PhaseData d, RunSpec r) {
            int[] idx = d == PhaseData.ALL_TRAIN ? s.train() : s.labeled();
            BatchOptions o = BatchOptions.training(r.batchSize(), r.seed());
            if (r.augment() != null
                && (d == PhaseData.LABELED || r.augment().appliesToUnlabeled())) {
              o = o.withAugment(r.augment());
            }
            return new BatchStream(train, idx, o);
          }

          @Override
          public Optional<BatchSource> validation() {
            return s.validation().length == 0
                ? Optional.empty()
                : Optional.of(
                    new BatchStream(
                        train, s.validation(), BatchOptions.evaluation(evaluationBatch(spec))));
          }

          @Override
          public BatchSource test() {
            return new BatchStream(
                ds.test(),
                IntStream.range(0, ds.test().size()).toArray(),
                BatchOptions.evaluation(evaluationBatch(spec)));
          }
        };
    return new TrainingData(
        spec, ds.name(), input, ds.checksums(), Optional.of(s), ds.classNames(), sources);
  }

  private static TrainingData toy(RunSpec spec) {
    long seed = spec.splitSeed();
    ToyData all;
    ToyData test;
    switch (spec.dataset()) {
      case "toy-xor" -> {
        all = ToyGenerators.xor(4000, 0.3, seed);
        test = ToyGenerators.xor(1000, 0.3, seed + 1000);
      }
      case "toy-blobs" -> {
        all = ToyGenerators.twoBlobs(2000, 0.6, seed);
        test = ToyGenerators.twoBlobs(1000, 0.6, seed + 1000);
      }
      case "toy-linreg" -> {
        all = ToyGenerators.linearRegression(1000, -20, -10, 1.0, seed);
        test = ToyGenerators.linearRegression(500, -20, -10, 1.0, seed + 1000);
      }
      default ->
          throw new IllegalArgumentException(
              "unknown toy data set '"
                  + spec.dataset()
                  + "'; use toy-xor, toy-blobs or toy-linreg");
    }
    int nVal = (int) Math.round(spec.validation() * all.n());
    int[] val = IntStream.range(0, nVal).toArray();
    int[] tr = IntStream.range(nVal, all.n()).toArray();
    ToyData data = all;
    Sources sources =
        new Sources() {
          @Override
          public BatchSource train(PhaseData d, RunSpec r) {
            return new ArrayBatchStream(data, tr, r.batchSize(), true, r.seed());
          }

          @Override
          public Optional<BatchSource> validation() {
            return nVal == 0
                ? Optional.empty()
                : Optional.of(new ArrayBatchStream(data, val, evaluationBatch(spec), false, 0));
          }

          @Override
          public BatchSource test() {
            return new ArrayBatchStream(
                test, IntStream.range(0, test.n()).toArray(), evaluationBatch(spec), false, 0);
          }
        };
    InputSpec input = InputSpec.vectors(all.xDim(), all.yDim());
    List<String> classes = spec.dataset().equals("toy-linreg") ? List.of() : List.of("0", "1");
    return new TrainingData(
        spec, spec.dataset(), input, Map.of(), Optional.empty(), classes, sources);
  }

  public String name() {
    return name;
  }

  public InputSpec input() {
    return input;
  }

  public Map<String, String> checksums() {
    return checksums;
  }

  public Optional<Splits> splits() {
    return splits;
  }

  public List<String> classNames() {
    return classNames;
  }

  public BatchSource train(PhaseData d) {
    return train(d, 0);
  }

  /**
   * A training source whose order is seeded by the run seed plus {@code stream} (independent
   * streams).
   */
  public BatchSource train(PhaseData d, int stream) {
    RunSpec r = stream == 0 ? spec : spec.withSeed(spec.seed() + 7919L * stream);
    return track(sources.train(d, r));
  }

  /**
   * Plain images (no augmentation) in another batch size, e.g. a data-dependent initialisation
   * batch.
   */
  public BatchSource plain(PhaseData d, int stream, int batchSize) {
    RunSpec r =
        spec.withSeed(spec.seed() + 7919L * stream).withBatchSize(batchSize).withAugment(null);
    return track(sources.train(d, r));
  }

  public Optional<BatchSource> validation() {
    return sources.validation().map(this::track);
  }

  /** The test set; read it once, when the run is finished. */
  public BatchSource test() {
    return track(sources.test());
  }

  private BatchSource track(BatchSource s) {
    open.add(s);
    return s;
  }

  @Override
  public void close() {
    open.forEach(BatchSource::close);
    open.clear();
  }

  private interface Sources {
    BatchSource train(PhaseData d, RunSpec spec);

    Optional<BatchSource> validation();

    BatchSource test();
  }
}
