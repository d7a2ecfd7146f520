package io.tfjlab.training.callbacks;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;

/**
 * Hooks into the training loop, Keras style. Every method is optional. Order: {@code onTrainBegin}
 * once per run (or resumption), then per phase {@code onPhaseBegin}, per epoch {@code
 * onEpochBegin}, per batch {@code onBatchBegin}/{@code onBatchEnd}, {@code onEpochEnd}, then {@code
 * onPhaseEnd}; {@code onTrainEnd} after the last phase, before the test read. Callbacks run in list
 * order.
 */
public interface Callback {
  /**
   * Training starts (or resumes): the context's state is the one it starts from, its phase the
   * phase of that state.
   */
  default void onTrainBegin(TrainingContext ctx) {}

  default void onPhaseBegin(TrainingContext ctx) {}

  default void onEpochBegin(TrainingContext ctx, int epoch) {}

  /** Before each batch ({@code batch} counts from 1 to {@code batches}). */
  default void onBatchBegin(TrainingContext ctx, int batch, int batches) {}

  /** After each batch, with the running means of the epoch so far. */
  default void onBatchEnd(
      TrainingContext ctx, int batch, int batches, double loss, double metric) {}

  default void onEpochEnd(TrainingContext ctx, EpochLogs logs) {}

  default void onPhaseEnd(TrainingContext ctx) {}

  /**
   * A stop request (SIGINT, SIGTERM) ends the loop inside an epoch: the context's state holds where
   * the epoch stands ({@link io.tfjlab.training.TrainerState#position()}); the loop then throws.
   * Not called when the stop comes before the epoch's first batch (the state is then that of the
   * last epoch's end).
   */
  default void onStop(TrainingContext ctx) {}

  /** Every phase is done: the context's state is the final one, its phase the last phase. */
  default void onTrainEnd(TrainingContext ctx) {}
}
