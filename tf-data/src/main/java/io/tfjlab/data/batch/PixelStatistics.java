package io.tfjlab.data.batch;

import io.tfjlab.data.ImageSet;

/**
 * Per-pixel mean and standard deviation of [0,1]-scaled images, computed on the training part only
 * (never validation or test) so that standardisation leaks nothing.
 */
public record PixelStatistics(float[] mean, float[] std) {
  public static PixelStatistics of(ImageSet set, int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("pixel statistics need at least one image");
    }
    int n = set.shape().size();
    double[] sum = new double[n];
    double[] sq = new double[n];
    float[] img = new float[n];
    for (int i : indices) {
      set.copyScaled(i, img, 0);
      for (int j = 0; j < n; j++) {
        sum[j] += img[j];
        sq[j] += (double) img[j] * img[j];
      }
    }
    float[] mean = new float[n];
    float[] std = new float[n];
    for (int j = 0; j < n; j++) {
      double m = sum[j] / indices.length;
      mean[j] = (float) m;
      std[j] = (float) Math.sqrt(Math.max(0, sq[j] / indices.length - m * m));
    }
    return new PixelStatistics(mean, std);
  }

  /** {@code (x - mean) / (std + epsilon)} in place on one image at {@code offset}. */
  public void standardize(float[] images, int offset, float epsilon) {
    for (int j = 0; j < mean.length; j++) {
      images[offset + j] = (images[offset + j] - mean[j]) / (std[j] + epsilon);
    }
  }
}
