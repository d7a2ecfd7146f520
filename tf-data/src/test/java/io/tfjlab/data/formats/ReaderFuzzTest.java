package io.tfjlab.data.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.ImageShape;
import io.tfjlab.data.TestImages;
import io.tfjlab.data.idx.IdxReader;
import io.tfjlab.data.testsupport.FuzzCases;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over the IDX, LIBSVM and CIFAR-10 readers: valid files get bit flips,
 * truncations, inserted bytes and header fields set to huge values, raw and gzip-compressed. Every
 * case must either read or fail with the project's clear error (a {@link DataFormatException} or
 * {@link IllegalArgumentException} with a one-line message), within a time limit; a header that
 * claims 2^31 images is refused before anything that large is allocated.
 */
class ReaderFuzzTest {
  static final long SEED = 20261202L;
  static final int CASES = 400;
  static final long CASE_MILLIS = 2_000;
  static final int[] HUGE = {
    0x7fffffff, 0x80000000, 0xffffffff, 0x40000000, 1 << 24, 65_536, 60_001, 0, -1
  };

  @TempDir Path dir;

  /** The outcome of one case: read fine, or refused with the project's error. */
  interface Reader {
    void read(Path file) throws Exception;
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void idxImagesAndLabels() throws Exception {
    byte[] images = TestImages.idx(8, new int[] {6, 28, 28}, pattern(6 * 784));
    byte[] labels = TestImages.idx(8, new int[] {6}, new byte[] {0, 1, 2, 3, 4, 5});
    Path goodLabels = Files.write(dir.resolve("good-labels"), labels);
    Path goodImages = Files.write(dir.resolve("good-images"), images);
    ImageShape shape = new ImageShape(28, 28, 1);
    fuzz("idx3", images, List.of(4, 8, 12), f -> IdxReader.readImageSet(f, goodLabels, shape, 10));
    fuzz("idx1", labels, List.of(4), f -> IdxReader.readImageSet(goodImages, f, shape, 10));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void libsvmText() throws Exception {
    StringBuilder text = new StringBuilder();
    Random rng = new Random(1);
    for (int i = 0; i < 8; i++) {
      text.append(1 + i % 10);
      for (int j = 1; j <= 16; j += 1 + rng.nextInt(3)) {
        text.append(' ')
            .append(j)
            .append(':')
            .append(String.format("%.4f", rng.nextDouble() * 2 - 1));
      }
      text.append('\n');
    }
    ImageShape shape = new ImageShape(4, 4, 1);
    fuzz(
        "libsvm",
        text.toString().getBytes(StandardCharsets.US_ASCII),
        List.of(),
        f -> LibsvmImageReader.read(f, shape));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void cifarBinary() throws Exception {
    byte[] two = new byte[2 * 3073];
    byte[] px = pattern(two.length);
    System.arraycopy(px, 0, two, 0, two.length);
    two[0] = 3;
    two[3073] = 7;
    fuzz("cifar", two, List.of(0, 3073), f -> CifarBinaryReader.read(List.of(f)));
  }

  @Test
  void idxHeaderClaimingTwoToThe31ImagesIsRefusedBeforeAllocating() throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    List<byte[]> claims =
        List.of(
            header(new int[] {0x7fffffff, 28, 28}, 784), // 2^31 - 1 images
            header(new int[] {0x80000000, 28, 28}, 784), // 2^31 read as a signed int
            header(new int[] {0x7fffffff}, 16), // 2^31 - 1 labels
            header(new int[] {1 << 30}, 16), // 2^30 labels in a 24-byte file
            header(new int[] {1 << 21, 28, 28}, 784)); // 1.6 GB of pixels claimed
    for (byte[] claim : claims) {
      for (boolean gz : new boolean[] {false, true}) {
        Path f =
            Files.write(
                dir.resolve("claim" + (gz ? ".gz" : "")), gz ? TestImages.gzip(claim) : claim);
        int nDims = claim[3];
        long before = threads.getThreadAllocatedBytes(id);
        assertThatThrownBy(() -> IdxReader.read(f, nDims))
            .isInstanceOf(DataFormatException.class)
            .hasMessageMatching("(?s)[^\\n]*(more than|has size|truncated)[^\\n]*");
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertThat(allocated)
            .as("bytes allocated reading %s (gz %s)", Arrays.toString(dims(claim)), gz)
            .isLessThan(16L << 20);
      }
    }
  }

  @Test
  void compressedIdxIsReadOnlyAsFarAsItsHeaderClaims() throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    // ten 28x28 images claimed, then 48 MiB of zeros: about 48 KiB as gzip
    byte[] claim = header(new int[] {10, 28, 28}, 7840);
    byte[] bomb = Arrays.copyOf(claim, claim.length + (48 << 20));
    Path f = Files.write(dir.resolve("bomb.gz"), TestImages.gzip(bomb));
    assertThat(Files.size(f)).isLessThan(1 << 20);
    long before = threads.getThreadAllocatedBytes(id);
    assertThatThrownBy(() -> IdxReader.read(f, 3))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("trailing data");
    assertThat(threads.getThreadAllocatedBytes(id) - before).isLessThan(16L << 20);
  }

  @Test
  void libsvmNanOrInfiniteValueIsRefused() throws Exception {
    for (String v : List.of("NaN", "Infinity", "-Infinity")) {
      Path f = Files.writeString(dir.resolve("nan"), "3 1:0.5 2:" + v + "\n");
      assertThatThrownBy(() -> LibsvmImageReader.read(f, new ImageShape(4, 4, 1)))
          .as(v)
          .isInstanceOf(DataFormatException.class)
          .hasMessageContaining("nan:1")
          .hasMessageContaining("outside [-1, 1]");
    }
  }

  static byte[] header(int[] dims, int payload) {
    return TestImages.idx(8, dims, pattern(payload));
  }

  static int[] dims(byte[] idx) {
    ByteBuffer b = ByteBuffer.wrap(idx);
    int[] d = new int[idx[3]];
    for (int i = 0; i < d.length; i++) {
      d[i] = b.getInt(4 + 4 * i);
    }
    return d;
  }

  static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 % 251);
    }
    return b;
  }

  /**
   * Runs {@link #CASES} mutations of {@code valid} through {@code reader}; {@code intFields} are
   * offsets of 4-byte header fields that may be set to huge values.
   */
  void fuzz(String name, byte[] valid, List<Integer> intFields, Reader reader) throws Exception {
    FuzzCases.check(
        name,
        CASES,
        new Random(SEED ^ name.hashCode()),
        CASE_MILLIS,
        (c, rng) -> {
          byte[] m = mutate(valid, intFields, rng);
          boolean gz = rng.nextInt(4) == 0;
          return Files.write(
              dir.resolve(name + "-" + c + (gz ? ".gz" : "")), gz ? TestImages.gzip(m) : m);
        },
        reader::read);
  }

  static byte[] mutate(byte[] valid, List<Integer> intFields, Random rng) {
    byte[] b = valid.clone();
    int kind = rng.nextInt(intFields.isEmpty() ? 5 : 6);
    switch (kind) {
      case 0 -> { // bit flips
        int flips = 1 + rng.nextInt(8);
        for (int i = 0; i < flips; i++) {
          int at = rng.nextInt(b.length);
          b[at] ^= (byte) (1 << rng.nextInt(8));
        }
      }
      case 1 -> b = Arrays.copyOf(b, rng.nextInt(b.length)); // truncation
      case 2 -> { // inserted random bytes
        int at = rng.nextInt(b.length + 1);
        byte[] extra = new byte[1 + rng.nextInt(64)];
        rng.nextBytes(extra);
        byte[] out = new byte[b.length + extra.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(b, at, out, at + extra.length, b.length - at);
        b = out;
      }
      case 3 -> { // random bytes in the first 32 (the headers)
        for (int i = 0; i < 1 + rng.nextInt(4); i++) {
          b[rng.nextInt(Math.min(32, b.length))] = (byte) rng.nextInt(256);
        }
      }
      case 4 -> { // a run of one byte value (e.g. labels or pixels all 0xff)
        int at = rng.nextInt(b.length);
        Arrays.fill(b, at, Math.min(b.length, at + 1 + rng.nextInt(64)), (byte) rng.nextInt(256));
      }
      default -> { // a header field set to a huge value
        int at = intFields.get(rng.nextInt(intFields.size()));
        ByteBuffer.wrap(b).putInt(at, HUGE[rng.nextInt(HUGE.length)]);
      }
    }
    return b;
  }
}
