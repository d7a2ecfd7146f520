package io.tfjlab.training;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How far an interrupted epoch had got: what a stop request saves in the {@code last} checkpoint
 * ({@link TrainerState#position()}) so that the resumed run continues with the next batch and ends
 * as the uninterrupted run does. The batch order of every source is a function of the epoch (and
 * the pass), so the batches done and the batches drawn from each extra stream place every source
 * again; the running sums make the epoch's logged means the same.
 *
 * @param batches the epoch's batches done (its steps, skipped ones included)
 * @param draws batches drawn from each extra stream of the phase (e.g. {@code labeled})
 * @param seen examples summed so far
 * @param loss example-weighted sum of the step losses
 * @param metric example-weighted sum of the step metrics
 * @param extras example-weighted sums of the step's extra numbers, in their order
 * @param skipped steps of the epoch skipped as not finite
 * @param trainSeconds wall time of the epoch so far (not part of any comparison)
 */
public record EpochProgress(
    int batches,
    Map<String, Integer> draws,
    long seen,
    double loss,
    double metric,
    Map<String, Double> extras,
    int skipped,
    double trainSeconds) {
  public EpochProgress {
    draws = Collections.unmodifiableMap(new LinkedHashMap<>(draws));
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }
}
