package io.tfjlab.training.steps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers of one step. The loop keeps example-weighted sums of each over the epoch and reports
 * their means as {@code loss}, the phase's metric name, and each extra under its own name (in the
 * map's order), e.g. {@code g_loss}.
 *
 * @param examples how many examples the step counts for (the weight of its numbers)
 * @param loss the loss the step minimised
 * @param metric the phase's metric on the batch
 * @param extras more numbers, by name; an ordered map gives the log's column order
 */
public record StepResult(int examples, double loss, double metric, Map<String, Double> extras) {
  public StepResult {
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** A step with no extra numbers. */
  public static StepResult of(int examples, double loss, double metric) {
    return new StepResult(examples, loss, metric, Map.of());
  }
}
