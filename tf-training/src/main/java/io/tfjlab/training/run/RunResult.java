package io.tfjlab.training.run;

/**
 * What a finished run measured on the test set ({@code results.json}), read once at the end.
 *
 * @param run the run folder name
 * @param metricName acc or mse
 * @param testLoss mean test loss
 * @param testMetric mean test metric (accuracy as a fraction)
 * @param testExamples test set size
 * @param checkpoint which checkpoint was evaluated (best, or last when no validation)
 * @param bestEpoch the epoch of that checkpoint (the best one, or the last one trained)
 * @param trainSeconds wall time of training (all phases, this process and earlier ones)
 * @param parameters parameters of the evaluated classifier (for GANs: discriminator and head only)
 * @param skippedSteps steps skipped because their numbers were not finite, all phases; only with
 *     {@code nonFinite: "skip"} (null, and not written, otherwise)
 */
@com.fasterxml.jackson.annotation.JsonInclude(
    com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record RunResult(
    String run,
    String metricName,
    double testLoss,
    double testMetric,
    long testExamples,
    String checkpoint,
    int bestEpoch,
    double trainSeconds,
    long parameters,
    Long skippedSteps) {
  /** A result without the skipped-step count (a run that stops at a non-finite step). */
  public RunResult(
      String run,
      String metricName,
      double testLoss,
      double testMetric,
      long testExamples,
      String checkpoint,
      int bestEpoch,
      double trainSeconds,
      long parameters) {
    this(
        run,
        metricName,
        testLoss,
        testMetric,
        testExamples,
        checkpoint,
        bestEpoch,
        trainSeconds,
        parameters,
        null);
  }

  @com.fasterxml.jackson.annotation.JsonCreator
  public RunResult {}
}
