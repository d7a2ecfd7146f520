package io.tfjlab.data;

import java.util.Arrays;

/**
 * Images as unsigned bytes (row-major, NHWC) with one integer label each. Immutable by convention:
 * the arrays are never written after construction.
 */
public final class ImageSet {
  private final byte[] pixels;
  private final byte[] labels;
  private final ImageShape shape;
  private final int numClasses;

  public ImageSet(byte[] pixels, byte[] labels, ImageShape shape, int numClasses) {
    if (pixels.length != (long) labels.length * shape.size()) {
      throw new IllegalArgumentException(
          "pixel count "
              + pixels.length
              + " does not match "
              + labels.length
              + " images of "
              + shape);
    }
    for (int i = 0; i < labels.length; i++) {
      int y = labels[i] & 0xFF;
      if (y >= numClasses) {
        throw new IllegalArgumentException(
            "label " + y + " of image " + i + " is outside 0.." + (numClasses - 1));
      }
    }
    this.pixels = pixels;
    this.labels = labels;
    this.shape = shape;
    this.numClasses = numClasses;
  }

  public int size() {
    return labels.length;
  }

  public ImageShape shape() {
    return shape;
  }

  public int numClasses() {
    return numClasses;
  }

  /** Label of image {@code i}, in 0..numClasses-1. */
  public int label(int i) {
    return labels[i] & 0xFF;
  }

  /** Pixel {@code j} (row-major within the image) of image {@code i}, 0..255. */
  public int pixel(int i, int j) {
    return pixels[i * shape.size() + j] & 0xFF;
  }

  /** Copies the bytes of image {@code i} (row-major HWC) into {@code dst} at {@code offset}. */
  public void copyRaw(int i, byte[] dst, int offset) {
    int n = shape.size();
    System.arraycopy(pixels, i * n, dst, offset, n);
  }

  /** All pixels (NHWC), read-only and without a copy: for writers and digests. */
  public java.nio.ByteBuffer pixelBuffer() {
    return java.nio.ByteBuffer.wrap(pixels).asReadOnlyBuffer();
  }

  /** Writes image {@code i} scaled to [0,1] into {@code dst} at {@code offset}. */
  public void copyScaled(int i, float[] dst, int offset) {
    int n = shape.size();
    int base = i * n;
    for (int j = 0; j < n; j++) {
      dst[offset + j] = (pixels[base + j] & 0xFF) * (1f / 255f);
    }
  }

  /** Number of images of each class. */
  public int[] classCounts() {
    int[] counts = new int[numClasses];
    for (byte y : labels) {
      counts[y & 0xFF]++;
    }
    return counts;
  }

  /** A new set holding the images at {@code indices}, in that order. */
  public ImageSet subset(int[] indices) {
    int n = shape.size();
    byte[] p = new byte[indices.length * n];
    byte[] l = new byte[indices.length];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(pixels, indices[k] * n, p, k * n, n);
      l[k] = labels[indices[k]];
    }
    return new ImageSet(p, l, shape, numClasses);
  }

  /** Labels as ints (a copy). */
  public int[] labelArray() {
    int[] out = new int[labels.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels[i] & 0xFF;
    }
    return out;
  }

  @Override
  public String toString() {
    return "ImageSet["
        + size()
        + " x "
        + shape
        + ", classes="
        + numClasses
        + ", counts="
        + Arrays.toString(classCounts())
        + "]";
  }
}
