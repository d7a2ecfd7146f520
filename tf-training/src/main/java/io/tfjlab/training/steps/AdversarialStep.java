package io.tfjlab.training.steps;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.models.zoo.Adversarial;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.Trainer;
import io.tfjlab.training.TrainingData;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The adversarial step (GAN, semi-supervised GAN): a discriminator update, then a generator update,
 * each with its own optimiser and variables ({@link Adversarial}). The real batch is the main
 * source's (every training image); a semi-supervised discriminator also takes the next labeled
 * batch (stream {@value #LABELED}, cycling through the labeled subset); feature matching takes a
 * second, independently shuffled real batch (stream {@value #MATCH}). After the discriminator
 * update the weight average, if any, moves one step (in the generator update's session call). Step
 * seeds {@code [seed, 2·step]} and {@code [seed, 2·step + 1]}. Numbers: the discriminator's loss
 * and metric, and {@code g_loss}.
 */
public final class AdversarialStep implements TrainingStep {
  /** The registry key. */
  public static final String KIND = "adversarial";

  /** The stream of labeled batches (semi-supervised discriminators). */
  public static final String LABELED = "labeled";

  /** The stream of real batches for the generator's feature matching. */
  public static final String MATCH = "match";

  private final StepSetup setup;
  private final Adversarial adv;
  private final StepFeeds feeds;
  private final TInt32 noiseBatch = TInt32.scalarOf(1);

  public AdversarialStep(StepSetup setup) {
    this.setup = setup;
    this.adv =
        setup
            .phase()
            .adversarial()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "phase "
                            + setup.phase().name()
                            + " has no generator side (Phase.adversarial): it cannot train with the "
                            + KIND
                            + " step"));
    this.feeds = new StepFeeds(setup.seed());
  }

  @Override
  public StepResult run(StepInput in) {
    BuiltModel model = setup.graph().model();
    Session session = setup.session();
    int phaseIndex = setup.phaseIndex();
    Batch real = in.batch();
    long step = in.step();
    noiseBatch.setInt(real.size());
    // discriminator
    Session.Runner d =
        feeds
            .feed(session.runner(), 2 * step, in.learningRate())
            .feed(adv.unlabeled(), real.images())
            .feed(adv.noiseBatch(), noiseBatch)
            .addTarget(setup.graph().trainOp(phaseIndex));
    if (adv.usesLabels()) {
      Batch lab = in.next(LABELED);
      d.feed(model.input(), lab.images()).feed(model.target(), lab.labels());
    }
    adv.discriminatorUpdates().forEach(d::addTarget);
    float dLoss;
    float metric;
    d.fetch(setup.graph().trainingLoss(phaseIndex)).fetch(setup.phase().metric());
    try (Result r = setup.trace().run(d, step, "discriminator step")) {
      dLoss = ((TFloat32) r.get(0)).getFloat();
      metric = ((TFloat32) r.get(1)).getFloat();
    }
    // generator
    Session.Runner g =
        feeds
            .feed(session.runner(), 2 * step + 1, in.learningRate())
            .feed(adv.noiseBatch(), noiseBatch)
            .addTarget(setup.graph().generatorTrainOp(phaseIndex));
    // the weight average moves in the generator's session call rather than in one of its own: the
    // generator step reads the discriminator's weights and writes none, so the average sees the
    // same values either way (one session call fewer per step)
    adv.average().ifPresent(a -> g.addTarget(a.update()));
    if (adv.matchBatch().isPresent()) {
      g.feed(adv.matchBatch().get(), in.next(MATCH).images());
    }
    adv.generatorUpdates().forEach(g::addTarget);
    g.fetch(adv.generatorLoss());
    try (Result r = setup.trace().run(g, step, "generator step")) {
      return new StepResult(
          real.size(), dLoss, metric, Map.of("g_loss", (double) ((TFloat32) r.get(0)).getFloat()));
    }
  }

  @Override
  public void close() {
    feeds.close();
    noiseBatch.close();
  }

  /**
   * The adversarial kind: every training image as the real batches, plus the labeled stream when
   * the discriminator uses labels and the matching stream when the generator matches features (each
   * its own seeded order: offsets 1 and 2).
   */
  public static final class Factory implements TrainingStep.Factory {
    @Override
    public Trainer.PhaseData data(Phase phase, TrainingData data) {
      Adversarial a =
          phase
              .adversarial()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "phase "
                              + phase.name()
                              + " has no generator side (Phase.adversarial): it cannot train with the "
                              + KIND
                              + " step"));
      Trainer.PhaseData d = Trainer.PhaseData.of(data.train(Phase.PhaseData.ALL_TRAIN));
      if (a.usesLabels()) {
        d = d.with(LABELED, data.train(Phase.PhaseData.LABELED, 1));
      }
      if (a.matchBatch().isPresent()) {
        d = d.with(MATCH, data.train(Phase.PhaseData.ALL_TRAIN, 2));
      }
      return d;
    }

    @Override
    public TrainingStep create(StepSetup setup) {
      return new AdversarialStep(setup);
    }
  }
}
