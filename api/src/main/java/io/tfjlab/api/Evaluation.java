package io.tfjlab.api;

import io.tfjlab.eval.metrics.ClassificationReport;
import io.tfjlab.eval.metrics.ConfusionMatrix;
import java.util.Locale;
import java.util.Optional;

/**
 * A reloaded checkpoint measured on the test set, as {@code tfjlab evaluate} prints it.
 *
 * @param checkpoint best or last
 * @param epoch the epoch that checkpoint was written at
 * @param loss mean test loss
 * @param metricName acc (classifiers) or mse
 * @param metric mean test metric
 * @param examples test images
 * @param confusion the confusion matrix (softmax classifiers)
 * @param report per-class precision, recall and F1 (softmax classifiers)
 */
public record Evaluation(
    String checkpoint,
    int epoch,
    double loss,
    String metricName,
    double metric,
    long examples,
    Optional<ConfusionMatrix> confusion,
    Optional<ClassificationReport> report) {

  /** The test accuracy; only for models whose metric is accuracy. */
  public double accuracy() {
    if (!metricName.equals("acc")) {
      throw new IllegalStateException(
          "this model's test metric is " + metricName + ", not accuracy; use metric()");
    }
    return metric;
  }

  /** The scores line, then the classification report when there is one. */
  public String toText() {
    String line =
        String.format(
            Locale.ROOT,
            "%s checkpoint, epoch %d: test loss %.4f - test %s %.4f (%d images)%n",
            checkpoint,
            epoch,
            loss,
            metricName,
            metric,
            examples);
    return report.map(r -> line + System.lineSeparator() + r.toText()).orElse(line);
  }
}
