package io.tfjlab.data.batch;

/**
 * Epochs of batches for a trainer: images (or feature vectors) and targets as float tensors, in a
 * seeded order. Batches' tensors belong to the source and are reused; close the source.
 */
public interface BatchSource extends AutoCloseable {
  /** Number of examples in one pass. */
  int size();

  int batchesPerEpoch();

  /** The batches of pass {@code epoch}; the order is a pure function of the seed and the epoch. */
  Iterable<Batch> epoch(int epoch);

  @Override
  void close();
}
