package io.tfjlab.training.callbacks;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;

/** Hooks into the training loop, Keras style. Every method is optional. */
public interface Callback {
  default void onPhaseBegin(TrainingContext ctx) {}

  default void onEpochBegin(TrainingContext ctx, int epoch) {}

  /** After each batch, with the running means of the epoch so far. */
  default void onBatchEnd(TrainingContext ctx, int batch, int batches, double loss, double metric) {}

  default void onEpochEnd(TrainingContext ctx, EpochLogs logs) {}

  default void onPhaseEnd(TrainingContext ctx) {}
}
