package io.tfjlab.cli;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.acquire.DataFile;
import io.tfjlab.data.acquire.DatasetStore;
import io.tfjlab.data.catalog.DatasetDescriptor;
import io.tfjlab.data.idx.IdxReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A small learnable digit-like data set in MNIST's IDX format, for real runs without MNIST: 28x28
 * grey images, class c is a brighter 5x10 bar at one of ten places (c % 5 across, c / 5 down) over
 * a noise background, jittered by up to 3 pixels across and 5 down (neighbouring places overlap).
 * Written into a data cache folder with the SHA-256 of each file, so that it loads like a built-in
 * data set (cache verified, checksums in the manifest).
 */
final class SyntheticDigits {
  static final String NAME = "synthetic-digits";
  static final ImageShape SHAPE = new ImageShape(28, 28, 1);
  static final List<String> CLASSES = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

  private SyntheticDigits() {}

  /** Writes the files into {@code cacheRoot/synthetic-digits/} and returns their descriptor. */
  static DatasetDescriptor write(Path cacheRoot, int trainPerClass, int testPerClass)
      throws IOException {
    Path dir = Files.createDirectories(cacheRoot.resolve(NAME));
    List<DataFile> files = new ArrayList<>();
    files.addAll(split(dir, "train", trainPerClass, new SplittableRandom(11)));
    files.addAll(split(dir, "t10k", testPerClass, new SplittableRandom(12)));
    return new DatasetDescriptor(
        NAME,
        "synthetic digits (tests)",
        SHAPE,
        CLASSES,
        files,
        List.of(),
        (d, m) ->
            new Dataset(
                d.name(),
                IdxReader.readImageSet(
                    m.directory().resolve("train-images-idx3-ubyte"),
                    m.directory().resolve("train-labels-idx1-ubyte"),
                    d.shape(),
                    10),
                IdxReader.readImageSet(
                    m.directory().resolve("t10k-images-idx3-ubyte"),
                    m.directory().resolve("t10k-labels-idx1-ubyte"),
                    d.shape(),
                    10),
                d.classNames(),
                m.checksums(),
                m.directory()));
  }

  private static List<DataFile> split(
      Path dir, String prefix, int perClass, SplittableRandom random) throws IOException {
    int n = perClass * 10;
    ByteBuffer images =
        ByteBuffer.allocate(16 + n * 28 * 28).putInt(0x803).putInt(n).putInt(28).putInt(28);
    ByteBuffer labels = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n);
    for (int i = 0; i < n; i++) {
      int c = i % 10;
      int top = 1 + (c / 5) * 12 + random.nextInt(6);
      int left = (c % 5) * 5 + random.nextInt(4);
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          boolean bar = y >= top && y < top + 10 && x >= left && x < left + 5;
          images.put((byte) (bar ? 80 + random.nextInt(100) : random.nextInt(120)));
        }
      }
      labels.put((byte) c);
    }
    Path imageFile = dir.resolve(prefix + "-images-idx3-ubyte");
    Path labelFile = dir.resolve(prefix + "-labels-idx1-ubyte");
    Files.write(imageFile, images.array());
    Files.write(labelFile, labels.array());
    return List.of(
        new DataFile(imageFile.getFileName().toString(), DatasetStore.sha256(imageFile)),
        new DataFile(labelFile.getFileName().toString(), DatasetStore.sha256(labelFile)));
  }
}
