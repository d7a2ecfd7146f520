package io.tfjlab.data.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.testsupport.FuzzCases;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded mutation fuzzer over the readers of users' own data (tf-data {@code user}): the image
 * folder (a mutated PNG among valid ones, decoded and cached), npz (a stored zip of .npy arrays,
 * mutated anywhere: zip headers, .npy headers, data) and CSV (mutated text). Every case reads, or
 * fails with {@link DataFormatException}/{@link IllegalArgumentException} and a one-line message,
 * within 2 s. A header claiming 2^40 elements (or an image claiming 2^30 x 2^30 pixels) is refused
 * before it is allocated, as in tf-data's {@code ReaderFuzzTest} for IDX.
 */
class UserReaderFuzzTest {
  static final long SEED = 20261202L;
  static final int CASES = 300;
  static final long CASE_MILLIS = 2_000;
  static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());

  @TempDir Path dir;

  interface Reader {
    void read(Path file) throws Exception;
  }

  static byte[] npz(Path file, int n, int h, int w) throws Exception {
    byte[] px = new byte[n * h * w];
    byte[] y = new byte[n];
    for (int i = 0; i < n; i++) {
      y[i] = (byte) (i % 3);
      for (int p = 0; p < h * w; p++) {
        px[i * h * w + p] = (byte) ((i * 37 + p * 11) % 256);
      }
    }
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, ByteBuffer> data = new LinkedHashMap<>();
    shapes.put("x_train", new long[] {n, h, w});
    data.put("x_train", ByteBuffer.wrap(px));
    shapes.put("y_train", new long[] {n});
    data.put("y_train", ByteBuffer.wrap(y));
    NpzFiles.writeUint8(file, shapes, data, Map.of());
    return Files.readAllBytes(file);
  }

  static Path npy(Path file, String descr, String shape, byte[] data) throws Exception {
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int len = header.length() + 1;
    int pad = (64 - (10 + len) % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    int hl = header.length();
    out.write(new byte[] {(byte) hl, (byte) (hl >> 8)});
    out.write(header.getBytes(StandardCharsets.ISO_8859_1));
    out.write(data);
    return Files.write(file, out.toByteArray());
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void npzFiles() throws Exception {
    byte[] valid = npz(dir.resolve("valid.npz"), 12, 4, 4);
    assertThat(NumpyReader.read(DatasetRef.parse("npz:" + dir.resolve("valid.npz"))).train().size())
        .isPositive();
    fuzz("npz", valid, ".npz", f -> NumpyReader.read(DatasetRef.parse("npz:" + f)));
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void csvText() throws Exception {
    StringBuilder sb = new StringBuilder("label");
    for (int p = 0; p < 16; p++) {
      sb.append(",pixel").append(p);
    }
    sb.append('\n');
    for (int i = 0; i < 30; i++) {
      sb.append(i % 3);
      for (int p = 0; p < 16; p++) {
        sb.append(',').append((i * 7 + p * 13) % 256);
      }
      sb.append('\n');
    }
    byte[] valid = sb.toString().getBytes(StandardCharsets.US_ASCII);
    fuzz("csv", valid, ".csv", f -> CsvReader.read(DatasetRef.parse("csv:" + f)));
  }

  @Test
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void imageFolder() throws Exception {
    Path good = UserDataFixtures.folder(dir.resolve("template"), 2, 3);
    byte[] valid = Files.readAllBytes(good.resolve("class1").resolve("img2.png"));
    Path cache = dir.resolve("cache");
    int[] n = {0};
    fuzz(
        "folder",
        valid,
        ".png",
        f -> {
          Path root = dir.resolve("folder-" + n[0]++);
          copy(good, root);
          Files.copy(
              f,
              root.resolve("class1").resolve("img2.png"),
              java.nio.file.StandardCopyOption.REPLACE_EXISTING);
          try {
            UserDatasets.load(DatasetRef.parse("folder:" + root), cache, QUIET);
          } finally {
            io.tfjlab.data.io.Folders.deleteQuietly(root);
          }
        });
  }

  static void copy(Path from, Path to) throws Exception {
    try (var s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  @Test
  void headersClaimingHugeArraysAreRefusedBeforeAllocating() throws Exception {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    byte[] y = new byte[8 * 4];
    ByteBuffer.wrap(y).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(0, 1).putLong(8, 2);
    // {x shape, y shape, y data}: 2^40 elements; 2^31 - 9 labels in 32 bytes; 4 images of
    // 20000 x 20000 (1.6 GB claimed, a few bytes present); a negative and an unparsable dimension
    List<String[]> claims =
        List.of(
            new String[] {"(1048576, 1048576)", "(4,)"},
            new String[] {"(4, 4, 4)", "(2147483639,)"},
            new String[] {"(4, 20000, 20000)", "(4,)"},
            new String[] {"(4, -4, 4)", "(4,)"},
            new String[] {"(4, 99999999999999999999999, 4)", "(4,)"});
    int c = 0;
    for (String[] claim : claims) {
      for (boolean zipped : new boolean[] {false, true}) {
        Path folder = Files.createDirectories(dir.resolve("claim-" + c++));
        npy(folder.resolve("x_train.npy"), "|u1", claim[0], new byte[64]);
        npy(folder.resolve("y_train.npy"), "<i8", claim[1], y);
        Path ref = folder;
        if (zipped) {
          ref = dir.resolve("claim-" + c++ + ".npz");
          try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(ref))) {
            for (String name : List.of("x_train.npy", "y_train.npy")) {
              zip.putNextEntry(new java.util.zip.ZipEntry(name));
              zip.write(Files.readAllBytes(folder.resolve(name)));
              zip.closeEntry();
            }
          }
        }
        Path r = ref;
        long before = threads.getThreadAllocatedBytes(id);
        assertThatThrownBy(() -> NumpyReader.read(DatasetRef.parse("npz:" + r)))
            .as("%s %s", Arrays.toString(claim), zipped ? "npz" : "npy folder")
            .isInstanceOf(DataFormatException.class)
            .hasMessageMatching("[^\\n]+");
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        System.out.println(
            "claim "
                + Arrays.toString(claim)
                + (zipped ? " npz" : " npy")
                + ": refused, "
                + allocated / 1024
                + " KiB allocated");
        assertThat(allocated)
            .as("bytes allocated for %s", Arrays.toString(claim))
            .isLessThan(16L << 20);
      }
    }
  }

  @Test
  void anImageClaimingHugeDimensionsIsRefusedBeforeDecoding() throws Exception {
    byte[] png = UserDataFixtures.encode(UserDataFixtures.grey(5, 4, 9), "png");
    // IHDR: width at byte 16, height at byte 20 (its CRC now wrong, as in a damaged file)
    ByteBuffer.wrap(png).putInt(16, 1 << 30).putInt(20, 1 << 30);
    Path f = Files.write(dir.resolve("huge.png"), png);
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(id);
    assertThatThrownBy(() -> ImageDecoder.decode(f))
        .isInstanceOf(DataFormatException.class)
        .hasMessageMatching("[^\\n]*huge.png[^\\n]*");
    assertThat(threads.getThreadAllocatedBytes(id) - before).isLessThan(16L << 20);
  }

  void fuzz(String name, byte[] valid, String ext, Reader reader) throws Exception {
    FuzzCases.check(
        name,
        CASES,
        new Random(SEED ^ name.hashCode()),
        CASE_MILLIS,
        (c, rng) -> Files.write(dir.resolve(name + "-" + c + ext), mutate(valid, rng)),
        reader::read);
  }

  static final int[] HUGE = {0x7fffffff, 0x80000000, 0xffffffff, 0x40000000, 1 << 24, 0, -1};

  static byte[] mutate(byte[] valid, Random rng) {
    byte[] b = valid.clone();
    switch (rng.nextInt(6)) {
      case 0 -> {
        int flips = 1 + rng.nextInt(8);
        for (int i = 0; i < flips; i++) {
          int at = rng.nextInt(b.length);
          b[at] ^= (byte) (1 << rng.nextInt(8));
        }
      }
      case 1 -> b = Arrays.copyOf(b, rng.nextInt(b.length));
      case 2 -> {
        int at = rng.nextInt(b.length + 1);
        byte[] extra = new byte[1 + rng.nextInt(64)];
        rng.nextBytes(extra);
        byte[] out = new byte[b.length + extra.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(extra, 0, out, at, extra.length);
        System.arraycopy(b, at, out, at + extra.length, b.length - at);
        b = out;
      }
      case 3 -> {
        for (int i = 0; i < 1 + rng.nextInt(4); i++) {
          b[rng.nextInt(Math.min(64, b.length))] = (byte) rng.nextInt(256);
        }
      }
      case 4 -> {
        int at = rng.nextInt(b.length);
        Arrays.fill(b, at, Math.min(b.length, at + 1 + rng.nextInt(64)), (byte) rng.nextInt(256));
      }
      default -> { // a 4-byte field anywhere set to a huge value (zip sizes, IHDR, digits in text)
        int at = rng.nextInt(Math.max(1, b.length - 4));
        if (b.length >= 4) {
          ByteBuffer.wrap(b).putInt(at, HUGE[rng.nextInt(HUGE.length)]);
        }
      }
    }
    return b;
  }
}
