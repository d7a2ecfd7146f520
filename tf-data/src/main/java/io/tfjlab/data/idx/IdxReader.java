package io.tfjlab.data.idx;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads IDX files of unsigned bytes (MNIST, Fashion-MNIST), gzip-compressed or raw, and checks each
 * of the format rules of shared/docs/datasets.md: magic, element type, number of dimensions,
 * dimension sizes, payload length, and that labels match images.
 */
public final class IdxReader {
  private static final int TYPE_UNSIGNED_BYTE = 0x08;

  private IdxReader() {}

  /**
   * Reads and validates one IDX file.
   *
   * @param expectedDims number of dimensions the file must have (3 for images, 1 for labels)
   */
  public static IdxFile read(Path file, int expectedDims) {
    byte[] bytes;
    try (InputStream in = io.tfjlab.data.io.Decoding.open(file)) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
    return parse(file.toString(), bytes, expectedDims);
  }

  /** Parses IDX bytes; {@code name} is used in error messages. */
  public static IdxFile parse(String name, byte[] bytes, int expectedDims) {
    if (bytes.length < 4) {
      throw new DataFormatException(
          name + ": too short for an IDX header (" + bytes.length + " bytes)");
    }
    if (bytes[0] != 0 || bytes[1] != 0) {
      throw new DataFormatException(
          String.format(
              "%s: bad IDX magic %02x %02x (expected 00 00); is this an IDX file?",
              name, bytes[0], bytes[1]));
    }
    int type = bytes[2] & 0xFF;
    if (type != TYPE_UNSIGNED_BYTE) {
      throw new DataFormatException(
          String.format("%s: IDX element type 0x%02x, expected 0x08 (unsigned byte)", name, type));
    }
    int nDims = bytes[3] & 0xFF;
    if (nDims != expectedDims) {
      throw new DataFormatException(
          name + ": " + nDims + " dimensions in the IDX header, expected " + expectedDims);
    }
    int headerLength = 4 + 4 * nDims;
    if (bytes.length < headerLength) {
      throw new DataFormatException(name + ": header cut short (" + bytes.length + " bytes)");
    }
    ByteBuffer buf = ByteBuffer.wrap(bytes); // big-endian by default
    int[] dims = new int[nDims];
    long expectedPayload = 1;
    for (int d = 0; d < nDims; d++) {
      dims[d] = buf.getInt(4 + 4 * d);
      if (dims[d] <= 0) {
        throw new DataFormatException(name + ": dimension " + d + " has size " + dims[d]);
      }
      expectedPayload *= dims[d];
    }
    long payload = bytes.length - (long) headerLength;
    if (payload != expectedPayload) {
      throw new DataFormatException(
          name
              + ": payload has "
              + payload
              + " bytes but the header says "
              + expectedPayload
              + (payload < expectedPayload ? " (file truncated?)" : " (trailing data)"));
    }
    byte[] data = new byte[(int) payload];
    System.arraycopy(bytes, headerLength, data, 0, data.length);
    return new IdxFile(dims, data);
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
