package io.tfjlab.models.zoo;

/** What a model's output means, which fixes its loss and metric. */
public enum Task {
  /** K-way softmax classifier; target one-hot [n, K]; metric accuracy. */
  CLASSIFY,
  /**
   * One sigmoid unit; target [n, 1] in {0,1} (or a class column of one-hot labels); metric
   * accuracy.
   */
  BINARY,
  /** Real-valued output; target [n, 1]; loss and metric mean squared error. */
  REGRESS,
  /** Reconstruct the input; metric mean squared error per pixel. */
  RECONSTRUCT,
  /** Generate images from noise (a GAN on its own); exported as noise → images. */
  GENERATE
}
