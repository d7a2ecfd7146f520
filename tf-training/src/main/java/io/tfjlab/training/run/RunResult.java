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
 */
public record RunResult(
    String run,
    String metricName,
    double testLoss,
    double testMetric,
    long testExamples,
    String checkpoint,
    int bestEpoch,
    double trainSeconds,
    long parameters) {}
