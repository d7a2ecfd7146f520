package io.tfjlab.eval.compare;

import java.util.List;

/**
 * A comparison row once its runs are done.
 *
 * @param id the row id
 * @param title the row title
 * @param model the zoo model
 * @param labels labeled images (0 = all)
 * @param runs the run folders, one per label seed
 * @param accuracy test accuracy over the runs (mean, sample std when n > 1)
 * @param parameters parameters of the classifier
 * @param trainSeconds mean training wall time per run
 * @param seedReport the seed reports' number for the row, or null
 * @param reused how many of the runs were finished before this comparison started
 * @param schedule the runs' schedule in a few words (epochs, steps per epoch, pretraining), e.g.
 *     {@code 30 ep × 20 steps}
 */
public record RowResult(
    String id,
    String title,
    String model,
    int labels,
    List<String> runs,
    Accuracy accuracy,
    long parameters,
    double trainSeconds,
    SeedReport seedReport,
    int reused,
    String schedule) {

  /** Mean ± std of a metric over n runs (std null for one run). */
  public record Accuracy(double mean, Double std, int n) {}
}
