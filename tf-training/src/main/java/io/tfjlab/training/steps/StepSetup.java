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
 */
public record StepSetup(
    TrainingGraph graph, Session session, int phaseIndex, Phase phase, long seed) {}
