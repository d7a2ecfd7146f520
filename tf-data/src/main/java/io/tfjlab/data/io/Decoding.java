package io.tfjlab.data.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/** Opens a file whatever it was stored as: gzip, bzip2 (by their magic bytes) or raw. */
public final class Decoding {
  private Decoding() {}

  public static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(3);
    byte[] head = in.readNBytes(3);
    in.reset();
    if (head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b) {
      return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
    }
    if (head.length == 3 && head[0] == 'B' && head[1] == 'Z' && head[2] == 'h') {
      return new BufferedInputStream(new BZip2CompressorInputStream(in), 1 << 16);
    }
    return in;
  }
}
