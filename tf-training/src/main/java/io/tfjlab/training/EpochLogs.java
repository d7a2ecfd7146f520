package io.tfjlab.training;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one finished epoch, Keras names: loss, acc (or mse), val_loss, val_acc, lr, and
 * timing.
 */
public record EpochLogs(
    String phase,
    int epoch,
    int epochs,
    Map<String, Double> metrics,
    double seconds,
    long examples) {
  public EpochLogs {
    metrics = new LinkedHashMap<>(metrics);
  }

  public double get(String key) {
    Double v = metrics.get(key);
    return v == null ? Double.NaN : v;
  }

  /** Microseconds of training (validation excluded) per example. */
  public double microsPerExample() {
    double train = metrics.getOrDefault("train_seconds", seconds);
    return examples == 0 ? 0 : train * 1e6 / examples;
  }
}
