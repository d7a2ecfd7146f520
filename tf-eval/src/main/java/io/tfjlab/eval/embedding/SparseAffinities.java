package io.tfjlab.eval.embedding;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Symmetric input affinities {@code P} of t-SNE in compressed-row form, computed over each point's
 * {@code 3 * perplexity} nearest neighbours (exact search) as in Barnes-Hut t-SNE.
 */
final class SparseAffinities {

  final int n;
  final int[] rowStart; // n + 1 offsets into col/val
  final int[] col;
  final double[] val;

  SparseAffinities(int n, int[] rowStart, int[] col, double[] val) {
    this.n = n;
    this.rowStart = rowStart;
    this.col = col;
    this.val = val;
  }

  /**
   * Conditional Gaussian affinities calibrated to {@code perplexity} by binary search on the
   * precision, symmetrised as {@code (p_j|i + p_i|j) / 2n}, so that all entries sum to 1.
   */
  static SparseAffinities compute(double[][] x, double perplexity, int k) {
    int n = x.length;
    int[][] nbr = new int[n][k];
    double[][] cond = new double[n][k];
    double logU = Math.log(perplexity);
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              double[] xi = x[i];
              long[] keyed = new long[n - 1];
              double[] dist = new double[n];
              int m = 0;
              for (int j = 0; j < n; j++) {
                if (j == i) {
                  continue;
                }
                double s = 0;
                double[] xj = x[j];
                for (int t = 0; t < xi.length; t++) {
                  double diff = xi[t] - xj[t];
                  s += diff * diff;
                }
                dist[j] = s;
                // non-negative floats order like their bits: sort by (distance, index)
                keyed[m++] = ((long) Float.floatToIntBits((float) s) << 32) | j;
              }
              Arrays.sort(keyed);
              double[] d = new double[k];
              for (int t = 0; t < k; t++) {
                int j = (int) (keyed[t] & 0xffffffffL);
                nbr[i][t] = j;
                d[t] = dist[j];
              }
              calibrate(d, logU, cond[i]);
            });
    // symmetrise: each conditional value goes to (i, j) and (j, i)
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      counts[i] += k;
      for (int t = 0; t < k; t++) {
        counts[nbr[i][t]]++;
      }
    }
    int[][] cols = new int[n][];
    double[][] vals = new double[n][];
    for (int i = 0; i < n; i++) {
      cols[i] = new int[counts[i]];
      vals[i] = new double[counts[i]];
    }
    int[] fill = new int[n];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < k; t++) {
        int j = nbr[i][t];
        double v = cond[i][t];
        cols[i][fill[i]] = j;
        vals[i][fill[i]++] = v;
        cols[j][fill[j]] = i;
        vals[j][fill[j]++] = v;
      }
    }
    int[] rowStart = new int[n + 1];
    int[][] mergedCols = new int[n][];
    double[][] mergedVals = new double[n][];
    for (int i = 0; i < n; i++) {
      int c = counts[i];
      long[] order = new long[c];
      for (int t = 0; t < c; t++) {
        order[t] = ((long) cols[i][t] << 32) | t;
      }
      Arrays.sort(order);
      int[] mc = new int[c];
      double[] mv = new double[c];
      int u = -1;
      for (int t = 0; t < c; t++) {
        int j = (int) (order[t] >>> 32);
        double v = vals[i][(int) (order[t] & 0xffffffffL)];
        if (u >= 0 && mc[u] == j) {
          mv[u] += v;
        } else {
          mc[++u] = j;
          mv[u] = v;
        }
      }
      mergedCols[i] = Arrays.copyOf(mc, u + 1);
      mergedVals[i] = Arrays.copyOf(mv, u + 1);
      rowStart[i + 1] = rowStart[i] + u + 1;
    }
    int[] col = new int[rowStart[n]];
    double[] val = new double[rowStart[n]];
    for (int i = 0; i < n; i++) {
      System.arraycopy(mergedCols[i], 0, col, rowStart[i], mergedCols[i].length);
      for (int t = 0; t < mergedVals[i].length; t++) {
        val[rowStart[i] + t] = mergedVals[i][t] / (2.0 * n);
      }
    }
    return new SparseAffinities(n, rowStart, col, val);
  }

  /**
   * Fills {@code p} with {@code exp(-beta d) / sum} for the beta whose entropy is {@code logU}
   * (natural log of the perplexity); distances are shifted by their minimum for stability.
   */
  static void calibrate(double[] d, double logU, double[] p) {
    double min = Double.POSITIVE_INFINITY;
    for (double v : d) {
      min = Math.min(min, v);
    }
    double beta = 1.0;
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (int iter = 0; iter < 200; iter++) {
      double sum = 0;
      double dot = 0;
      for (int t = 0; t < d.length; t++) {
        double shifted = d[t] - min;
        p[t] = Math.exp(-beta * shifted);
        sum += p[t];
        dot += shifted * p[t];
      }
      double h = Math.log(sum) + beta * dot / sum;
      for (int t = 0; t < d.length; t++) {
        p[t] /= sum;
      }
      double diff = h - logU;
      if (Math.abs(diff) < 1e-5) {
        break;
      }
      if (diff > 0) {
        lo = beta;
        beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
      }
    }
  }
}
