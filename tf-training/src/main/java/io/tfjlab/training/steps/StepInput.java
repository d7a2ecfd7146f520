package io.tfjlab.training.steps;

import io.tfjlab.data.batch.Batch;
import java.util.function.Function;

/**
 * One call of a {@link TrainingStep}.
 *
 * @param batch the next batch of the phase's main source
 * @param step the global step (counted over all phases, restored on resume)
 * @param learningRate the epoch's learning rate (after the schedule)
 * @param streams the next batch of a named extra stream ({@link
 *     io.tfjlab.training.Trainer.PhaseData#streams()}), on demand
 */
public record StepInput(
    Batch batch, long step, double learningRate, Function<String, Batch> streams) {
  /** The next batch of the extra stream {@code name}. */
  public Batch next(String name) {
    return streams.apply(name);
  }
}
