package io.tfjlab.data.idx;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads IDX files of unsigned bytes (MNIST, Fashion-MNIST), gzip-compressed or raw, and checks each
 * of the format rules of shared/docs/datasets.md: magic, element type, number of dimensions,
 * dimension sizes, payload length, and that labels match images.
 */
public final class IdxReader {
  private static final int TYPE_UNSIGNED_BYTE = 0x08;

  private IdxReader() {}

  /** The largest payload one IDX file may claim: the most one Java array can hold. */
  static final long MAX_PAYLOAD = Integer.MAX_VALUE - 8;

  private static final int TRAILING_LOOK = 1 << 16;

  /**
   * Reads and validates one IDX file. The header is checked before the payload is read: a header
   * whose dimensions multiply past {@link #MAX_PAYLOAD}, or past what a raw file holds, is refused
   * before anything is allocated, and a compressed payload is read only up to what the header
   * claims (memory grows with the bytes actually present, never with the claim).
   *
   * @param expectedDims number of dimensions the file must have (3 for images, 1 for labels)
   */
  public static IdxFile read(Path file, int expectedDims) {
    try (InputStream in = io.tfjlab.data.io.Decoding.open(file)) {
      long available =
          io.tfjlab.data.io.Decoding.isCompressed(file) ? Long.MAX_VALUE : Files.size(file);
      return read(file.toString(), in, expectedDims, available);
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /** Parses IDX bytes; {@code name} is used in error messages. */
  public static IdxFile parse(String name, byte[] bytes, int expectedDims) {
    try {
      return read(name, new ByteArrayInputStream(bytes), expectedDims, bytes.length);
    } catch (IOException e) {
      throw new DataFormatException(name + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Reads IDX content from {@code in}; {@code available} is the total length when known (a raw
   * file), else {@link Long#MAX_VALUE}.
   */
  private static IdxFile read(String name, InputStream in, int expectedDims, long available)
      throws IOException {
    byte[] head = in.readNBytes(4);
    if (head.length < 4) {
      throw new DataFormatException(
          name + ": too short for an IDX header (" + head.length + " bytes)");
    }
    if (head[0] != 0 || head[1] != 0) {
      throw new DataFormatException(
          String.format(
              "%s: bad IDX magic %02x %02x (expected 00 00); is this an IDX file?",
              name, head[0], head[1]));
    }
    int type = head[2] & 0xFF;
    if (type != TYPE_UNSIGNED_BYTE) {
      throw new DataFormatException(
          String.format("%s: IDX element type 0x%02x, expected 0x08 (unsigned byte)", name, type));
    }
    int nDims = head[3] & 0xFF;
    if (nDims != expectedDims) {
      throw new DataFormatException(
          name + ": " + nDims + " dimensions in the IDX header, expected " + expectedDims);
    }
    int headerLength = 4 + 4 * nDims;
    byte[] sizes = in.readNBytes(4 * nDims);
    if (sizes.length < 4 * nDims) {
      throw new DataFormatException(name + ": header cut short (" + (4 + sizes.length) + " bytes)");
    }
    ByteBuffer buf = ByteBuffer.wrap(sizes); // big-endian by default
    int[] dims = new int[nDims];
    long expectedPayload = 1;
    for (int d = 0; d < nDims; d++) {
      dims[d] = buf.getInt(4 * d);
      if (dims[d] <= 0) {
        throw new DataFormatException(name + ": dimension " + d + " has size " + dims[d]);
      }
      expectedPayload *= dims[d];
      if (expectedPayload > MAX_PAYLOAD) {
        throw new DataFormatException(
            name
                + ": the header claims dimensions "
                + java.util.Arrays.toString(java.util.Arrays.copyOf(dims, d + 1))
                + (d + 1 < nDims ? "..." : "")
                + ", more than "
                + MAX_PAYLOAD
                + " bytes; a corrupt header?");
      }
    }
    if (available != Long.MAX_VALUE && available - headerLength < expectedPayload) {
      throw truncated(name, available - headerLength, expectedPayload);
    }
    // readNBytes grows its buffer with the bytes read, so a false claim costs no memory
    byte[] data = in.readNBytes((int) expectedPayload);
    if (data.length < expectedPayload) {
      throw truncated(name, data.length, expectedPayload);
    }
    // look at most 64 KiB past the claim: a compressed file may go on without end
    int trailing = in.readNBytes(TRAILING_LOOK).length;
    if (trailing > 0) {
      throw new DataFormatException(
          name
              + ": payload has "
              + (trailing == TRAILING_LOOK ? "more than " : "")
              + (expectedPayload + trailing)
              + " bytes but the header says "
              + expectedPayload
              + " (trailing data)");
    }
    return new IdxFile(dims, data);
  }

  private static DataFormatException truncated(String name, long payload, long expected) {
    return new DataFormatException(
        name
            + ": payload has "
            + payload
            + " bytes but the header says "
            + expected
            + " (file truncated?)");
  }

  /**
   * Reads an image file and its label file into one {@link ImageSet}, checking that the images have
   * the expected size and that both files hold the same number of items.
   */
  public static ImageSet readImageSet(Path images, Path labels, ImageShape shape, int numClasses) {
    IdxFile img = read(images, 3);
    IdxFile lab = read(labels, 1);
    if (img.dims()[1] != shape.height() || img.dims()[2] != shape.width()) {
      throw new DataFormatException(
          images
              + ": images are "
              + img.dims()[1]
              + "x"
              + img.dims()[2]
              + ", expected "
              + shape.height()
              + "x"
              + shape.width());
    }
    if (img.count() != lab.count()) {
      throw new DataFormatException(
          labels
              + ": "
              + lab.count()
              + " labels for "
              + img.count()
              + " images in "
              + images.getFileName());
    }
    for (int i = 0; i < lab.data().length; i++) {
      int y = lab.data()[i] & 0xFF;
      if (y >= numClasses) {
        throw new DataFormatException(
            labels + ": label " + y + " at index " + i + " is outside 0.." + (numClasses - 1));
      }
    }
    return new ImageSet(img.data(), lab.data(), shape, numClasses);
  }
}
