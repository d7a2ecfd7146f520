package io.tfjlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Synthetic data for tests: small image sets and IDX files written in the exact format. */
public final class TestImages {
  private TestImages() {}

  /**
   * {@code perClass} images of each of {@code classes} classes, 4x4x1, pixel = label * 10 + index %
   * 7.
   */
  public static ImageSet balanced(int classes, int perClass) {
    ImageShape shape = new ImageShape(4, 4, 1);
    int n = classes * perClass;
    byte[] px = new byte[n * shape.size()];
    byte[] labels = new byte[n];
    Random rng = new Random(1);
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % classes);
      for (int j = 0; j < shape.size(); j++) {
        px[i * shape.size() + j] = (byte) rng.nextInt(256);
      }
    }
    return new ImageSet(px, labels, shape, classes);
  }

  public static byte[] idx(int type, int[] dims, byte[] payload) {
    ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length + payload.length);
    b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) dims.length);
    for (int d : dims) {
      b.putInt(d);
    }
    b.put(payload);
    return b.array();
  }

  public static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  /** Writes a tiny MNIST-shaped (28x28) data set of {@code n} images as four IDX files. */
  public static void writeMnistLike(Path dir, int n, boolean gz) throws IOException {
    Files.createDirectories(dir);
    byte[] images = new byte[n * 784];
    byte[] labels = new byte[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) (i % 10);
      images[i * 784 + 14 * 28 + 14] = (byte) (100 + i);
    }
    write(dir, "train-images-idx3-ubyte", idx(8, new int[] {n, 28, 28}, images), gz);
    write(dir, "train-labels-idx1-ubyte", idx(8, new int[] {n}, labels), gz);
    write(dir, "t10k-images-idx3-ubyte", idx(8, new int[] {n, 28, 28}, images), gz);
    write(dir, "t10k-labels-idx1-ubyte", idx(8, new int[] {n}, labels), gz);
  }

  private static void write(Path dir, String name, byte[] raw, boolean gz) throws IOException {
    if (gz) {
      Files.write(dir.resolve(name + ".gz"), gzip(raw));
    } else {
      Files.write(dir.resolve(name), raw);
    }
  }
}
