package io.tfjlab.training;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.LearningRateSchedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * The mini-batch loop over a graph-mode session: one session call per step (train op, batch-norm
 * updates, loss and metric fetched together), the scalar feeds allocated once, validation after
 * every epoch, best-so-far tracking and early stopping, callbacks around it all.
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

  /**
   * Trains one phase from {@code state} (which may be a resumed one) to its last epoch or an early
   * stop, and returns the final state.
   *
   * @param monitor val_loss or val_acc; without validation the training loss is followed
   * @param patience early-stopping patience, empty for none
   * @param stepsPerEpoch batches per epoch, empty for one pass over {@code train}
   */
  public TrainerState fitPhase(int phaseIndex, BatchSource train, Optional<BatchSource> validation, int epochs,
      Optional<Integer> stepsPerEpoch, String monitor, Optional<Integer> patience, TrainerState state) {
    BuiltModel model = graph.model();
    Phase phase = model.phases().get(phaseIndex);
    String metricName = phase.metricName();
    String followed = validation.isEmpty() ? "loss"
        : (monitor.equals("val_acc") && metricName.equals("acc") ? "val_acc" : "val_loss");
    boolean maximize = followed.equals("val_acc");
    TrainingContext ctx = new TrainingContext(session, phase, epochs, followed, state);
    callbacks.forEach(c -> c.onPhaseBegin(ctx));

    Op trainOp = graph.trainOp(phaseIndex);
    List<Op> updates = model.context().updateOps();
    try (TBool training = TBool.scalarOf(true);
        TInt64 stepSeed = TInt64.vectorOf(seed, 0L);
        TFloat32 lr = TFloat32.scalarOf((float) baseLearningRate)) {
      for (int epoch = ctx.state().epoch(); epoch < epochs && !ctx.state().stopped(); epoch++) {
        double rate = schedule.rate(baseLearningRate, epoch, epochs);
        lr.setFloat((float) rate);
        final int e = epoch;
        callbacks.forEach(c -> c.onEpochBegin(ctx, e));
        long t0 = System.nanoTime();
        double lossSum = 0;
        double metricSum = 0;
        long seen = 0;
        long step = ctx.state().step();
        int batches = stepsPerEpoch.orElse(train.batchesPerEpoch());
        int done = 0;
        for (int pass = 0; done < batches; pass++) {
          int passIndex = stepsPerEpoch.isPresent() ? epoch * 1_000_003 + pass : epoch;
          for (Batch b : train.epoch(passIndex)) {
            stepSeed.setLong(step, 1);
            Session.Runner runner = session.runner()
                .feed(model.input(), b.images())
                .feed(model.target(), b.labels())
                .feed(ModelContext.TRAINING, training)
                .feed(ModelContext.STEP_SEED, stepSeed)
                .feed(graph.learningRate(), lr)
                .addTarget(trainOp);
            for (Op u : updates) {
              runner.addTarget(u);
            }
            try (Result r = runner.fetch(graph.trainingLoss(phaseIndex)).fetch(phase.metric()).run()) {
              lossSum += ((TFloat32) r.get(0)).getFloat() * b.size();
              metricSum += ((TFloat32) r.get(1)).getFloat() * b.size();
            }
            seen += b.size();
            step++;
            done++;
            final int d = done;
            final double l = lossSum / seen;
            final double m = metricSum / seen;
            callbacks.forEach(c -> c.onBatchEnd(ctx, d, batches, l, m));
            if (done == batches) {
              break;
            }
          }
        }
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", lossSum / seen);
        metrics.put(metricName, metricSum / seen);
        if (validation.isPresent()) {
          Evaluator.Score v = Evaluator.evaluate(session, model.input(), model.target(),
              graph.trainingLoss(phaseIndex), phase.metric(), validation.get());
          metrics.put("val_loss", v.loss());
          metrics.put("val_" + metricName, v.metric());
        }
        metrics.put("lr", rate);
        metrics.put("train_seconds", trainSeconds);
        EpochLogs logs = new EpochLogs(phase.name(), epoch + 1, epochs, metrics,
            (System.nanoTime() - t0) / 1e9, seen);
        double value = logs.get(followed);
        TrainerState s = ctx.state();
        boolean improved = Double.isNaN(s.best()) || (maximize ? value > s.best() : value < s.best());
        int wait = improved ? 0 : s.sinceBest() + 1;
        boolean stop = patience.isPresent() && wait >= patience.get();
        ctx.state(new TrainerState(phaseIndex, epoch + 1, step, improved ? value : s.best(),
            improved ? epoch + 1 : s.bestEpoch(), wait, stop));
        ctx.improved(improved);
        callbacks.forEach(c -> c.onEpochEnd(ctx, logs));
      }
    }
    callbacks.forEach(c -> c.onPhaseEnd(ctx));
    return ctx.state();
  }
}
