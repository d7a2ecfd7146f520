package io.tfjlab.eval.metrics;

/**
 * Precision, recall and F1 of one class, one row of a {@link ClassificationReport}.
 *
 * @param name class name
 * @param precision true positives / predicted positives (0 when nothing was predicted as the class)
 * @param recall true positives / actual positives (0 when the class has no examples)
 * @param f1 harmonic mean of precision and recall, {@code 2tp / (2tp + fp + fn)} (0 when that is
 *     0/0)
 * @param support number of examples whose true class is this one
 */
public record ClassMetrics(String name, double precision, double recall, double f1, long support) {}
