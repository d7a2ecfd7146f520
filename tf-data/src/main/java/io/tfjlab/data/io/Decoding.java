package io.tfjlab.data.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Opens a file whatever it was stored as: gzip, bzip2 (by their magic bytes) or raw. A compressed
 * file is decompressed only up to {@link #MAX_DECODED_BYTES} (or a given limit): past it, reading
 * fails with an {@link IOException} instead of filling memory or disk.
 */
public final class Decoding {
  /**
   * The most bytes one decompressed file may hold: 2 GiB, the most a reader can hold in one array
   * and more than ten times the largest file of a built-in data set.
   */
  public static final long MAX_DECODED_BYTES = 1L << 31;

  private Decoding() {}

  public static InputStream open(Path file) throws IOException {
    return open(file, MAX_DECODED_BYTES);
  }

  /** As {@link #open(Path)}, decompressing at most {@code maxDecodedBytes}. */
  public static InputStream open(Path file, long maxDecodedBytes) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    try {
      in.mark(3);
      byte[] head = in.readNBytes(3);
      in.reset();
      if (head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b) {
        return limited(new GZIPInputStream(in, 1 << 16), maxDecodedBytes, file);
      }
      if (head.length == 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
        return limited(new BZip2CompressorInputStream(in), maxDecodedBytes, file);
      }
      return in;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** True when {@code file} starts with the gzip or bzip2 magic bytes. */
  public static boolean isCompressed(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(3);
      return (head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b)
          || (head.length == 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h');
    }
  }

  private static InputStream limited(InputStream decompressed, long limit, Path file) {
    return new BufferedInputStream(
        new LimitedInputStream(decompressed, limit, file.getFileName().toString()), 1 << 16);
  }
}
