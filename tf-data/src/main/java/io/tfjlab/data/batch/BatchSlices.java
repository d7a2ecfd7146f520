package io.tfjlab.data.batch;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Cuts an epoch's image order into consecutive batches; how a batch is filled is the caller's. */
final class BatchSlices {
  /** Fills the batch of these data set indices, the {@code number}-th of its epoch. */
  interface Filler {
    Batch fill(int[] indices, int number);
  }

  private BatchSlices() {}

  /** The data set indices of the {@code number}-th batch of an epoch's order. */
  static int[] slice(int[] order, int batchSize, int number) {
    int from = number * batchSize;
    return Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize));
  }

  static Iterator<Batch> iterator(int[] order, int batchSize, int count, Filler filler) {
    return new Iterator<>() {
      int next = 0;

      @Override
      public boolean hasNext() {
        return next < count;
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int number = next++;
        return filler.fill(slice(order, batchSize, number), number);
      }
    };
  }
}
