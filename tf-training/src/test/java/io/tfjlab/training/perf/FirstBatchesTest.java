package io.tfjlab.training.perf;

import static org.assertj.core.api.Assertions.assertThat;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.data.batch.BatchSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inference bench's view of a source's first batches goes on into the next epochs. */
class FirstBatchesTest {
  /** Two batches per epoch; a batch's indices hold its epoch. */
  private static final class TwoPerEpoch implements BatchSource {
    @Override
    public int size() {
      return 4;
    }

    @Override
    public int batchesPerEpoch() {
      return 2;
    }

    @Override
    public Iterable<Batch> epoch(int epoch) {
      return List.of(
          new Batch(null, null, new int[] {epoch, epoch}, 0),
          new Batch(null, null, new int[] {epoch, epoch}, 1));
    }

    @Override
    public void close() {}
  }

  @Test
  void fiveBatchesOfATwoBatchEpochSpanThreeEpochs() {
    InferenceBench.FirstBatches view = new InferenceBench.FirstBatches(new TwoPerEpoch(), 5, 2);
    List<String> seen = new ArrayList<>();
    for (Batch b : view.epoch(0)) {
      seen.add(b.indices()[0] + "/" + b.number());
    }
    assertThat(seen).containsExactly("0/0", "0/1", "1/0", "1/1", "2/0");
    assertThat(view.batchesPerEpoch()).isEqualTo(5);
    assertThat(view.size()).isEqualTo(10);
  }
}
