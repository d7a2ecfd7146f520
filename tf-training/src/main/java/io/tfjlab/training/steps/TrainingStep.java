package io.tfjlab.training.steps;

import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.Trainer;
import io.tfjlab.training.TrainingData;

/**
 * One training update, supplied by a model family like Keras' {@code train_step} or Lightning's
 * manual optimisation: from a batch at a global step, run the session call(s) of the update and
 * return the step's numbers. The loop ({@link io.tfjlab.training.EpochLoop}) owns epochs, batches,
 * running sums, validation and callbacks; it knows no step kind. A step is created when its phase
 * begins (it may allocate its feed tensors then) and closed when the phase ends.
 *
 * <p>Randomness must be a pure function of the run seed and {@link StepInput#step()} (feed it
 * through {@link StepFeeds}): a resumed run then repeats the same updates.
 */
public interface TrainingStep extends AutoCloseable {
  /** One update from {@code in.batch()} (and the extra streams the factory asked for). */
  StepResult run(StepInput in);

  @Override
  default void close() {}

  /**
   * A step kind: what a phase trains on and how a step of it is made. Registered by name in {@link
   * TrainingSteps} (a Guice {@code MapBinder}); a phase names its kind with {@code
   * Phase.withStepKind}.
   */
  interface Factory {
    /**
     * The batch sources a phase of this kind trains on: the main one (whose batches the loop counts
     * as the epoch's steps) and named extra streams the step draws from.
     */
    Trainer.PhaseData data(Phase phase, TrainingData data);

    /** The step of one phase, made when the phase begins. */
    TrainingStep create(StepSetup setup);
  }
}
