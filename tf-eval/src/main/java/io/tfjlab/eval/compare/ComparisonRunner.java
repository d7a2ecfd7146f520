package io.tfjlab.eval.compare;

import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.spec.ResolvedSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * Trains the runs of a comparison that are not finished yet — reusing finished runs with the same
 * resolved spec and resuming interrupted ones — and summarises each row.
 */
public final class ComparisonRunner {
  private final RunExecutor executor;
  private final RunLedger ledger;
  private final String command;
  private final PrintStream out;
  private final Consumer<Path> afterRun;

  /**
   * @param afterRun called with each run folder once it is finished (e.g. to draw its figures)
   */
  public ComparisonRunner(
      RunExecutor executor,
      Path runsRoot,
      String command,
      PrintStream out,
      Consumer<Path> afterRun) {
    this.executor = executor;
    this.ledger = new RunLedger(runsRoot);
    this.command = command;
    this.out = out;
    this.afterRun = afterRun;
  }

  public List<RowResult> run(List<ComparisonRow> rows) {
    List<RowResult> results = new ArrayList<>();
    int i = 0;
    for (ComparisonRow row : rows) {
      i++;
      out.printf(
          "%n== [%d/%d] %s (%s, %s labels) ==%n",
          i, rows.size(), row.title(), row.model(), row.labels() == 0 ? "all" : row.labels());
      results.add(runRow(row));
    }
    return results;
  }

  private RowResult runRow(ComparisonRow row) {
    List<String> runs = new ArrayList<>();
    DescriptiveStatistics acc = new DescriptiveStatistics();
    DescriptiveStatistics seconds = new DescriptiveStatistics();
    long parameters = 0;
    int reused = 0;
    for (ResolvedSpec spec : row.resolved()) {
      RunLedger.Obtained obtained = ledger.obtain(executor, spec, command, out);
      Path run = obtained.run();
      RunResult result = obtained.result();
      if (obtained.reused()) {
        reused++;
      }
      afterRun.accept(run);
      runs.add(run.toAbsolutePath().normalize().toString());
      acc.addValue(result.testMetric());
      seconds.addValue(result.trainSeconds());
      parameters = result.parameters();
    }
    RowResult.Accuracy a =
        new RowResult.Accuracy(
            acc.getMean(), acc.getN() > 1 ? acc.getStandardDeviation() : null, (int) acc.getN());
    return new RowResult(
        row.id(),
        row.title(),
        row.model(),
        row.labels(),
        runs,
        a,
        parameters,
        seconds.getMean(),
        row.seedReport().orElse(null),
        reused,
        Schedule.of(row.runs().get(0)));
  }
}
