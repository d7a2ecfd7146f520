package io.tfjlab.eval.embedding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TsneTest {

  /** n points in 50-D around three centres 8 units apart per coordinate block, unit noise. */
  static double[][] clusters(int n, int[] labels, long seed) {
    Random r = new Random(seed);
    double[][] x = new double[n][50];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < 50; j++) {
        double centre = (j % 3 == labels[i]) ? 4.0 : 0.0;
        x[i][j] = centre + r.nextGaussian();
      }
    }
    return x;
  }

  static double nearestNeighbourAgreement(double[][] y, int[] labels) {
    int agree = 0;
    for (int i = 0; i < y.length; i++) {
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int j = 0; j < y.length; j++) {
        double dx = y[i][0] - y[j][0];
        double dy = y[i][1] - y[j][1];
        if (j != i && dx * dx + dy * dy < bestD) {
          bestD = dx * dx + dy * dy;
          best = j;
        }
      }
      agree += labels[best] == labels[i] ? 1 : 0;
    }
    return (double) agree / y.length;
  }

  @Test
  void keepsSeparatedClustersSeparated() {
    int[] labels = new int[210];
    double[][] x = clusters(210, labels, 3);
    double[][] y = Tsne.defaults(11).withIterations(500).fit(x);
    assertThat(y).hasNumberOfRows(210);
    assertThat(y[0]).hasSize(2);
    assertThat(nearestNeighbourAgreement(y, labels)).isGreaterThanOrEqualTo(0.95);
    // and the clusters are apart: every point is closer to its own class centroid
    double[][] centroid = new double[3][2];
    int[] count = new int[3];
    for (int i = 0; i < y.length; i++) {
      centroid[labels[i]][0] += y[i][0];
      centroid[labels[i]][1] += y[i][1];
      count[labels[i]]++;
    }
    for (int c = 0; c < 3; c++) {
      centroid[c][0] /= count[c];
      centroid[c][1] /= count[c];
    }
    int nearestOwn = 0;
    for (int i = 0; i < y.length; i++) {
      int best = 0;
      for (int c = 1; c < 3; c++) {
        if (dist2(y[i], centroid[c]) < dist2(y[i], centroid[best])) {
          best = c;
        }
      }
      nearestOwn += best == labels[i] ? 1 : 0;
    }
    assertThat(nearestOwn).isGreaterThanOrEqualTo(205);
  }

  @Test
  void randomLabelsAreNotSeparated() {
    // the same check on unstructured data must fail, so the check above means something
    int[] labels = new int[150];
    double[][] x = clusters(150, labels, 5);
    Random r = new Random(9);
    for (int i = 0; i < labels.length; i++) {
      labels[i] = r.nextInt(3);
    }
    double[][] y = Tsne.defaults(11).withIterations(300).fit(x);
    assertThat(nearestNeighbourAgreement(y, labels)).isLessThan(0.6);
  }

  private static double dist2(double[] a, double[] b) {
    double dx = a[0] - b[0];
    double dy = a[1] - b[1];
    return dx * dx + dy * dy;
  }

  @Test
  void sameSeedGivesIdenticalOutputAndAnotherSeedDoesNot() {
    int[] labels = new int[120];
    double[][] x = clusters(120, labels, 4);
    Tsne tsne = Tsne.defaults(7).withIterations(300);
    double[][] a = tsne.fit(x);
    double[][] b = tsne.fit(x);
    assertThat(a).isDeepEqualTo(b);
    double[][] c = Tsne.defaults(8).withIterations(300).fit(x);
    assertThat(c).isNotEqualTo(a);
    assertThat(c[0][0]).isNotEqualTo(a[0][0]);
  }

  @Test
  void reducesHighDimensionalInputWithPcaFirst() {
    Random r = new Random(2);
    int[] labels = new int[150];
    double[][] x = new double[150][120];
    for (int i = 0; i < x.length; i++) {
      labels[i] = i % 2;
      for (int j = 0; j < 120; j++) {
        x[i][j] = (labels[i] == 1 && j < 60 ? 3.0 : 0.0) + r.nextGaussian();
      }
    }
    double[][] y = new Tsne(20, 400, 200, 0.5, 50, 3).fit(x);
    assertThat(nearestNeighbourAgreement(y, labels)).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void barnesHutWithThetaZeroIsTheExactGradient() {
    int n = 60;
    Random r = new Random(1);
    double[][] x = new double[n][5];
    for (double[] row : x) {
      for (int j = 0; j < 5; j++) {
        row[j] = r.nextGaussian();
      }
    }
    SparseAffinities p = SparseAffinities.compute(x, 5, 15);
    double[] y = new double[2 * n];
    for (int t = 0; t < y.length; t++) {
      y[t] = r.nextGaussian();
    }
    double[] dense = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int e = p.rowStart[i]; e < p.rowStart[i + 1]; e++) {
        dense[i * n + p.col[e]] = p.val[e];
      }
    }
    double[] expected = new double[2 * n];
    double z = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double dx = y[2 * i] - y[2 * j];
          double dy = y[2 * i + 1] - y[2 * j + 1];
          z += 1 / (1 + dx * dx + dy * dy);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i != j) {
          double dx = y[2 * i] - y[2 * j];
          double dy = y[2 * i + 1] - y[2 * j + 1];
          double w = 1 / (1 + dx * dx + dy * dy);
          double m = 4 * (2.0 * dense[i * n + j] - w / z) * w;
          expected[2 * i] += m * dx;
          expected[2 * i + 1] += m * dy;
        }
      }
    }
    double[] exact = new double[2 * n];
    Tsne.gradient(p, y, 2.0, 0.0, new QuadTree(), exact);
    for (int t = 0; t < 2 * n; t++) {
      assertThat(exact[t]).as("component %d", t).isCloseTo(expected[t], within(1e-12));
    }
    double[] approx = new double[2 * n];
    Tsne.gradient(p, y, 2.0, 0.5, new QuadTree(), approx);
    double err = 0;
    double norm = 0;
    for (int t = 0; t < 2 * n; t++) {
      err += (approx[t] - expected[t]) * (approx[t] - expected[t]);
      norm += expected[t] * expected[t];
    }
    assertThat(Math.sqrt(err / norm)).isLessThan(0.05);
  }

  @Test
  void affinitiesAreSymmetricSumToOneAndHitThePerplexity() {
    Random r = new Random(4);
    double[] d = new double[40];
    for (int t = 0; t < d.length; t++) {
      d[t] = 50 + 30 * r.nextDouble();
    }
    double[] p = new double[40];
    SparseAffinities.calibrate(d, Math.log(10), p);
    double h = 0;
    double sum = 0;
    for (double v : p) {
      sum += v;
      h -= v > 0 ? v * Math.log(v) : 0;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    assertThat(Math.exp(h)).isCloseTo(10.0, within(1e-3));

    int[] labels = new int[100];
    SparseAffinities a = SparseAffinities.compute(clusters(100, labels, 1), 10, 30);
    double total = 0;
    for (int i = 0; i < a.n; i++) {
      for (int e = a.rowStart[i]; e < a.rowStart[i + 1]; e++) {
        total += a.val[e];
        int j = a.col[e];
        assertThat(j).isNotEqualTo(i);
        double back = Double.NaN;
        for (int f = a.rowStart[j]; f < a.rowStart[j + 1]; f++) {
          if (a.col[f] == i) {
            back = a.val[f];
          }
        }
        assertThat(back).isEqualTo(a.val[e]);
      }
    }
    assertThat(total).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void pcaKeepsDistancesOfDataOnAPlane() {
    Random r = new Random(6);
    double[][] x = new double[30][8];
    for (double[] row : x) {
      double a = r.nextGaussian();
      double b = 2 * r.nextGaussian();
      for (int j = 0; j < 8; j++) {
        row[j] = a * (j % 2 == 0 ? 0.5 : -0.5) + b * (j < 4 ? 0.5 : -0.5) + 7;
      }
    }
    double[][] y = Pca.project(x, 2);
    for (int i = 1; i < x.length; i++) {
      double dx = 0;
      for (int j = 0; j < 8; j++) {
        dx += (x[i][j] - x[0][j]) * (x[i][j] - x[0][j]);
      }
      double dy =
          (y[i][0] - y[0][0]) * (y[i][0] - y[0][0]) + (y[i][1] - y[0][1]) * (y[i][1] - y[0][1]);
      assertThat(dy).isCloseTo(dx, within(1e-9));
    }
  }

  @Test
  void rejectsBadInput() {
    Tsne tsne = Tsne.defaults(1);
    assertThatThrownBy(() -> tsne.fit(new double[0][]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t-SNE needs at least one point");
    assertThatThrownBy(() -> tsne.fit(new double[][] {{1, 2}, {3}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("point 1 has 1 dimensions, point 0 has 2");
    assertThatThrownBy(() -> tsne.fit(new double[50][3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("perplexity 30.0 needs at least 91 points (n - 1 >= 3 * perplexity), got 50");
    assertThatThrownBy(() -> tsne.fit(new double[][] {{Double.NaN}}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("point 0 dimension 0 is not finite: NaN");
    assertThatThrownBy(() -> new Tsne(30, 10, 200, 1.5, 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("theta must be in [0, 1], got 1.5");
  }
}
