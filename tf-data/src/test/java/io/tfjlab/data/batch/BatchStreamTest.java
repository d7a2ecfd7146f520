package io.tfjlab.data.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tfjlab.data.ImageSet;
import io.tfjlab.data.TestImages;
import io.tfjlab.data.augment.AugmentSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;

class BatchStreamTest {
  final ImageSet set = TestImages.balanced(10, 5);
  final int[] all = IntStream.range(0, 50).toArray();

  @Test
  void batchesCoverEveryImageOncePerEpochWithScaledPixelsAndOneHotLabels() {
    try (BatchStream stream = new BatchStream(set, all, BatchOptions.training(16, 42))) {
      assertThat(stream.batchesPerEpoch()).isEqualTo(4);
      List<Integer> seen = new ArrayList<>();
      for (Batch b : stream.epoch(0)) {
        assertThat(b.images().shape()).isEqualTo(Shape.of(b.size(), 4, 4, 1));
        assertThat(b.labels().shape()).isEqualTo(Shape.of(b.size(), 10));
        for (int r = 0; r < b.size(); r++) {
          int i = b.indices()[r];
          seen.add(i);
          assertThat(b.images().getFloat(r, 1, 2, 0))
              .isCloseTo(set.pixel(i, 6) / 255f, within(1e-6f));
          for (int c = 0; c < 10; c++) {
            assertThat(b.labels().getFloat(r, c)).isEqualTo(c == set.label(i) ? 1f : 0f);
          }
        }
      }
      assertThat(seen).containsExactlyInAnyOrderElementsOf(IntStream.of(all).boxed().toList());
      assertThat(seen).isNotEqualTo(IntStream.of(all).boxed().toList());
    }
  }

  @Test
  void orderDependsOnlyOnSeedAndEpoch() {
    try (BatchStream a = new BatchStream(set, all, BatchOptions.training(16, 42));
        BatchStream b = new BatchStream(set, all, BatchOptions.training(16, 42));
        BatchStream c = new BatchStream(set, all, BatchOptions.training(16, 43))) {
      assertThat(a.order(3)).isEqualTo(b.order(3));
      assertThat(a.order(3)).isNotEqualTo(a.order(4));
      assertThat(a.order(3)).isNotEqualTo(c.order(3));
    }
  }

  @Test
  void tensorsAreReusedForBatchesOfTheSameSizeInTwoAlternatingSlots() {
    try (BatchStream stream = new BatchStream(set, all, BatchOptions.training(16, 1))) {
      List<TFloat32> tensors = new ArrayList<>();
      List<Integer> sizes = new ArrayList<>();
      for (Batch b : stream.epoch(0)) {
        tensors.add(b.images());
        sizes.add(b.size());
      }
      assertThat(sizes).containsExactly(16, 16, 16, 2);
      // batch k+1 is filled while batch k is in use: two slots, alternating
      assertThat(tensors.get(0)).isSameAs(tensors.get(2)).isNotSameAs(tensors.get(1));
      assertThat(tensors.get(3)).isNotSameAs(tensors.get(0)).isNotSameAs(tensors.get(1));
    }
  }

  @Test
  void prefetchingGivesTheSameBatchesAsAFreshPassEvenWhenAPassIsAbandoned() {
    BatchOptions options =
        BatchOptions.training(16, 3).withAugment(io.tfjlab.data.augment.AugmentSpec.digits());
    try (BatchStream a = new BatchStream(set, all, options);
        BatchStream b = new BatchStream(set, all, options)) {
      java.util.Iterator<Batch> abandoned = a.epoch(0).iterator();
      abandoned.next(); // a fill of batch 1 is now in flight; the pass is dropped
      List<float[]> fromA = new ArrayList<>();
      for (Batch x : a.epoch(0)) {
        fromA.add(copy(x.images(), x.size()));
      }
      int i = 0;
      for (Batch y : b.epoch(0)) {
        assertThat(copy(y.images(), y.size())).containsExactly(fromA.get(i++));
      }
      assertThat(i).isEqualTo(fromA.size());
    }
  }

  private static float[] copy(TFloat32 t, int rows) {
    float[] out = new float[(int) (t.shape().size() / t.shape().size(0)) * rows];
    t.asRawTensor().data().asFloats().read(out, 0, out.length);
    return out;
  }

  @Test
  void dropRemainderSkipsTheShortBatch() {
    try (BatchStream stream =
        new BatchStream(set, all, BatchOptions.training(16, 1).withDropRemainder(true))) {
      int n = 0;
      for (Batch b : stream.epoch(0)) {
        assertThat(b.size()).isEqualTo(16);
        n++;
      }
      assertThat(n).isEqualTo(3);
    }
  }

  @Test
  void standardizationUsesTheGivenTrainingStatistics() {
    int[] train = IntStream.range(0, 40).toArray();
    PixelStatistics stats = PixelStatistics.of(set, train);
    float[] sum = new float[16];
    try (BatchStream stream =
        new BatchStream(set, train, BatchOptions.evaluation(40).withStandardization(stats))) {
      Batch b = stream.epoch(0).iterator().next();
      float[] all = new float[40 * 16];
      b.images().copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(all, false, false));
      for (int r = 0; r < 40; r++) {
        for (int j = 0; j < 16; j++) {
          sum[j] += all[r * 16 + j];
        }
      }
    }
    for (float s : sum) {
      assertThat(s / 40).isCloseTo(0f, within(1e-4f));
    }
  }

  @Test
  void augmentationIsSeededAndChangesImages() {
    BatchOptions opts =
        BatchOptions.training(50, 9).withAugment(new AugmentSpec(15, 0.1, 0.1, 0.1));
    float[][] first = new float[2][];
    for (int k = 0; k < 2; k++) {
      try (BatchStream s = new BatchStream(set, all, opts)) {
        Batch b = s.epoch(0).iterator().next();
        first[k] = new float[50 * 16];
        b.images().copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(first[k], false, false));
      }
    }
    assertThat(first[0]).isEqualTo(first[1]);
    float[] plain = new float[50 * 16];
    try (BatchStream s = new BatchStream(set, all, BatchOptions.training(50, 9))) {
      s.epoch(0)
          .iterator()
          .next()
          .images()
          .copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(plain, false, false));
    }
    assertThat(Arrays.equals(plain, first[0])).isFalse();
  }
}
