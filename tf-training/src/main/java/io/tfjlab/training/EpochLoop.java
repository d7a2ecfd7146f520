package io.tfjlab.training;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.steps.StepInput;
import io.tfjlab.training.steps.StepResult;
import io.tfjlab.training.steps.TrainingStep;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tensorflow.Session;

/**
 * The training loop of one phase, for any {@link TrainingStep}: epochs (from the state's epoch,
 * until the last or a stop request), the learning rate of each epoch, the batches of the main
 * source (and the extra streams, cycled), example-weighted running sums of the step's numbers, a
 * validation pass after every epoch of a validated phase, the {@link EpochLogs}, the step count in
 * the {@link TrainerState}, and the callbacks around it all. It knows no step kind and selects
 * nothing: best-epoch tracking, early stopping and checkpoints are callbacks. A NaN or infinite
 * loss stops the loop at once with a {@link NonFiniteLossException}, before the epoch's callbacks
 * log or save anything. A {@link StopSignal} request stops it before the next step with a {@link
 * TrainingStoppedException}; when the epoch had run a batch, the state first records where it
 * stands ({@link EpochProgress}: batches done, batches drawn from each stream, running sums) and
 * the callbacks' {@code onStop} runs ({@code ModelCheckpoint} saves {@code last}), so that the
 * resumed run continues with the next batch and ends bit for bit as an uninterrupted one.
 */
public final class EpochLoop {
  private final Session session;
  private final List<Callback> callbacks;
  private final double baseLearningRate;
  private final LearningRateSchedule schedule;
  private final Validation validation;
  private final StepGuard skip;

  /** Name of the number of skipped steps in an epoch's logs (only when steps are skipped). */
  public static final String SKIPPED_STEPS = "skipped_steps";

  /**
   * One phase to train.
   *
   * @param phaseIndex the phase's index in the model (recorded in the state)
   * @param phase the phase
   * @param data its batch sources
   * @param validation the validation source; used only if the phase validates
   * @param epochs the phase's epoch count
   * @param stepsPerEpoch steps per epoch, empty for one pass over the main source
   */
  public record Plan(
      int phaseIndex,
      Phase phase,
      Trainer.PhaseData data,
      Optional<BatchSource> validation,
      int epochs,
      Optional<Integer> stepsPerEpoch) {}

  public EpochLoop(
      Session session,
      List<Callback> callbacks,
      double baseLearningRate,
      LearningRateSchedule schedule,
      Validation validation) {
    this(session, callbacks, baseLearningRate, schedule, validation, null);
  }

  private EpochLoop(
      Session session,
      List<Callback> callbacks,
      double baseLearningRate,
      LearningRateSchedule schedule,
      Validation validation,
      StepGuard skip) {
    this.session = session;
    this.callbacks = List.copyOf(callbacks);
    this.baseLearningRate = baseLearningRate;
    this.schedule = schedule;
    this.validation = validation;
    this.skip = skip;
  }

  /**
   * The same loop skipping non-finite steps ({@code nonFinite: "skip"}): {@code guard} copies the
   * state before each step and puts it back when the step's loss (or a {@code *loss} extra) or the
   * state after it is not finite; such a step adds nothing to the epoch's numbers, is counted
   * ({@value #SKIPPED_STEPS} in the epoch's logs, {@link TrainerState#skipped()}), and training
   * goes on, unless every step of an epoch was skipped.
   */
  public EpochLoop skippingNonFinite(StepGuard guard) {
    return new EpochLoop(session, callbacks, baseLearningRate, schedule, validation, guard);
  }

  /** Trains {@code plan} with {@code step} from {@code state} and returns the final state. */
  public TrainerState run(Plan plan, TrainingStep step, TrainerState state) {
    Phase phase = plan.phase();
    int epochs = plan.epochs();
    Optional<BatchSource> validationSource =
        phase.validates() ? plan.validation() : Optional.empty();
    String metricName = phase.metricName();
    TrainingContext ctx =
        new TrainingContext(session, phase, epochs, validationSource.isPresent(), state);
    callbacks.forEach(c -> c.onPhaseBegin(ctx));
    for (int epoch = ctx.state().epoch(); epoch < epochs && !ctx.state().stopped(); epoch++) {
      double rate = schedule.rate(baseLearningRate, epoch, epochs);
      final int e = epoch;
      callbacks.forEach(c -> c.onEpochBegin(ctx, e));
      long t0 = System.nanoTime();
      Sums sums = new Sums(phase);
      long stepCount = ctx.state().step();
      // a stop request inside this epoch saved where it was: continue with the next batch
      EpochProgress resumed = epoch == ctx.state().epoch() ? ctx.state().position() : null;
      int batches = plan.stepsPerEpoch().orElse(plan.data().main().batchesPerEpoch());
      Cycle main = new Cycle(plan.data().main(), epoch, plan.stepsPerEpoch().isPresent());
      Map<String, Cycle> streams = new LinkedHashMap<>();
      plan.data()
          .streams()
          .forEach((name, source) -> streams.put(name, new Cycle(source, e, true)));
      Function<String, Batch> next =
          name -> {
            Cycle c = streams.get(name);
            if (c == null) {
              throw new IllegalStateException(
                  "phase "
                      + phase.name()
                      + "'s step asks for the batch stream '"
                      + name
                      + "', but its data has none (streams: "
                      + streams.keySet()
                      + "); its step factory's data() must give it");
            }
            return c.next();
          };
      int skipped = 0;
      int first = 1;
      if (resumed != null) {
        main.skip(resumed.batches());
        resumed.draws().forEach((name, n) -> streams.get(name).skip(n));
        sums.restore(resumed);
        skipped = resumed.skipped();
        first = resumed.batches() + 1;
        t0 -= (long) (resumed.trainSeconds() * 1e9);
        ctx.state(ctx.state().withPosition(plan.phaseIndex(), epoch, stepCount, null));
      }
      for (int done = first; done <= batches; done++) {
        if (StopSignal.global().requested()) {
          if (done > 1) {
            // save where the epoch stands (the last checkpoint only): the resumed run goes on
            // from the next batch
            Map<String, Integer> draws = new LinkedHashMap<>();
            streams.forEach((name, c) -> draws.put(name, c.drawn));
            EpochProgress here =
                new EpochProgress(
                    done - 1,
                    draws,
                    sums.seen,
                    sums.loss,
                    sums.metric,
                    sums.extras,
                    skipped,
                    (System.nanoTime() - t0) / 1e9);
            ctx.state(ctx.state().withPosition(plan.phaseIndex(), epoch, stepCount, here));
            callbacks.forEach(c -> c.onStop(ctx));
          }
          throw new TrainingStoppedException(phase.name(), epoch + 1, done - 1, stepCount);
        }
        final int d = done;
        callbacks.forEach(c -> c.onBatchBegin(ctx, d, batches));
        if (skip != null) {
          skip.beforeStep();
        }
        StepResult r = step.run(new StepInput(main.next(), stepCount, rate, next));
        if (skip == null) {
          NonFiniteLossException.check(
              phase.name(), e + 1, epochs, d, batches, stepCount + 1, e, r);
        } else if (!NonFiniteLossException.finite(r) || !skip.stateFinite()) {
          skip.undo();
          skipped++;
          stepCount++;
          final double l = sums.seen == 0 ? Double.NaN : sums.loss / sums.seen;
          final double m = sums.seen == 0 ? Double.NaN : sums.metric / sums.seen;
          callbacks.forEach(c -> c.onBatchEnd(ctx, d, batches, l, m));
          continue;
        }
        sums.add(r);
        stepCount++;
        final double l = sums.loss / sums.seen;
        final double m = sums.metric / sums.seen;
        callbacks.forEach(c -> c.onBatchEnd(ctx, d, batches, l, m));
      }
      if (skip != null && skipped == batches) {
        throw NonFiniteLossException.allSkipped(phase.name(), e + 1, epochs, batches, stepCount, e);
      }
      double trainSeconds = (System.nanoTime() - t0) / 1e9;
      Map<String, Double> metrics = new LinkedHashMap<>();
      metrics.put("loss", sums.loss / sums.seen);
      metrics.put(metricName, sums.metric / sums.seen);
      sums.extras.forEach((k, v) -> metrics.put(k, v / sums.seen));
      if (validationSource.isPresent()) {
        Evaluator.Score v = validation.validate(phase, validationSource.get());
        metrics.put("val_loss", v.loss());
        metrics.put("val_" + metricName, v.metric());
      }
      metrics.put("lr", rate);
      metrics.put("train_seconds", trainSeconds);
      if (skip != null) {
        metrics.put(SKIPPED_STEPS, (double) skipped);
      }
      EpochLogs logs =
          new EpochLogs(
              phase.name(), epoch + 1, epochs, metrics, (System.nanoTime() - t0) / 1e9, sums.seen);
      ctx.state(
          ctx.state()
              .withProgress(plan.phaseIndex(), epoch + 1, stepCount)
              .withSkipped(ctx.state().skipped() + skipped));
      ctx.improved(false);
      callbacks.forEach(c -> c.onEpochEnd(ctx, logs));
    }
    callbacks.forEach(c -> c.onPhaseEnd(ctx));
    return ctx.state();
  }

  /** Running, example-weighted sums of an epoch. */
  private static final class Sums {
    private final Phase phase;
    double loss;
    double metric;
    final Map<String, Double> extras = new LinkedHashMap<>();
    long seen;

    Sums(Phase phase) {
      this.phase = phase;
    }

    void restore(EpochProgress p) {
      loss = p.loss();
      metric = p.metric();
      extras.putAll(p.extras());
      seen = p.seen();
    }

    void add(StepResult r) {
      int n = r.examples();
      loss += r.loss() * n;
      metric += r.metric() * n;
      r.extras()
          .forEach(
              (k, v) -> {
                if (!extras.containsKey(k) && reserved(k)) {
                  throw new IllegalStateException(
                      "phase "
                          + phase.name()
                          + "'s step reports an extra number named '"
                          + k
                          + "', a name the loop writes itself; rename it");
                }
                extras.put(k, extras.getOrDefault(k, 0.0) + v * n);
              });
      seen += n;
    }

    private boolean reserved(String k) {
      return k.equals("loss")
          || k.equals(phase.metricName())
          || k.startsWith("val_")
          || k.equals("lr")
          || k.equals("train_seconds")
          || k.equals(SKIPPED_STEPS);
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
    int drawn;

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
      drawn++;
      return it.next();
    }

    /** Draws {@code n} batches and drops them (where an interrupted epoch had got to). */
    void skip(int n) {
      for (int i = 0; i < n; i++) {
        next();
      }
    }
  }
}
