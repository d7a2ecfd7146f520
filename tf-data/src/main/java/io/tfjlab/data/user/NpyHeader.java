package io.tfjlab.data.user;

import io.tfjlab.data.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} array: the magic {@code \x93NUMPY}, a version, a header
 * length, and a Python dict literal {@code {'descr': '<f4', 'fortran_order': False, 'shape': (n,
 * 28, 28), }} padded to 64 bytes; the raw little-endian data follows. Only C-order little-endian
 * numeric arrays are read.
 *
 * @param dtype the element type without byte order: u1, i1, u2, i2, u4, i4, u8, i8, f4, f8
 * @param shape the dimensions
 */
public record NpyHeader(String dtype, long[] shape) {
  /** The most elements an array may claim: what one Java array holds. */
  public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final List<String> TYPES =
      List.of("u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f4", "f8");

  /** Bytes per element. */
  public int itemSize() {
    return dtype.charAt(1) - '0';
  }

  public boolean isFloat() {
    return dtype.charAt(0) == 'f';
  }

  /** The number of elements. */
  public long count() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** Reads the header from {@code in}, leaving it at the first data byte. */
  public static NpyHeader read(InputStream in, String file) throws IOException {
    byte[] magic = in.readNBytes(8);
    if (magic.length < 8 || !Arrays.equals(Arrays.copyOf(magic, 6), MAGIC)) {
      throw new DataFormatException(
          file + " is not a NumPy .npy array (no \\x93NUMPY magic); save it with numpy.save");
    }
    int major = magic[6];
    int len;
    if (major == 1) {
      byte[] b = in.readNBytes(2);
      len = (b[0] & 0xFF) | (b[1] & 0xFF) << 8;
    } else if (major == 2 || major == 3) {
      byte[] b = in.readNBytes(4);
      len = (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    } else {
      throw new DataFormatException(file + " has .npy format version " + major + "; save it again");
    }
    if (len < 0 || len > 1 << 20) {
      throw new DataFormatException(file + " has a corrupt .npy header length " + len);
    }
    byte[] header = in.readNBytes(len);
    if (header.length < len) {
      throw new DataFormatException(file + " ends inside its .npy header; the file is truncated");
    }
    String h =
        new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    return parse(h, file);
  }

  static NpyHeader parse(String h, String file) {
    Matcher d = DESCR.matcher(h);
    Matcher f = FORTRAN.matcher(h);
    Matcher s = SHAPE.matcher(h);
    if (!d.find() || !f.find() || !s.find()) {
      throw new DataFormatException(file + " has an unreadable .npy header: " + h.trim());
    }
    String descr = d.group(1);
    String type = descr.length() == 3 ? descr.substring(1) : "";
    char order = descr.isEmpty() ? '?' : descr.charAt(0);
    boolean oneByte = type.endsWith("1");
    if (!TYPES.contains(type) || !(order == '<' || (oneByte && order == '|'))) {
      throw new DataFormatException(
          file
              + " holds dtype "
              + descr
              + "; store images as uint8 or float32 and labels as integers (little-endian)");
    }
    if (f.group(1).equals("True")) {
      throw new DataFormatException(
          file + " is in Fortran order; save numpy.ascontiguousarray(a) instead");
    }
    List<Long> dims = new ArrayList<>();
    long count = 1;
    for (String part : s.group(1).split(",")) {
      String p = part.trim();
      if (!p.isEmpty()) {
        long dim;
        try {
          dim = Long.parseLong(p.replace("L", ""));
        } catch (NumberFormatException e) {
          throw new DataFormatException(
              file + " has an unreadable .npy shape: (" + s.group(1) + ")");
        }
        if (dim < 0) {
          throw new DataFormatException(
              file + " has a negative .npy dimension: (" + s.group(1) + ")");
        }
        // a claim is refused before anything is allocated for it
        count = dim == 0 || count == 0 ? 0 : count <= MAX_ELEMENTS / dim ? count * dim : -1;
        if (count < 0) {
          throw new DataFormatException(
              file
                  + " claims shape ("
                  + s.group(1).trim()
                  + "), more than "
                  + MAX_ELEMENTS
                  + " elements (one Java array); split the data");
        }
        dims.add(dim);
      }
    }
    return new NpyHeader(type, dims.stream().mapToLong(Long::longValue).toArray());
  }

  /** A version 1.0 header for a C-order array, padded so the data starts at a multiple of 64. */
  public static byte[] encode(String dtype, long[] shape) {
    StringBuilder dims = new StringBuilder();
    for (long d : shape) {
      dims.append(d).append(", ");
    }
    String shapeText =
        shape.length == 1
            ? "(" + shape[0] + ",)"
            : "(" + dims.substring(0, dims.length() - 2) + ")";
    String descr = (dtype.endsWith("1") ? "|" : "<") + dtype;
    String dict =
        String.format(
            Locale.ROOT,
            "{'descr': '%s', 'fortran_order': False, 'shape': %s, }",
            descr,
            shapeText);
    int total = 10 + dict.length() + 1;
    int pad = (64 - total % 64) % 64;
    String text = dict + " ".repeat(pad) + "\n";
    byte[] body = text.getBytes(StandardCharsets.ISO_8859_1);
    byte[] out = new byte[10 + body.length];
    System.arraycopy(MAGIC, 0, out, 0, 6);
    out[6] = 1;
    out[7] = 0;
    out[8] = (byte) body.length;
    out[9] = (byte) (body.length >> 8);
    System.arraycopy(body, 0, out, 10, body.length);
    return out;
  }

  @Override
  public String toString() {
    return dtype + Arrays.toString(shape);
  }
}
