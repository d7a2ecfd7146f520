package io.tfjlab.eval.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Wilcoxon signed-rank test of paired samples {@code a} vs {@code b} (e.g. accuracy of two models
 * on the same seeds), computed with commons-math3's {@link WilcoxonSignedRankTest}.
 *
 * <p>Pairs with a zero difference are dropped first (Wilcoxon's convention, scipy's default {@code
 * zero_method="wilcox"}), so {@code n} counts the non-zero differences; tied absolute differences
 * get their average rank. For {@code n <= }{@value #MAX_EXACT_N} the p-values are exact, from the
 * distribution of W+ over all 2^n sign patterns: the two-sided one is commons-math3's exact value
 * when there are no ties (capped at 1), and {@code 2 * min(one-sided)} (capped at 1) from the same
 * enumeration with the average ranks when there are ties, which commons-math3's exact test does not
 * handle. For larger n the two-sided p-value is commons-math3's normal approximation (with a
 * continuity correction, without a tie correction) and the one-sided exact values are {@code NaN}.
 *
 * <p>Five pairs all in the same direction give the smallest possible values for n = 5: two-sided
 * {@code 2/32 = 0.0625} and one-sided {@code 1/32 = 0.03125}.
 *
 * @param n number of pairs with a non-zero difference
 * @param statistic commons-math3's statistic, {@code max(W+, W-)}
 * @param wPlus sum of the ranks of the positive differences {@code a - b}
 * @param pValue two-sided p-value (1 when every difference is zero)
 * @param exact whether {@code pValue} is exact rather than the normal approximation
 * @param meanDifference mean of {@code a - b} over all pairs, zeros included
 * @param pGreaterExact one-sided exact p for "a tends to be larger than b", {@code P(W+ >= wPlus)}
 * @param pLessExact one-sided exact p for "a tends to be smaller than b", {@code P(W+ <= wPlus)}
 */
public record PairedComparison(
    int n,
    double statistic,
    double wPlus,
    double pValue,
    boolean exact,
    double meanDifference,
    double pGreaterExact,
    double pLessExact) {

  /** Largest number of non-zero pairs for which exact p-values are computed. */
  public static final int MAX_EXACT_N = 20;

  /**
   * Compares paired samples.
   *
   * @throws IllegalArgumentException if the arrays are null, empty, of different lengths or hold a
   *     non-finite value
   */
  public static PairedComparison of(double[] a, double[] b) {
    if (a == null || b == null) {
      throw new IllegalArgumentException("paired samples must not be null");
    }
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "paired samples differ in length: " + a.length + " vs " + b.length);
    }
    if (a.length == 0) {
      throw new IllegalArgumentException("paired samples are empty");
    }
    double[] diff = new double[a.length];
    int nonZero = 0;
    for (int i = 0; i < a.length; i++) {
      if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
        throw new IllegalArgumentException("pair " + i + " is not finite: " + a[i] + " vs " + b[i]);
      }
      diff[i] = a[i] - b[i];
      if (diff[i] != 0) {
        nonZero++;
      }
    }
    double meanDifference = new Mean().evaluate(diff);
    if (nonZero == 0) {
      return new PairedComparison(0, 0, 0, 1.0, true, meanDifference, 1.0, 1.0);
    }
    double[] x = new double[nonZero];
    double[] y = new double[nonZero];
    int k = 0;
    for (int i = 0; i < a.length; i++) {
      if (diff[i] != 0) {
        x[k] = a[i];
        y[k] = b[i];
        k++;
      }
    }
    WilcoxonSignedRankTest test = new WilcoxonSignedRankTest();
    double statistic = test.wilcoxonSignedRank(x, y);
    double[] ranks = ranksOfAbsolute(x, y);
    double wPlus = 0;
    for (int i = 0; i < nonZero; i++) {
      if (x[i] - y[i] > 0) {
        wPlus += ranks[i];
      }
    }
    boolean exact = nonZero <= MAX_EXACT_N;
    double p;
    double pGreater = Double.NaN;
    double pLess = Double.NaN;
    if (exact) {
      // null distribution of 2 * W+ over the 2^n sign patterns; ranks are multiples of 1/2
      int[] doubled = new int[nonZero];
      for (int i = 0; i < nonZero; i++) {
        doubled[i] = (int) Math.round(2 * ranks[i]);
      }
      long[] counts = subsetSumCounts(doubled);
      int w = (int) Math.round(2 * wPlus);
      double total = Math.pow(2, nonZero);
      long ge = 0;
      long le = 0;
      for (int s = 0; s < counts.length; s++) {
        if (s >= w) {
          ge += counts[s];
        }
        if (s <= w) {
          le += counts[s];
        }
      }
      pGreater = ge / total;
      pLess = le / total;
      p =
          hasTies(ranks)
              ? Math.min(1.0, 2 * Math.min(pGreater, pLess))
              : Math.min(1.0, test.wilcoxonSignedRankTest(x, y, true));
    } else {
      p = test.wilcoxonSignedRankTest(x, y, false);
    }
    return new PairedComparison(
        nonZero, statistic, wPlus, p, exact, meanDifference, pGreater, pLess);
  }

  /** Average ranks (1-based) of |x - y|. */
  private static double[] ranksOfAbsolute(double[] x, double[] y) {
    int n = x.length;
    Integer[] order = new Integer[n];
    double[] abs = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      abs[i] = Math.abs(x[i] - y[i]);
    }
    Arrays.sort(order, (i, j) -> Double.compare(abs[i], abs[j]));
    double[] ranks = new double[n];
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && abs[order[end + 1]] == abs[order[start]]) {
        end++;
      }
      double rank = (start + end) / 2.0 + 1;
      for (int t = start; t <= end; t++) {
        ranks[order[t]] = rank;
      }
      start = end + 1;
    }
    return ranks;
  }

  private static boolean hasTies(double[] ranks) {
    for (double r : ranks) {
      if (r != Math.rint(r)) {
        return true;
      }
    }
    double[] sorted = ranks.clone();
    Arrays.sort(sorted);
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] == sorted[i - 1]) {
        return true;
      }
    }
    return false;
  }

  /**
   * counts[s] = number of subsets of {1..n} whose sum is s (the null distribution of W+ times 2^n).
   */
  static long[] rankSumCounts(int n) {
    int[] ranks = new int[n];
    for (int i = 0; i < n; i++) {
      ranks[i] = i + 1;
    }
    return subsetSumCounts(ranks);
  }

  /** counts[s] = number of subsets of {@code values} (non-negative) whose sum is s. */
  private static long[] subsetSumCounts(int[] values) {
    int max = 0;
    for (int v : values) {
      max += v;
    }
    long[] counts = new long[max + 1];
    counts[0] = 1;
    for (int v : values) {
      for (int s = max; s >= v; s--) {
        counts[s] += counts[s - v];
      }
    }
    return counts;
  }
}
