package io.tfjlab.eval.embedding;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Barnes-Hut t-SNE (van der Maaten 2014) of {@code double[n][d]} points to {@code double[n][2]}.
 *
 * <p>Steps: optional PCA to {@code pcaDimensions} (when {@code d} is larger); for each point, its
 * {@code 3 * perplexity} nearest neighbours (exact search), Gaussian affinities calibrated to the
 * perplexity by binary search on the precision, symmetrised {@code P = (P_j|i + P_i|j) / 2n};
 * Student-t affinities Q in 2-D; gradient descent from {@code N(0, 1e-4)} for {@code iterations}
 * steps, with early exaggeration 12 and momentum 0.5 for the first 250, momentum 0.8 after, and
 * per-coordinate gains (+0.2 / x0.8, at least 0.01). Repulsive forces use a quadtree: cells whose
 * width over distance is below {@code theta} act as one mass ({@code theta = 0} is the exact sum).
 * Point loops run on parallel streams; every point's result is written to its own slot and sums are
 * taken in index order, so the output depends only on the input and the seed.
 *
 * @param perplexity effective number of neighbours, &gt; 0; needs {@code n - 1 >= 3 * perplexity}
 * @param iterations gradient steps, at least 1
 * @param learningRate step size, &gt; 0
 * @param theta Barnes-Hut accuracy, in [0, 1]; 0.5 is the usual choice
 * @param pcaDimensions reduce to this many principal components first; 0 to skip
 * @param seed seed of the initial embedding
 */
public record Tsne(
    double perplexity,
    int iterations,
    double learningRate,
    double theta,
    int pcaDimensions,
    long seed) {

  /** Iterations with early exaggeration and low momentum. */
  public static final int EXAGGERATION_ITERATIONS = 250;

  /** Factor on P during the first {@link #EXAGGERATION_ITERATIONS}. */
  public static final double EXAGGERATION = 12.0;

  /** Checks the parameters. */
  public Tsne {
    if (!(perplexity > 0)) {
      throw new IllegalArgumentException("perplexity must be positive, got " + perplexity);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("t-SNE needs at least 1 iteration, got " + iterations);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
    }
    if (!(theta >= 0 && theta <= 1)) {
      throw new IllegalArgumentException("theta must be in [0, 1], got " + theta);
    }
    if (pcaDimensions < 0) {
      throw new IllegalArgumentException(
          "PCA dimensions must not be negative, got " + pcaDimensions);
    }
  }

  /** Perplexity 30, 1000 iterations, learning rate 200, theta 0.5, PCA to 50 dimensions. */
  public static Tsne defaults(long seed) {
    return new Tsne(30, 1000, 200, 0.5, 50, seed);
  }

  /** A copy with another perplexity. */
  public Tsne withPerplexity(double value) {
    return new Tsne(value, iterations, learningRate, theta, pcaDimensions, seed);
  }

  /** A copy with another number of iterations. */
  public Tsne withIterations(int value) {
    return new Tsne(perplexity, value, learningRate, theta, pcaDimensions, seed);
  }

  /** A copy with another theta. */
  public Tsne withTheta(double value) {
    return new Tsne(perplexity, iterations, learningRate, value, pcaDimensions, seed);
  }

  /**
   * Embeds the rows of {@code x} in 2-D.
   *
   * @return {@code n} rows of (x, y), centred on the origin
   * @throws IllegalArgumentException if {@code x} is empty, ragged, holds a non-finite value or has
   *     too few rows for the perplexity
   */
  public double[][] fit(double[][] x) {
    int n = validate(x);
    double[][] data =
        pcaDimensions > 0 && x[0].length > pcaDimensions ? Pca.project(x, pcaDimensions) : x;
    int k = (int) Math.min(n - 1, Math.floor(3 * perplexity));
    SparseAffinities p = SparseAffinities.compute(data, perplexity, k);

    Random random = new Random(seed);
    double[] y = new double[2 * n];
    for (int t = 0; t < y.length; t++) {
      y[t] = 1e-4 * random.nextGaussian();
    }
    double[] update = new double[2 * n];
    double[] gains = new double[2 * n];
    Arrays.fill(gains, 1.0);
    double[] grad = new double[2 * n];
    QuadTree tree = new QuadTree();
    for (int iter = 0; iter < iterations; iter++) {
      boolean early = iter < EXAGGERATION_ITERATIONS;
      gradient(p, y, early ? EXAGGERATION : 1.0, theta, tree, grad);
      double momentum = early ? 0.5 : 0.8;
      for (int t = 0; t < y.length; t++) {
        gains[t] = (grad[t] > 0) != (update[t] > 0) ? gains[t] + 0.2 : gains[t] * 0.8;
        if (gains[t] < 0.01) {
          gains[t] = 0.01;
        }
        update[t] = momentum * update[t] - learningRate * gains[t] * grad[t];
        y[t] += update[t];
      }
      center(y, n);
    }
    double[][] out = new double[n][2];
    for (int i = 0; i < n; i++) {
      out[i][0] = y[2 * i];
      out[i][1] = y[2 * i + 1];
    }
    return out;
  }

  private int validate(double[][] x) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException("t-SNE needs at least one point");
    }
    int d = x[0] == null ? 0 : x[0].length;
    if (d == 0) {
      throw new IllegalArgumentException("t-SNE points must have at least one dimension");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || x[i].length != d) {
        throw new IllegalArgumentException(
            "point "
                + i
                + " has "
                + (x[i] == null ? 0 : x[i].length)
                + " dimensions, point 0 has "
                + d);
      }
      for (int j = 0; j < d; j++) {
        if (!Double.isFinite(x[i][j])) {
          throw new IllegalArgumentException(
              "point " + i + " dimension " + j + " is not finite: " + x[i][j]);
        }
      }
    }
    int needed = (int) Math.floor(3 * perplexity) + 1;
    if (x.length < needed) {
      throw new IllegalArgumentException(
          "perplexity "
              + perplexity
              + " needs at least "
              + needed
              + " points (n - 1 >= 3 * perplexity), got "
              + x.length);
    }
    return x.length;
  }

  /**
   * The t-SNE gradient {@code 4 (exaggeration * F_attr - F_rep / Z)} into {@code grad}, with {@code
   * F_attr,i = sum_j P_ij w_ij (y_i - y_j)}, {@code F_rep,i = sum_j w_ij^2 (y_i - y_j)} and {@code
   * Z = sum_{i != j} w_ij}.
   */
  static void gradient(
      SparseAffinities p,
      double[] y,
      double exaggeration,
      double theta,
      QuadTree tree,
      double[] grad) {
    int n = p.n;
    tree.build(y, n);
    double[] rep = new double[2 * n];
    double[] zPart = new double[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              double xi = y[2 * i];
              double yi = y[2 * i + 1];
              double[] f = new double[2];
              zPart[i] = tree.repulsion(i, xi, yi, theta, f);
              rep[2 * i] = f[0];
              rep[2 * i + 1] = f[1];
              double ax = 0;
              double ay = 0;
              for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
                int j = p.col[e];
                double dx = xi - y[2 * j];
                double dy = yi - y[2 * j + 1];
                double pw = p.val[e] / (1 + dx * dx + dy * dy);
                ax += pw * dx;
                ay += pw * dy;
              }
              grad[2 * i] = ax;
              grad[2 * i + 1] = ay;
            });
    double z = 0;
    for (double v : zPart) {
      z += v;
    }
    double invZ = z > 0 ? 1 / z : 0;
    for (int t = 0; t < 2 * n; t++) {
      grad[t] = 4 * (exaggeration * grad[t] - rep[t] * invZ);
    }
  }

  private static void center(double[] y, int n) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += y[2 * i];
      my += y[2 * i + 1];
    }
    mx /= n;
    my /= n;
    for (int i = 0; i < n; i++) {
      y[2 * i] -= mx;
      y[2 * i + 1] -= my;
    }
  }
}
