package io.tfjlab.training.testsupport;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.data.catalog.DatasetDescriptor;
import io.tfjlab.models.ModelsModule;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.training.run.RunExecutor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A seeded, in-memory, MNIST-shaped data set for end-to-end tests: 28x28x1 images of 10 classes,
 * each class two bright blobs at its own places, shifted by up to 2 pixels, scaled in brightness
 * and over uniform noise. {@value #TRAIN_PER_CLASS} training and {@value #TEST_PER_CLASS} test
 * images per class. Registered in a {@link DatasetCatalog} under {@value #NAME} with no files: the
 * loader builds the images (the store's cache check over zero files succeeds without touching
 * disk).
 */
public final class SyntheticImageDataset {
  /** The catalog name of the data set. */
  public static final String NAME = "synthetic-digits";

  public static final int TRAIN_PER_CLASS = 30;
  public static final int TEST_PER_CLASS = 10;
  public static final int CLASSES = 10;
  public static final ImageShape SHAPE = new ImageShape(28, 28, 1);
  private static final long SEED = 20240611L;

  private SyntheticImageDataset() {}

  /** The data set (a pure function of the constants above). */
  public static Dataset dataset() {
    return new Dataset(
        NAME,
        images(TRAIN_PER_CLASS, SEED),
        images(TEST_PER_CLASS, SEED + 1),
        IntStream.range(0, CLASSES).mapToObj(Integer::toString).toList(),
        Map.of("synthetic", "seed-" + SEED),
        Path.of("in-memory"));
  }

  /** The catalog entry: no files, no sources, a loader that builds the images. */
  public static DatasetDescriptor descriptor() {
    return new DatasetDescriptor(
        NAME,
        "seeded synthetic 28x28x1 10-class images (tests)",
        SHAPE,
        IntStream.range(0, CLASSES).mapToObj(Integer::toString).toList(),
        List.of(),
        List.of(),
        (descriptor, files) -> dataset());
  }

  /** A catalog holding only this data set, its (unused) cache under {@code dataDir}. */
  public static DatasetCatalog catalog(Path dataDir, PrintStream log) {
    return new DatasetCatalog(
        Map.of(NAME, descriptor()), new DatasetStore(dataDir, Optional.empty(), log));
  }

  /** An executor over {@link #catalog} and the model zoo, as the CLI builds one. */
  public static RunExecutor executor(Path dataDir, PrintStream log) {
    ModelZoo zoo =
        com.google.inject.Guice.createInjector(new ModelsModule()).getInstance(ModelZoo.class);
    return new RunExecutor(catalog(dataDir, log), zoo);
  }

  static ImageSet images(int perClass, long seed) {
    int n = perClass * CLASSES;
    int h = SHAPE.height();
    int w = SHAPE.width();
    byte[] pixels = new byte[n * SHAPE.size()];
    byte[] labels = new byte[n];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int c = i % CLASSES;
      labels[i] = (byte) c;
      int dx = rng.nextInt(5) - 2;
      int dy = rng.nextInt(5) - 2;
      double gain = 0.7 + 0.3 * rng.nextDouble();
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          double v = 0;
          for (int b = 0; b < 2; b++) {
            // blob b of class c: a fixed place on a 5x5 grid of centres, its own width
            int cell = (7 * c + 11 * b + 3) % 25;
            double cx = 4 + (cell % 5) * 5 + dx;
            double cy = 4 + (cell / 5) * 5 + dy;
            double s = 2.0 + 0.5 * ((c + b) % 3);
            v += Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (2 * s * s));
          }
          double p = 255 * Math.min(1, gain * v) + rng.nextInt(30);
          pixels[i * SHAPE.size() + y * w + x] = (byte) Math.min(255, (int) p);
        }
      }
    }
    return new ImageSet(pixels, labels, SHAPE, CLASSES);
  }
}
