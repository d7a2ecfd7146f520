package io.tfjlab.data.batch;

import com.google.inject.Guice;
import io.tfjlab.data.DataModule;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.data.catalog.DatasetCatalog;
import java.util.stream.IntStream;

/**
 * Measures how fast batches are prepared, with and without augmentation, on real MNIST: {@code mvn
 * -q -pl tf-data exec:java -Dexec.mainClass=io.tfjlab.data.batch.BatchThroughput}. Compare the
 * images/s with a model's training speed to see what augmentation costs an epoch.
 */
public final class BatchThroughput {
  private BatchThroughput() {}

  public static void main(String[] args) {
    DatasetCatalog catalog =
        Guice.createInjector(new DataModule()).getInstance(DatasetCatalog.class);
    ImageSet train = catalog.load(args.length > 0 ? args[0] : "mnist").train();
    int[] all = IntStream.range(0, train.size()).toArray();
    for (int round = 0; round < 2; round++) {
      report("plain", train, all, BatchOptions.training(128, 1));
      report(
          "augmented (digits preset)",
          train,
          all,
          BatchOptions.training(128, 1).withAugment(AugmentSpec.digits()));
    }
  }

  private static void report(String label, ImageSet set, int[] idx, BatchOptions options) {
    try (BatchStream stream = new BatchStream(set, idx, options)) {
      long t0 = System.nanoTime();
      long n = 0;
      for (Batch b : stream.epoch(0)) {
        n += b.size();
      }
      double s = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "%-28s %8.0f images/s (%d images, batch %d, %.2f s)%n",
          label, n / s, n, options.batchSize(), s);
    }
  }
}
