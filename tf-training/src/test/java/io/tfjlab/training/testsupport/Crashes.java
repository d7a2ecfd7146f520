package io.tfjlab.training.testsupport;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.callbacks.Callback;

/** Callbacks that stop a run as a crash would, for the resume tests. */
public final class Crashes {
  private Crashes() {}

  /** The message of the exception the crashes throw. */
  public static final String MESSAGE = "simulated crash";

  /** Throws {@link #MESSAGE} at the end of epoch {@code epoch} (1-based), after its checkpoint. */
  public static Callback afterEpoch(int epoch) {
    return new Callback() {
      @Override
      public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
        if (logs.epoch() == epoch) {
          throw new IllegalStateException(MESSAGE);
        }
      }
    };
  }
}
