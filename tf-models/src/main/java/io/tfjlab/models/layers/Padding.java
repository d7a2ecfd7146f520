package io.tfjlab.models.layers;

/** Convolution and pooling padding, as TensorFlow names it. */
public enum Padding {
  SAME,
  VALID;

  /** Output length of a convolution or pooling window over {@code in}. */
  public long outputSize(long in, int window, int stride) {
    return this == SAME ? (in + stride - 1) / stride : (in - window) / stride + 1;
  }

  /** Output length of a transposed convolution. */
  public long transposedOutputSize(long in, int window, int stride) {
    return this == SAME ? in * stride : (in - 1) * stride + window;
  }
}
