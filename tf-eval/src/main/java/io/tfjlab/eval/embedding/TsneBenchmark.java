package io.tfjlab.eval.embedding;

import java.util.Random;

/**
 * Times {@link Tsne#defaults(long)} on synthetic MNIST-sized data: {@code n} points (default 3000)
 * of dimension 784 (values in [0, 1], ten noisy prototypes). Prints the seconds taken and the 2-D
 * nearest-neighbour class agreement. Needs only commons-math3 on the class path, e.g. after {@code
 * mvn -q -pl tf-eval -am -Dinterop.skip=true compile}: {@code java -cp
 * tf-eval/target/classes:<commons-math3-3.6.1.jar> io.tfjlab.eval.embedding.TsneBenchmark 3000}.
 */
public final class TsneBenchmark {

  private TsneBenchmark() {}

  /** Entry point; the optional first argument is the number of points. */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    int d = 784;
    Random r = new Random(42);
    double[][] prototypes = new double[10][d];
    for (double[] p : prototypes) {
      for (int j = 0; j < d; j++) {
        p[j] = r.nextDouble() < 0.2 ? r.nextDouble() : 0;
      }
    }
    double[][] x = new double[n][d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 10;
      for (int j = 0; j < d; j++) {
        x[i][j] = Math.min(1, Math.max(0, prototypes[labels[i]][j] + 0.3 * r.nextGaussian()));
      }
    }
    long start = System.nanoTime();
    double[][] y = Tsne.defaults(1).fit(x);
    double seconds = (System.nanoTime() - start) / 1e9;
    int agree = 0;
    for (int i = 0; i < n; i++) {
      int best = -1;
      double bestD = Double.POSITIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        double dx = y[i][0] - y[j][0];
        double dy = y[i][1] - y[j][1];
        double dd = dx * dx + dy * dy;
        if (j != i && dd < bestD) {
          bestD = dd;
          best = j;
        }
      }
      if (labels[best] == labels[i]) {
        agree++;
      }
    }
    System.out.printf(
        "t-SNE of %d x %d: %.1f s on %d processors, 1-NN class agreement in 2-D %.3f%n",
        n, d, seconds, Runtime.getRuntime().availableProcessors(), (double) agree / n);
  }
}
