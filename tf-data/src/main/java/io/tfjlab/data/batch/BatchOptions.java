package io.tfjlab.data.batch;

import io.tfjlab.data.augment.AugmentSpec;
import java.util.Optional;

/**
 * How a {@link BatchStream} cuts and prepares batches.
 *
 * @param batchSize images per batch
 * @param shuffle a new seeded order every epoch (otherwise the index order)
 * @param seed seeds the order and the augmentation
 * @param dropRemainder skip the last, smaller batch of an epoch
 * @param standardization per-pixel statistics of the training part, applied after scaling
 * @param augment random transformations, applied before standardisation
 */
public record BatchOptions(
    int batchSize,
    boolean shuffle,
    long seed,
    boolean dropRemainder,
    Optional<PixelStatistics> standardization,
    Optional<AugmentSpec> augment) {

  public BatchOptions {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
    }
  }

  /** Shuffled training batches, no standardisation, no augmentation. */
  public static BatchOptions training(int batchSize, long seed) {
    return new BatchOptions(batchSize, true, seed, false, Optional.empty(), Optional.empty());
  }

  /** In-order batches for evaluation. */
  public static BatchOptions evaluation(int batchSize) {
    return new BatchOptions(batchSize, false, 0, false, Optional.empty(), Optional.empty());
  }

  public BatchOptions withAugment(AugmentSpec spec) {
    return new BatchOptions(
        batchSize, shuffle, seed, dropRemainder, standardization, Optional.of(spec));
  }

  public BatchOptions withStandardization(PixelStatistics stats) {
    return new BatchOptions(batchSize, shuffle, seed, dropRemainder, Optional.of(stats), augment);
  }

  public BatchOptions withDropRemainder(boolean drop) {
    return new BatchOptions(batchSize, shuffle, seed, drop, standardization, augment);
  }
}
