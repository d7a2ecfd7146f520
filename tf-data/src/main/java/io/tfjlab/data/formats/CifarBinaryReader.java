package io.tfjlab.data.formats;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the CIFAR-10 binary version: records of one label byte then 3,072 pixel bytes (1,024 red,
 * then green, then blue, each row-major), converted to NHWC (interleaved RGB) order.
 */
public final class CifarBinaryReader {
  public static final ImageShape SHAPE = new ImageShape(32, 32, 3);
  private static final int PLANE = 32 * 32;
  private static final int RECORD = 1 + 3 * PLANE;

  private CifarBinaryReader() {}

  /** Reads and concatenates the given batch files, in order. */
  public static ImageSet read(List<Path> files) {
    long total = 0;
    for (Path f : files) {
      long size;
      try {
        size = Files.size(f);
      } catch (IOException e) {
        throw new DataFormatException(f + ": cannot be read (" + e.getMessage() + ")", e);
      }
      if (size == 0 || size % RECORD != 0) {
        throw new DataFormatException(
            f + ": size " + size + " is not a multiple of the " + RECORD + "-byte CIFAR-10 record");
      }
      total += size / RECORD;
      if (total * 3 * PLANE > Integer.MAX_VALUE - 8) {
        throw new DataFormatException(
            f
                + ": "
                + total
                + " CIFAR-10 records in all, more than one array can hold; pass fewer batch files");
      }
    }
    byte[] pixels = new byte[(int) total * 3 * PLANE];
    byte[] labels = new byte[(int) total];
    int i = 0;
    for (Path f : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(f);
      } catch (IOException e) {
        throw new DataFormatException(f + ": cannot be read (" + e.getMessage() + ")", e);
      }
      for (int r = 0; r < bytes.length / RECORD; r++, i++) {
        int base = r * RECORD;
        int label = bytes[base] & 0xFF;
        if (label > 9) {
          throw new DataFormatException(
              f + ": record " + r + " has label " + label + ", expected 0..9");
        }
        labels[i] = (byte) label;
        int out = i * 3 * PLANE;
        for (int p = 0; p < PLANE; p++) {
          pixels[out + 3 * p] = bytes[base + 1 + p];
          pixels[out + 3 * p + 1] = bytes[base + 1 + PLANE + p];
          pixels[out + 3 * p + 2] = bytes[base + 1 + 2 * PLANE + p];
        }
      }
    }
    return new ImageSet(pixels, labels, SHAPE, 10);
  }
}
