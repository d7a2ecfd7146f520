package io.tfjlab.data.user;

import io.tfjlab.data.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * Reads and writes the data of {@code .npy} arrays, streaming: pixels go straight into the caller's
 * preallocated uint8 array (float arrays in [0, 1] are scaled by 255, in [0, 255] rounded), labels
 * into ints.
 */
public final class NpyArrays {
  private static final int CHUNK = 1 << 16;

  /** Opens a stream at the start of one {@code .npy} (its header). */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  private NpyArrays() {}

  /** Reads the header only. */
  public static NpyHeader header(Opener opener, String file) throws IOException {
    try (InputStream in = opener.open()) {
      return NpyHeader.read(in, file);
    }
  }

  /**
   * Reads all elements of an image array into {@code dst} as 0..255. Integer arrays must hold
   * 0..255; float arrays 0..1 (scaled by 255) or 0..255 (two passes: the range decides the scale).
   */
  public static void readPixels(Opener opener, String file, byte[] dst) throws IOException {
    NpyHeader h = header(opener, file);
    if (h.count() != dst.length) {
      throw new IllegalStateException(file + ": " + h.count() + " values, expected " + dst.length);
    }
    if (h.dtype().equals("u1")) {
      try (InputStream in = opener.open()) {
        NpyHeader.read(in, file);
        // in chunks: one huge read makes the zip layer allocate a native buffer of that size
        for (int off = 0; off < dst.length; ) {
          int want = Math.min(1 << 20, dst.length - off);
          int n = in.readNBytes(dst, off, want);
          off += n;
          if (n < want) {
            throw truncated(file, h, off);
          }
        }
      }
      return;
    }
    double scale = 1;
    if (h.isFloat()) {
      double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
      each(
          opener,
          file,
          h,
          (i, v) -> {
            if (Double.isNaN(v)) {
              throw new DataFormatException(
                  file + ": value " + i + " is NaN; images must be finite");
            }
            range[0] = Math.min(range[0], v);
            range[1] = Math.max(range[1], v);
          });
      if (range[0] < 0 || range[1] > 255) {
        throw new DataFormatException(
            file
                + ": float pixels range from "
                + range[0]
                + " to "
                + range[1]
                + "; give values in [0, 1] or [0, 255]");
      }
      scale = range[1] <= 1.0 ? 255.0 : 1.0;
    }
    double s = scale;
    each(
        opener,
        file,
        h,
        (i, v) -> {
          double p = Math.rint(v * s);
          if (p < 0 || p > 255) {
            throw new DataFormatException(
                file + ": pixel " + i + " is " + v + "; give integer pixels in 0..255");
          }
          dst[(int) i] = (byte) (int) p;
        });
  }

  /** Reads all elements of an integer label array. */
  public static int[] readLabels(Opener opener, String file) throws IOException {
    NpyHeader h = header(opener, file);
    if (h.isFloat()) {
      throw new DataFormatException(
          file + " holds float labels (" + h + "); save integer class indices (y.astype('int64'))");
    }
    // grown with the values actually read: a header claiming 2^31 labels allocates nothing big
    int[][] out = {new int[(int) Math.min(h.count(), CHUNK)]};
    each(
        opener,
        file,
        h,
        (i, v) -> {
          if (v < 0 || v > 255) {
            throw new DataFormatException(
                file + ": label " + (long) v + " of row " + i + " is outside 0..255");
          }
          if (i >= out[0].length) {
            out[0] = java.util.Arrays.copyOf(out[0], (int) Math.min(h.count(), 2L * out[0].length));
          }
          out[0][(int) i] = (int) v;
        });
    return out[0];
  }

  private interface ValueSink {
    void accept(long index, double value);
  }

  private static void each(Opener opener, String file, NpyHeader h, ValueSink sink)
      throws IOException {
    int size = h.itemSize();
    long total = h.count();
    byte[] buf = new byte[CHUNK * size];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    try (InputStream in = opener.open()) {
      NpyHeader.read(in, file);
      long done = 0;
      while (done < total) {
        int want = (int) Math.min(CHUNK, total - done);
        int got = in.readNBytes(buf, 0, want * size);
        if (got < want * size) {
          throw truncated(file, h, done * size + got);
        }
        for (int k = 0; k < want; k++) {
          int o = k * size;
          double v =
              switch (h.dtype()) {
                case "u1" -> buf[o] & 0xFF;
                case "i1" -> buf[o];
                case "u2" -> bb.getShort(o) & 0xFFFF;
                case "i2" -> bb.getShort(o);
                case "u4" -> bb.getInt(o) & 0xFFFFFFFFL;
                case "i4" -> bb.getInt(o);
                case "u8", "i8" -> bb.getLong(o);
                case "f4" -> bb.getFloat(o);
                case "f8" -> bb.getDouble(o);
                default -> throw new IllegalStateException(h.dtype());
              };
          sink.accept(done + k, v);
        }
        done += want;
      }
    }
  }

  private static DataFormatException truncated(String file, NpyHeader h, long got) {
    return new DataFormatException(
        file
            + " is truncated: its header says "
            + h
            + " ("
            + h.count() * h.itemSize()
            + " bytes) but only "
            + got
            + " follow; write the file again");
  }

  /** A whole uint8 {@code .npy}: header then data. */
  public static void writeUint8(OutputStream out, long[] shape, ByteBuffer data)
      throws IOException {
    out.write(NpyHeader.encode("u1", shape));
    ByteBuffer b = data.duplicate();
    byte[] chunk = new byte[CHUNK];
    while (b.hasRemaining()) {
      int n = Math.min(chunk.length, b.remaining());
      b.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }

  /** Size and CRC-32 of {@link #writeUint8}'s bytes, for a stored (uncompressed) zip entry. */
  public static long[] sizeAndCrc(long[] shape, ByteBuffer data) {
    byte[] header = NpyHeader.encode("u1", shape);
    CRC32 crc = new CRC32();
    crc.update(header);
    crc.update(data.duplicate());
    return new long[] {header.length + (long) data.remaining(), crc.getValue()};
  }
}
