package io.tfjlab.training.steps;

import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.TrainingGraph;
import org.tensorflow.Session;

/**
 * What a step factory gets when a phase begins.
 *
 * @param graph the model and its optimiser ops ({@link TrainingGraph#trainOp}, {@link
 *     TrainingGraph#trainingLoss})
 * @param session the training session
 * @param phaseIndex the phase's index in the model
 * @param phase the phase
 * @param seed the run seed (the first component of the step-seed feed)
 * @param trace how the step runs its session calls ({@link StepTrace#run}): traced for one step
 *     when asked (the bench's FLOP count), else plainly
 */
public record StepSetup(
    TrainingGraph graph, Session session, int phaseIndex, Phase phase, long seed, StepTrace trace) {
  /** A setup whose steps trace nothing. */
  public StepSetup(TrainingGraph graph, Session session, int phaseIndex, Phase phase, long seed) {
    this(graph, session, phaseIndex, phase, seed, StepTrace.NONE);
  }
}
