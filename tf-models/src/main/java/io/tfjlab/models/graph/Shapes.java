package io.tfjlab.models.graph;

import java.util.Arrays;

/** Static per-sample shapes (the batch dimension left out), as layers compute them. */
public final class Shapes {
  private Shapes() {}

  public static long size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }

  /** Keras-style text with the batch dimension: {@code (None, 24, 24, 64)}. */
  public static String describe(long[] shape) {
    StringBuilder b = new StringBuilder("(None");
    for (long d : shape) {
      b.append(", ").append(d);
    }
    return b.append(')').toString();
  }

  /** {@code [-1, d1, d2, ...]}: the full shape with a dynamic batch dimension. */
  public static long[] withBatch(long[] shape) {
    long[] out = new long[shape.length + 1];
    out[0] = -1;
    System.arraycopy(shape, 0, out, 1, shape.length);
    return out;
  }

  public static String toString(long[] shape) {
    return Arrays.toString(shape);
  }
}
