package io.tfjlab.eval.embedding;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Projection of centred data on its leading principal components (commons-math3 eigensolver). */
final class Pca {

  private Pca() {}

  /**
   * Projects the rows of {@code x} on the top {@code k} eigenvectors of their covariance. Each
   * component's sign is fixed so that its largest-magnitude loading is positive, which keeps the
   * result independent of the eigensolver's sign convention.
   */
  static double[][] project(double[][] x, int k) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[][] cols = new double[d][n]; // centred, column-major for contiguous dot products
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        cols[j][i] = x[i][j] - mean[j];
      }
    }
    double[][] cov = new double[d][d];
    IntStream.range(0, d)
        .parallel()
        .forEach(
            a -> {
              double[] ca = cols[a];
              for (int b = a; b < d; b++) {
                double[] cb = cols[b];
                double s = 0;
                for (int i = 0; i < n; i++) {
                  s += ca[i] * cb[i];
                }
                cov[a][b] = s / Math.max(1, n - 1);
              }
            });
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < a; b++) {
        cov[a][b] = cov[b][a];
      }
    }
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
    double[] values = eig.getRealEigenvalues();
    Integer[] order = new Integer[d];
    for (int j = 0; j < d; j++) {
      order[j] = j;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int c = Double.compare(values[b], values[a]);
          return c != 0 ? c : Integer.compare(a, b);
        });
    RealMatrix vectors = eig.getV();
    double[][] basis = new double[k][d];
    for (int c = 0; c < k; c++) {
      double[] v = vectors.getColumn(order[c]);
      int arg = 0;
      for (int j = 1; j < d; j++) {
        if (Math.abs(v[j]) > Math.abs(v[arg])) {
          arg = j;
        }
      }
      double sign = v[arg] < 0 ? -1 : 1;
      for (int j = 0; j < d; j++) {
        basis[c][j] = sign * v[j];
      }
    }
    double[][] out = new double[n][k];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              for (int c = 0; c < k; c++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                  s += cols[j][i] * basis[c][j];
                }
                out[i][c] = s;
              }
            });
    return out;
  }
}
