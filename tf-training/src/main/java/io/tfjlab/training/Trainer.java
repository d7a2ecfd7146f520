package io.tfjlab.training;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.graph.WeightAverage;
import io.tfjlab.models.zoo.Adversarial;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.LearningRateSchedule;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The mini-batch loop over a graph-mode session: one session call per update (train op,
 * batch-norm updates, loss and metric fetched together), scalar feeds allocated once, validation
 * after every epoch, best-so-far tracking and early stopping, callbacks around it all.
 * Supervised phases run one update per batch. Adversarial phases (GAN, semi-supervised GAN) run a
 * discriminator update then a generator update per step, each with its own optimiser and
 * variables: the real batch comes from every training image, the labeled batch (semi-supervised)
 * cycles through the labeled subset, and feature matching takes a second, independently shuffled
 * real batch.
 */
public final class Trainer {
  private final TrainingGraph graph;
  private final Session session;
  private final List<Callback> callbacks;
  private final long seed;
  private final double baseLearningRate;
  private final LearningRateSchedule schedule;

  public Trainer(TrainingGraph graph, Session session, List<Callback> callbacks, long seed,
      double baseLearningRate, LearningRateSchedule schedule) {
    this.graph = graph;
    this.session = session;
    this.callbacks = List.copyOf(callbacks);
    this.seed = seed;
    this.baseLearningRate = baseLearningRate;
    this.schedule = schedule;
  }

  /** The batch sources of a phase: the main one and, for adversarial phases, the others. */
  public record PhaseData(BatchSource main, Optional<BatchSource> labeled, Optional<BatchSource> match) {
    public static PhaseData of(BatchSource main) {
      return new PhaseData(main, Optional.empty(), Optional.empty());
    }
  }

  /**
   * Trains one phase from {@code state} (which may be a resumed one) to its last epoch or an early
   * stop, and returns the final state.
   *
   * @param monitor val_loss or val_acc; without validation the training loss is followed
   * @param patience early-stopping patience, empty for none
   * @param stepsPerEpoch steps per epoch, empty for one pass over the main source
   */
  public TrainerState fitPhase(int phaseIndex, BatchSource train, Optional<BatchSource> validation, int epochs,
      Optional<Integer> stepsPerEpoch, String monitor, Optional<Integer> patience, TrainerState state) {
    return fitPhase(phaseIndex, PhaseData.of(train), validation, epochs, stepsPerEpoch, monitor, patience, state);
  }

  public TrainerState fitPhase(int phaseIndex, PhaseData data, Optional<BatchSource> validationSource, int epochs,
      Optional<Integer> stepsPerEpoch, String monitor, Optional<Integer> patience, TrainerState state) {
    BuiltModel model = graph.model();
    Phase phase = model.phases().get(phaseIndex);
    Optional<BatchSource> validation = phase.validates() ? validationSource : Optional.empty();
    Optional<WeightAverage> average = phase.adversarial().flatMap(Adversarial::average);
    String metricName = phase.metricName();
    String followed = validation.isEmpty() ? "loss"
        : (monitor.equals("val_acc") && metricName.equals("acc") ? "val_acc" : "val_loss");
    boolean maximize = followed.equals("val_acc");
    TrainingContext ctx = new TrainingContext(session, phase, epochs, followed, state);
    callbacks.forEach(c -> c.onPhaseBegin(ctx));

    try (Feeds feeds = new Feeds(seed, baseLearningRate)) {
      for (int epoch = ctx.state().epoch(); epoch < epochs && !ctx.state().stopped(); epoch++) {
        double rate = schedule.rate(baseLearningRate, epoch, epochs);
        feeds.lr.setFloat((float) rate);
        final int e = epoch;
        callbacks.forEach(c -> c.onEpochBegin(ctx, e));
        long t0 = System.nanoTime();
        Sums sums = new Sums();
        long step = ctx.state().step();
        int batches = stepsPerEpoch.orElse(data.main().batchesPerEpoch());
        Cycle main = new Cycle(data.main(), epoch, stepsPerEpoch.isPresent());
        Optional<Cycle> labeled = data.labeled().map(s -> new Cycle(s, e, true));
        Optional<Cycle> match = data.match().map(s -> new Cycle(s, e, true));
        for (int done = 1; done <= batches; done++) {
          Batch b = main.next();
          if (phase.adversarial().isPresent()) {
            adversarialStep(phaseIndex, phase, phase.adversarial().get(), b, labeled, match, step, feeds, sums);
          } else {
            supervisedStep(phaseIndex, phase, b, step, feeds, sums);
          }
          step++;
          final int d = done;
          final double l = sums.loss / sums.seen;
          final double m = sums.metric / sums.seen;
          callbacks.forEach(c -> c.onBatchEnd(ctx, d, batches, l, m));
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", sums.loss / sums.seen);
        metrics.put(metricName, sums.metric / sums.seen);
        if (phase.adversarial().isPresent()) {
          metrics.put("g_loss", sums.gLoss / sums.seen);
        }
        if (validation.isPresent()) {
          average.ifPresent(a -> a.swap(session));
          Evaluator.Score v = Evaluator.evaluate(session, model.input(), model.target(), phase.evalLoss(),
              phase.evalMetric(), validation.get());
          average.ifPresent(a -> a.swap(session));
          metrics.put("val_loss", v.loss());
          metrics.put("val_" + metricName, v.metric());
        }
        metrics.put("lr", rate);
        metrics.put("train_seconds", trainSeconds);
        EpochLogs logs = new EpochLogs(phase.name(), epoch + 1, epochs, metrics, (System.nanoTime() - t0) / 1e9,
            sums.seen);
        double value = logs.get(followed);
        TrainerState s = ctx.state();
        boolean improved = !Double.isNaN(value)
            && (Double.isNaN(s.best()) || (maximize ? value > s.best() : value < s.best()));
        int sinceBest = improved ? 0 : s.sinceBest() + 1;
        boolean stop = patience.isPresent() && sinceBest >= patience.get();
        ctx.state(new TrainerState(phaseIndex, epoch + 1, step, improved ? value : s.best(),
            improved ? epoch + 1 : s.bestEpoch(), sinceBest, stop));
        // only a validated phase has a best checkpoint (Keras: no validation, no selection)
        ctx.improved(improved && validation.isPresent());
        callbacks.forEach(c -> c.onEpochEnd(ctx, logs));
      }
    }
    callbacks.forEach(c -> c.onPhaseEnd(ctx));
    return ctx.state();
  }

  private void supervisedStep(int phaseIndex, Phase phase, Batch b, long step, Feeds feeds, Sums sums) {
    BuiltModel model = graph.model();
    feeds.stepSeed.setLong(step, 1);
    Session.Runner runner = feeds.common(session.runner())
        .feed(model.input(), b.images())
        .feed(model.target(), b.labels())
        .addTarget(graph.trainOp(phaseIndex));
    for (Op u : phase.updates()) {
      runner.addTarget(u);
    }
    try (Result r = runner.fetch(graph.trainingLoss(phaseIndex)).fetch(phase.metric()).run()) {
      sums.add(b.size(), ((TFloat32) r.get(0)).getFloat(), ((TFloat32) r.get(1)).getFloat(), 0);
    }
  }

  private void adversarialStep(int phaseIndex, Phase phase, Adversarial adv, Batch real, Optional<Cycle> labeled,
      Optional<Cycle> match, long step, Feeds feeds, Sums sums) {
    BuiltModel model = graph.model();
    feeds.noiseBatch.setInt(real.size());
    // discriminator
    feeds.stepSeed.setLong(2 * step, 1);
    Session.Runner d = feeds.common(session.runner())
        .feed(adv.unlabeled(), real.images())
        .feed(adv.noiseBatch(), feeds.noiseBatch)
        .addTarget(graph.trainOp(phaseIndex));
    if (adv.usesLabels()) {
      Batch lab = labeled.orElseThrow().next();
      d.feed(model.input(), lab.images()).feed(model.target(), lab.labels());
    }
    adv.discriminatorUpdates().forEach(d::addTarget);
    float dLoss;
    float metric;
    d.fetch(graph.trainingLoss(phaseIndex)).fetch(phase.metric());
    try (Result r = StepProfile.wanted(step) ? StepProfile.run(d, "discriminator step " + step) : d.run()) {
      dLoss = ((TFloat32) r.get(0)).getFloat();
      metric = ((TFloat32) r.get(1)).getFloat();
    }
    adv.average().ifPresent(a -> session.run(a.update()));
    // generator
    feeds.stepSeed.setLong(2 * step + 1, 1);
    Session.Runner g = feeds.common(session.runner())
        .feed(adv.noiseBatch(), feeds.noiseBatch)
        .addTarget(graph.generatorTrainOp(phaseIndex));
    if (adv.matchBatch().isPresent()) {
      g.feed(adv.matchBatch().get(), match.orElseThrow().next().images());
    }
    adv.generatorUpdates().forEach(g::addTarget);
    g.fetch(adv.generatorLoss());
    try (Result r = StepProfile.wanted(step) ? StepProfile.run(g, "generator step " + step) : g.run()) {
      sums.add(real.size(), dLoss, metric, ((TFloat32) r.get(0)).getFloat());
    }
  }

  /** Scalar feeds, allocated once per phase. */
  private static final class Feeds implements AutoCloseable {
    final TBool training = TBool.scalarOf(true);
    final TInt64 stepSeed;
    final TFloat32 lr;
    final TInt32 noiseBatch = TInt32.scalarOf(1);

    Feeds(long seed, double lr) {
      this.stepSeed = TInt64.vectorOf(seed, 0L);
      this.lr = TFloat32.scalarOf((float) lr);
    }

    Session.Runner common(Session.Runner r) {
      return r.feed(ModelContext.TRAINING, training).feed(ModelContext.STEP_SEED, stepSeed)
          .feed(TrainingGraph.LEARNING_RATE, lr);
    }

    @Override
    public void close() {
      training.close();
      stepSeed.close();
      lr.close();
      noiseBatch.close();
    }

  }

  /** Running, example-weighted sums of an epoch. */
  private static final class Sums {
    double loss;
    double metric;
    double gLoss;
    long seen;

    void add(int n, double l, double m, double g) {
      loss += l * n;
      metric += m * n;
      gLoss += g * n;
      seen += n;
    }
  }

  /**
   * Batches of a source without end: pass after pass, the pass numbers derived from the epoch so
   * that a resumed epoch sees the same batches.
   */
  private static final class Cycle {
    private final BatchSource source;
    private final boolean manyPasses;
    private int pass;
    private final int epoch;
    private Iterator<Batch> it;

    Cycle(BatchSource source, int epoch, boolean manyPasses) {
      this.source = source;
      this.epoch = epoch;
      this.manyPasses = manyPasses;
      this.it = source.epoch(passIndex()).iterator();
    }

    private int passIndex() {
      return manyPasses ? epoch * 1_000_003 + pass : epoch + pass * 1_000_003;
    }

    Batch next() {
      if (!it.hasNext()) {
        pass++;
        it = source.epoch(passIndex()).iterator();
      }
      return it.next();
    }
  }
}
