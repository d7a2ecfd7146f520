package io.tfjlab.api;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.catalog.DatasetDescriptor;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Your own images as a data set an {@link Experiment} trains on ({@code
 * .dataset(InMemoryData.of(...))}): official train and test splits held in memory. The run's
 * manifest records the SHA-256 of each split's labels and pixels, and reopening the run checks that
 * the same images are given again.
 */
public final class InMemoryData {
  private InMemoryData() {}

  /**
   * A data set of {@code train} and {@code test} images with class names "0", "1", ...
   *
   * @param name lower-case letters, digits and '-' (it names run folders), not a catalog name
   */
  public static Dataset of(String name, ImageSet train, ImageSet test) {
    return of(
        name,
        train,
        test,
        IntStream.range(0, train.numClasses()).mapToObj(Integer::toString).toList());
  }

  /** The same, with one class name per class index. */
  public static Dataset of(String name, ImageSet train, ImageSet test, List<String> classNames) {
    if (train.numClasses() != test.numClasses()) {
      throw new IllegalArgumentException(
          name
              + ": train has "
              + train.numClasses()
              + " classes, test "
              + test.numClasses()
              + "; give both ImageSets the same number of classes");
    }
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put("train", digest(train));
    digests.put("test", digest(test));
    return new Dataset(name, train, test, classNames, digests, Path.of("<memory>"));
  }

  /** {@code d} with the digests of its splits as checksums (computed if it has none). */
  static Dataset withDigests(Dataset d) {
    return d.checksums().isEmpty() ? of(d.name(), d.train(), d.test(), d.classNames()) : d;
  }

  /** A catalog entry whose loader hands back {@code d}: no files to fetch or verify. */
  static DatasetDescriptor descriptor(Dataset d) {
    return new DatasetDescriptor(
        d.name(),
        "in-memory images given to the Java API",
        d.shape(),
        d.classNames(),
        List.of(),
        List.of(),
        (desc, files) -> d);
  }

  /** SHA-256 over the shape, the labels and the pixels of a set. */
  static String digest(ImageSet s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(
          (s.shape() + "/" + s.numClasses() + "/" + s.size())
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      int px = s.shape().size();
      byte[] row = new byte[px + 1];
      for (int i = 0; i < s.size(); i++) {
        row[0] = (byte) s.label(i);
        for (int j = 0; j < px; j++) {
          row[j + 1] = (byte) s.pixel(i, j);
        }
        md.update(row);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
