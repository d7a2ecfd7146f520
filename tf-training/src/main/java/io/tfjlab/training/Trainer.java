package io.tfjlab.training;

import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.callbacks.BestEpoch;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.callbacks.EarlyStopping;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.steps.StepSetup;
import io.tfjlab.training.steps.StepTrace;
import io.tfjlab.training.steps.TrainingStep;
import io.tfjlab.training.steps.TrainingSteps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Session;

/**
 * Trains the phases of a model in a graph-mode session: for each phase the step its kind names
 * ({@link TrainingSteps}: supervised, adversarial, or one registered from outside) runs in the
 * {@link EpochLoop}, with validation on the weights the phase is evaluated with ({@link
 * EvaluationWeights}) and the callbacks: first the phase's own (the selection: {@link BestEpoch},
 * {@link EarlyStopping}), then the trainer's (progress, history, checkpoints, ...).
 */
public final class Trainer {
  private final TrainingGraph graph;
  private final Session session;
  private final List<Callback> callbacks;
  private final long seed;
  private final double baseLearningRate;
  private final LearningRateSchedule schedule;
  private final TrainingSteps steps;
  private final StepTrace trace;
  private boolean skipNonFinite;
  private VariableSnapshot snapshot;

  /** A trainer with the built-in step kinds. */
  public Trainer(
      TrainingGraph graph,
      Session session,
      List<Callback> callbacks,
      long seed,
      double baseLearningRate,
      LearningRateSchedule schedule) {
    this(
        graph,
        session,
        callbacks,
        seed,
        baseLearningRate,
        schedule,
        TrainingSteps.builtIn(),
        StepTrace.NONE);
  }

  private Trainer(
      TrainingGraph graph,
      Session session,
      List<Callback> callbacks,
      long seed,
      double baseLearningRate,
      LearningRateSchedule schedule,
      TrainingSteps steps,
      StepTrace trace) {
    this.graph = graph;
    this.session = session;
    this.callbacks = List.copyOf(callbacks);
    this.seed = seed;
    this.baseLearningRate = baseLearningRate;
    this.schedule = schedule;
    this.steps = steps;
    this.trace = trace;
  }

  /** The same trainer choosing steps from {@code registry}. */
  public Trainer withSteps(TrainingSteps registry) {
    Trainer t =
        new Trainer(graph, session, callbacks, seed, baseLearningRate, schedule, registry, trace);
    t.skipNonFinite = skipNonFinite;
    return t;
  }

  /**
   * The same trainer whose steps run their session calls through {@code trace} (e.g. one traced
   * step, whose FLOPs the bench counts).
   */
  public Trainer withStepTrace(StepTrace trace) {
    Trainer t =
        new Trainer(graph, session, callbacks, seed, baseLearningRate, schedule, steps, trace);
    t.skipNonFinite = skipNonFinite;
    return t;
  }

  /**
   * Skips steps whose loss or resulting weights are not finite instead of stopping ({@code
   * nonFinite: "skip"}); see {@link EpochLoop#skippingNonFinite}.
   */
  public Trainer skippingNonFinite(boolean skip) {
    Trainer t =
        new Trainer(graph, session, callbacks, seed, baseLearningRate, schedule, steps, trace);
    t.skipNonFinite = skip;
    return t;
  }

  public TrainingSteps steps() {
    return steps;
  }

  /**
   * The batch sources of a phase: the main one, whose batches make the epoch's steps, and named
   * extra streams a step draws from (the adversarial step: {@code labeled}, {@code match}), in
   * order.
   */
  public record PhaseData(BatchSource main, Map<String, BatchSource> streams) {
    public PhaseData {
      streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
    }

    public static PhaseData of(BatchSource main) {
      return new PhaseData(main, Map.of());
    }

    /** These sources and the stream {@code name}. */
    public PhaseData with(String name, BatchSource source) {
      Map<String, BatchSource> m = new LinkedHashMap<>(streams);
      m.put(name, source);
      return new PhaseData(main, m);
    }
  }

  /**
   * The selection callbacks of a phase: best-epoch tracking on {@code monitor}, early stopping if a
   * patience is given.
   */
  public static List<Callback> selection(String monitor, Optional<Integer> patience) {
    List<Callback> out = new ArrayList<>();
    out.add(new BestEpoch(monitor));
    patience.ifPresent(p -> out.add(new EarlyStopping(p)));
    return out;
  }

  /**
   * Trains one phase on one source from {@code state} (which may be a resumed one) to its last
   * epoch or an early stop, and returns the final state.
   *
   * @param monitor val_loss or val_acc; without validation the training loss is followed
   * @param patience early-stopping patience, empty for none
   * @param stepsPerEpoch steps per epoch, empty for one pass over the main source
   */
  public TrainerState fitPhase(
      int phaseIndex,
      BatchSource train,
      Optional<BatchSource> validation,
      int epochs,
      Optional<Integer> stepsPerEpoch,
      String monitor,
      Optional<Integer> patience,
      TrainerState state) {
    return fitPhase(
        phaseIndex,
        PhaseData.of(train),
        validation,
        epochs,
        stepsPerEpoch,
        monitor,
        patience,
        state);
  }

  /**
   * As above, with the phase's extra streams; the selection is {@link #selection(String,
   * Optional)}.
   */
  public TrainerState fitPhase(
      int phaseIndex,
      PhaseData data,
      Optional<BatchSource> validation,
      int epochs,
      Optional<Integer> stepsPerEpoch,
      String monitor,
      Optional<Integer> patience,
      TrainerState state) {
    return fitPhase(
        phaseIndex, data, validation, epochs, stepsPerEpoch, selection(monitor, patience), state);
  }

  /**
   * Trains one phase with the step of its kind; {@code phaseCallbacks} run before the trainer's
   * callbacks, for this phase only.
   */
  public TrainerState fitPhase(
      int phaseIndex,
      PhaseData data,
      Optional<BatchSource> validation,
      int epochs,
      Optional<Integer> stepsPerEpoch,
      List<Callback> phaseCallbacks,
      TrainerState state) {
    BuiltModel model = graph.model();
    Phase phase = model.phases().get(phaseIndex);
    TrainingStep.Factory factory = steps.factory(phase);
    List<Callback> all = new ArrayList<>(phaseCallbacks);
    all.addAll(callbacks);
    EpochLoop loop =
        new EpochLoop(session, all, baseLearningRate, schedule, Validation.of(session, model));
    if (skipNonFinite) {
      if (snapshot == null) {
        snapshot = new VariableSnapshot(model.context().graph(), model.context().tf(), session);
      }
      loop = loop.skippingNonFinite(snapshot);
    }
    try (VariableSnapshot guard = snapshot;
        TrainingStep step =
            factory.create(new StepSetup(graph, session, phaseIndex, phase, seed, trace))) {
      return loop.run(
          new EpochLoop.Plan(phaseIndex, phase, data, validation, epochs, stepsPerEpoch),
          step,
          state);
    }
  }

  /** The batch sources phase {@code phaseIndex} trains on, as its step kind asks for them. */
  public PhaseData phaseData(int phaseIndex, TrainingData data) {
    Phase phase = graph.model().phases().get(phaseIndex);
    return steps.factory(phase).data(phase, data);
  }

  /** Calls {@code onTrainBegin}: training starts (or resumes) from {@code state}. */
  public void beginTraining(TrainerState state) {
    TrainingContext ctx = runContext(state);
    callbacks.forEach(c -> c.onTrainBegin(ctx));
  }

  /** Calls {@code onTrainEnd}: every phase is done, {@code state} is the final one. */
  public void endTraining(TrainerState state) {
    TrainingContext ctx = runContext(state);
    callbacks.forEach(c -> c.onTrainEnd(ctx));
  }

  private TrainingContext runContext(TrainerState state) {
    List<Phase> phases = graph.model().phases();
    Phase phase = phases.get(Math.min(state.phase(), phases.size() - 1));
    return new TrainingContext(session, phase, 0, false, state);
  }
}
