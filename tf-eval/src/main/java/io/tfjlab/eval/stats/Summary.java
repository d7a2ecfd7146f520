package io.tfjlab.eval.stats;

import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Mean, sample standard deviation (n - 1 denominator), minimum and maximum of a sample, e.g. the
 * test accuracies of one configuration over several seeds.
 *
 * @param n number of values
 * @param mean arithmetic mean
 * @param std sample standard deviation; 0 for a single value
 * @param min smallest value
 * @param max largest value
 */
public record Summary(int n, double mean, double std, double min, double max) {

  /**
   * Summarises {@code values} with commons-math3's {@link DescriptiveStatistics}.
   *
   * @throws IllegalArgumentException if there are no values or one is NaN or infinite
   */
  public static Summary of(double... values) {
    if (values == null || values.length == 0) {
      throw new IllegalArgumentException("cannot summarise an empty sample");
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("value " + i + " is not finite: " + values[i]);
      }
    }
    DescriptiveStatistics s = new DescriptiveStatistics(values);
    return new Summary(
        values.length, s.getMean(), s.getStandardDeviation(), s.getMin(), s.getMax());
  }
}
