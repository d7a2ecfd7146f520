package io.tfjlab.training.run;

import io.tfjlab.training.TrainerState;
import org.tensorflow.Session;

/**
 * Named checkpoints of a session and its trainer state ({@link Checkpointer} on disk; tests may
 * keep them in memory).
 */
public interface CheckpointStore {
  /** Saves every variable of the session and {@code state} as checkpoint {@code name}. */
  void save(Session session, String name, TrainerState state);

  boolean exists(String name);

  /** Restores checkpoint {@code name} into the session and returns its trainer state. */
  TrainerState restore(Session session, String name);
}
