package io.tfjlab.training.steps;

import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.training.TrainingGraph;
import org.tensorflow.Session;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The scalar feeds every training session call takes, allocated once per phase and reused: the
 * training flag (true), the step seed {@code [run seed, s]} that dropout, noise and augmentation
 * masks derive from, and the learning rate. Close it with the step.
 */
public final class StepFeeds implements AutoCloseable {
  private final TBool training = TBool.scalarOf(true);
  private final TInt64 stepSeed;
  private final TFloat32 learningRate = TFloat32.scalarOf(0f);

  public StepFeeds(long seed) {
    this.stepSeed = TInt64.vectorOf(seed, 0L);
  }

  /**
   * {@code runner} fed the training flag, the step seed {@code [seed, s]} and {@code rate}. A step
   * with several session calls gives each its own {@code s} (the adversarial step: 2·step,
   * 2·step+1).
   */
  public Session.Runner feed(Session.Runner runner, long s, double rate) {
    stepSeed.setLong(s, 1);
    learningRate.setFloat((float) rate);
    return runner
        .feed(ModelContext.TRAINING, training)
        .feed(ModelContext.STEP_SEED, stepSeed)
        .feed(TrainingGraph.LEARNING_RATE, learningRate);
  }

  @Override
  public void close() {
    training.close();
    stepSeed.close();
    learningRate.close();
  }
}
