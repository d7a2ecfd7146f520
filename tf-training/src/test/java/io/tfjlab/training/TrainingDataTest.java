package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.catalog.DatasetDescriptor;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.Phase.PhaseData;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.buffer.DataBuffers;

/** How a run's data is cut and fed: splits, labeled subset, augmentation only where asked. */
class TrainingDataTest {
  @TempDir Path tmp;

  DatasetCatalog syntheticCatalog() {
    ImageShape shape = new ImageShape(8, 8, 1);
    Random r = new Random(3);
    byte[] px = new byte[400 * 64];
    r.nextBytes(px);
    byte[] labels = new byte[400];
    IntStream.range(0, 400).forEach(i -> labels[i] = (byte) (i % 10));
    ImageSet train = new ImageSet(px, labels, shape, 10);
    ImageSet test = train.subset(IntStream.range(0, 50).toArray());
    List<String> classes = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
    DatasetDescriptor d =
        new DatasetDescriptor(
            "synthetic",
            "test",
            shape,
            classes,
            List.of(),
            List.of(),
            (desc, m) -> new Dataset("synthetic", train, test, classes, Map.of(), m.directory()));
    return new DatasetCatalog(
        Map.of("synthetic", d),
        new DatasetStore(tmp, Optional.empty(), new PrintStream(OutputStream.nullOutputStream())));
  }

  static float[] firstBatch(BatchSource s) {
    var b = s.epoch(0).iterator().next();
    float[] out = new float[(int) b.images().shape().size()];
    b.images().copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  @Test
  void augmentationReachesLabeledTrainingBatchesOnly() {
    RunSpec plain =
        RunSpec.of(ModelSpec.of("cnn")).withDataset("synthetic").withLabels(50).withBatchSize(20);
    RunSpec augmented = plain.withAugment(new AugmentSpec(20, 0.2, 0.2, 0));
    try (TrainingData a = TrainingData.prepare(plain, syntheticCatalog());
        TrainingData b = TrainingData.prepare(augmented, syntheticCatalog())) {
      assertThat(a.splits().orElseThrow().labeled())
          .hasSize(50)
          .isEqualTo(b.splits().orElseThrow().labeled());
      assertThat(firstBatch(b.train(PhaseData.LABELED)))
          .isNotEqualTo(firstBatch(a.train(PhaseData.LABELED)));
      // unlabeled passes, validation and initialisation batches are never augmented
      assertThat(firstBatch(b.train(PhaseData.ALL_TRAIN)))
          .isEqualTo(firstBatch(a.train(PhaseData.ALL_TRAIN)));
      assertThat(firstBatch(b.validation().orElseThrow()))
          .isEqualTo(firstBatch(a.validation().orElseThrow()));
      assertThat(firstBatch(b.plain(PhaseData.LABELED, 3, 20)))
          .isEqualTo(firstBatch(a.plain(PhaseData.LABELED, 3, 20)));
    }
  }

  @Test
  void augmentUnlabeledReachesTheBatchesOfEveryTrainingImageToo() {
    RunSpec plain =
        RunSpec.of(ModelSpec.of("cnn")).withDataset("synthetic").withLabels(50).withBatchSize(20);
    RunSpec augmented = plain.withAugment(new AugmentSpec(20, 0.2, 0.2, 0, true));
    try (TrainingData a = TrainingData.prepare(plain, syntheticCatalog());
        TrainingData b = TrainingData.prepare(augmented, syntheticCatalog())) {
      assertThat(firstBatch(b.train(PhaseData.ALL_TRAIN)))
          .isNotEqualTo(firstBatch(a.train(PhaseData.ALL_TRAIN)));
      assertThat(firstBatch(b.train(PhaseData.LABELED)))
          .isNotEqualTo(firstBatch(a.train(PhaseData.LABELED)));
      // validation and initialisation batches stay plain
      assertThat(firstBatch(b.validation().orElseThrow()))
          .isEqualTo(firstBatch(a.validation().orElseThrow()));
      assertThat(firstBatch(b.plain(PhaseData.ALL_TRAIN, 3, 20)))
          .isEqualTo(firstBatch(a.plain(PhaseData.ALL_TRAIN, 3, 20)));
    }
  }

  @Test
  void independentStreamsHaveIndependentOrders() {
    RunSpec spec = RunSpec.of(ModelSpec.of("cnn")).withDataset("synthetic").withBatchSize(20);
    try (TrainingData d = TrainingData.prepare(spec, syntheticCatalog())) {
      assertThat(firstBatch(d.train(PhaseData.ALL_TRAIN, 2)))
          .isNotEqualTo(firstBatch(d.train(PhaseData.ALL_TRAIN)));
      assertThat(firstBatch(d.train(PhaseData.ALL_TRAIN, 2)))
          .isEqualTo(firstBatch(d.train(PhaseData.ALL_TRAIN, 2)));
    }
  }
}
