package io.tfjlab.training.steps;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.Trainer;
import io.tfjlab.training.TrainingData;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * The supervised step: one session call per batch that runs the phase's optimiser step and its
 * update ops (batch-norm statistics) and fetches the regularised loss and the metric. Step seed
 * {@code [seed, step]}. Trains on the phase's own images ({@link Phase#data()}).
 */
public final class SupervisedStep implements TrainingStep {
  /** The registry key. */
  public static final String KIND = "supervised";

  private final StepSetup setup;
  private final StepFeeds feeds;

  public SupervisedStep(StepSetup setup) {
    this.setup = setup;
    this.feeds = new StepFeeds(setup.seed());
  }

  @Override
  public StepResult run(StepInput in) {
    BuiltModel model = setup.graph().model();
    Batch b = in.batch();
    Session.Runner runner =
        feeds
            .feed(setup.session().runner(), in.step(), in.learningRate())
            .feed(model.input(), b.images())
            .feed(model.target(), b.labels())
            .addTarget(setup.graph().trainOp(setup.phaseIndex()));
    for (Op u : setup.phase().updates()) {
      runner.addTarget(u);
    }
    runner.fetch(setup.graph().trainingLoss(setup.phaseIndex())).fetch(setup.phase().metric());
    try (Result r = setup.trace().run(runner, in.step(), "step")) {
      return StepResult.of(
          b.size(), ((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat());
    }
  }

  @Override
  public void close() {
    feeds.close();
  }

  /** The supervised kind: the phase's training images, one {@link SupervisedStep} per phase. */
  public static final class Factory implements TrainingStep.Factory {
    @Override
    public Trainer.PhaseData data(Phase phase, TrainingData data) {
      return Trainer.PhaseData.of(data.train(phase.data()));
    }

    @Override
    public TrainingStep create(StepSetup setup) {
      return new SupervisedStep(setup);
    }
  }
}
