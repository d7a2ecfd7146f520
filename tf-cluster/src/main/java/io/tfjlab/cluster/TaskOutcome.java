package io.tfjlab.cluster;

import java.io.Serializable;

/**
 * What one task sends back to the driver (the run folder itself is in the store).
 *
 * @param id the run's row id
 * @param folder the run folder's name in the store
 * @param how {@code trained}, {@code resumed} (from a mirrored checkpoint) or {@code already
 *     finished} (a earlier attempt finished it)
 * @param attempt the Spark attempt number that finished it (0 = first)
 * @param host the executor's host
 * @param seconds wall time of the task
 * @param mirrors how many times the run folder was mirrored to the store
 */
public record TaskOutcome(
    String id, String folder, String how, int attempt, String host, double seconds, int mirrors)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
