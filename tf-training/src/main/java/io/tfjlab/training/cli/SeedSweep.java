package io.tfjlab.training.cli;

import io.tfjlab.training.run.RunResult;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/** The mean ± standard deviation of a test metric over runs that differ by their labeled subset. */
public final class SeedSweep {
  private SeedSweep() {}

  public static String summary(List<Long> seeds, List<RunResult> results) {
    DescriptiveStatistics stats = new DescriptiveStatistics();
    StringBuilder b = new StringBuilder("Label seeds:");
    for (int i = 0; i < results.size(); i++) {
      RunResult r = results.get(i);
      stats.addValue(r.testMetric());
      b.append(String.format(Locale.ROOT, " %d→%.4f", seeds.get(i), r.testMetric()));
    }
    String metric = results.isEmpty() ? "acc" : results.get(0).metricName();
    // sample standard deviation (n − 1), as the papers' ± over label seeds
    b.append(
        String.format(
            Locale.ROOT,
            "%nTest %s over %d label seeds: %.4f ± %.4f (mean ± std)",
            metric,
            results.size(),
            stats.getMean(),
            results.size() > 1 ? stats.getStandardDeviation() : 0.0));
    return b.toString();
  }
}
