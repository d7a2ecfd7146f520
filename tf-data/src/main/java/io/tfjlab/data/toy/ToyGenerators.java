package io.tfjlab.data.toy;

import java.util.Random;

/** The toy problems of seed 002, seeded: a noisy line, two gaussian blobs, and XOR. */
public final class ToyGenerators {
  private ToyGenerators() {}

  /** y = a·x + b + N(0, noise²), x uniform in [-1, 1]. Seed 002 used a = -20, b = -10. */
  public static ToyData linearRegression(int n, double a, double b, double noise, long seed) {
    Random rng = new Random(seed);
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double xi = rng.nextDouble() * 2 - 1;
      x[i] = (float) xi;
      y[i] = (float) (a * xi + b + noise * rng.nextGaussian());
    }
    return new ToyData("linear-regression", n, 1, x, 1, y);
  }

  /** Two 2-D gaussian blobs centred at (-1,-1) (label 0) and (1,1) (label 1), std {@code sigma}. */
  public static ToyData twoBlobs(int n, double sigma, long seed) {
    Random rng = new Random(seed);
    float[] x = new float[2 * n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      int label = i % 2;
      double c = label == 0 ? -1 : 1;
      x[2 * i] = (float) (c + sigma * rng.nextGaussian());
      x[2 * i + 1] = (float) (c + sigma * rng.nextGaussian());
      y[i] = label;
    }
    return new ToyData("two-blobs", n, 2, x, 1, y);
  }

  /**
   * XOR as four gaussians centred at (±1, ±1): label 1 where the signs of the centre differ, 0
   * where they agree.
   */
  public static ToyData xor(int n, double sigma, long seed) {
    Random rng = new Random(seed);
    float[] x = new float[2 * n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      int quadrant = i % 4;
      double cx = (quadrant & 1) == 0 ? -1 : 1;
      double cy = (quadrant & 2) == 0 ? -1 : 1;
      x[2 * i] = (float) (cx + sigma * rng.nextGaussian());
      x[2 * i + 1] = (float) (cy + sigma * rng.nextGaussian());
      y[i] = cx * cy < 0 ? 1f : 0f;
    }
    return new ToyData("xor", n, 2, x, 1, y);
  }
}
