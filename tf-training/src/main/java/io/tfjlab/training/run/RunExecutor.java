package io.tfjlab.training.run;

import com.google.inject.Inject;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.ModelSummary;
import io.tfjlab.models.graph.ModelContext;
import io.tfjlab.models.runtime.Placement;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.EvaluationWeights;
import io.tfjlab.training.Evaluator;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.StopSignal;
import io.tfjlab.training.Trainer;
import io.tfjlab.training.TrainerState;
import io.tfjlab.training.TrainingData;
import io.tfjlab.training.TrainingGraph;
import io.tfjlab.training.TrainingStoppedException;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.callbacks.CsvLogger;
import io.tfjlab.training.callbacks.ModelCheckpoint;
import io.tfjlab.training.callbacks.ProgressBar;
import io.tfjlab.training.callbacks.SampleGrid;
import io.tfjlab.training.callbacks.TensorBoard;
import io.tfjlab.training.spec.ResolvedSpec;
import io.tfjlab.training.spec.SpecWarnings;
import io.tfjlab.training.steps.TrainingSteps;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Session;

/**
 * Runs a {@link RunSpec} end to end: prepares the data, creates the run folder and manifest, builds
 * the graph, trains every phase with the callbacks, restores the best checkpoint, reads the test
 * set once and writes {@code results.json}. Also resumes an interrupted run.
 */
public final class RunExecutor {
  /** Epochs between two generated-sample grids. */
  static final int SAMPLE_EVERY = 5;

  private final DatasetCatalog catalog;
  private final ModelZoo zoo;
  private final Placement placement;
  private final TrainingSteps steps;
  private final List<Callback> extraCallbacks;

  /** An executor that runs on the CPU with the built-in step kinds. */
  /**
   * The content digests of a data set as a run's manifest records them ({@code data.checksums}):
   * for a user's folder, npz or CSV file, what it holds now (read from its cache when unchanged).
   */
  public Map<String, String> dataChecksums(String dataset) {
    return catalog.load(dataset).checksums();
  }

  public RunExecutor(DatasetCatalog catalog, ModelZoo zoo) {
    this(catalog, zoo, Placement.CPU);
  }

  /** An executor with the built-in step kinds. */
  public RunExecutor(DatasetCatalog catalog, ModelZoo zoo, Placement placement) {
    this(catalog, zoo, placement, TrainingSteps.builtIn());
  }

  /**
   * An executor whose phases train with the step kinds of {@code steps} (Guice: the bound ones).
   */
  @Inject
  public RunExecutor(
      DatasetCatalog catalog, ModelZoo zoo, Placement placement, TrainingSteps steps) {
    this(catalog, zoo, placement, steps, List.of());
  }

  private RunExecutor(
      DatasetCatalog catalog,
      ModelZoo zoo,
      Placement placement,
      TrainingSteps steps,
      List<Callback> extraCallbacks) {
    this.catalog = catalog;
    this.zoo = zoo;
    this.placement = placement;
    this.steps = steps;
    this.extraCallbacks = List.copyOf(extraCallbacks);
  }

  /**
   * The same executor with more callbacks, run after the standard ones (progress, CSV, TensorBoard,
   * checkpoints).
   */
  public RunExecutor withCallbacks(List<Callback> more) {
    List<Callback> all = new java.util.ArrayList<>(extraCallbacks);
    all.addAll(more);
    return new RunExecutor(catalog, zoo, placement, steps, all);
  }

  /** The same executor with these step kinds. */
  public RunExecutor withSteps(TrainingSteps registry) {
    return new RunExecutor(catalog, zoo, placement, registry, extraCallbacks);
  }

  /** The spec with every model default filled in, as the manifest records it. */
  public RunSpec resolve(RunSpec spec) {
    return spec.withModel(zoo.resolve(spec.model()));
  }

  /**
   * Trains a new run of a spec built in code (its model resolved here) in a new folder under {@code
   * runsRoot}.
   */
  public RunResult train(RunSpec spec, Path runsRoot, String command, PrintStream out) {
    return train(ResolvedSpec.of(spec), runsRoot, command, out);
  }

  /**
   * Trains a new run of a resolved spec in a new folder; the manifest records where its values came
   * from.
   */
  public RunResult train(ResolvedSpec resolution, Path runsRoot, String command, PrintStream out) {
    RunSpec resolved = resolve(resolution.spec());
    try (TrainingData data = TrainingData.prepare(resolved, catalog)) {
      zoo.validate(resolved.model(), data.input()); // clear messages for what the model cannot take
      // build the graph once before anything is written: a spec the model cannot take leaves no run
      // folder
      try (ModelGraph check = ModelGraph.build(zoo, placement, resolved, data.input())) {
        checkApplies(resolved, check.model());
        check.model().phases().forEach(steps::factory); // every phase's step kind is registered
      }
      List<String> warnings = new java.util.ArrayList<>(SpecWarnings.of(resolved));
      data.splits()
          .ifPresent(s -> warnings.addAll(SpecWarnings.ofData(resolved, s.labeled().length)));
      warnings.forEach(System.err::println);
      System.err.flush();
      RunDirectory run =
          RunDirectory.create(runsRoot, resolved.model().type(), data.name(), resolved.labels());
      data.splits()
          .ifPresent(
              s ->
                  Json.write(
                      run.path().resolve(RunDirectory.LABELED),
                      Map.of(
                          "labeled",
                          s.labeled().length == s.train().length ? "all" : s.labeled(),
                          "validation",
                          s.validation())));
      Manifest manifest =
          new Manifest(
              run.name(),
              "running",
              resolved,
              Manifest.currentVersions(),
              dataRecord(resolved, data),
              Manifest.currentHost(),
              Instant.now().toString(),
              null,
              Map.of(),
              command,
              resolution.provenance());
      Json.write(run.manifest(), manifest);
      out.println(
          "Run "
              + run.path()
              + " ("
              + resolved.model().type()
              + " on "
              + data.name()
              + ", "
              + (resolved.labels() == 0 ? "all" : resolved.labels())
              + " labels, seed "
              + resolved.seed()
              + ")");
      return execute(run, manifest, data, Optional.empty(), out);
    }
  }

  /**
   * Continues a run from its {@code last} checkpoint (epoch, step, best score, early-stopping
   * counter).
   */
  public RunResult resume(Path runPath, PrintStream out) {
    RunDirectory run = RunDirectory.open(runPath);
    Manifest manifest = Manifest.read(run.manifest());
    Checkpointer checkpointer = new Checkpointer(run.checkpoints());
    TrainerState last =
        checkpointer
            .state(ModelCheckpoint.LAST)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        run.path()
                            + " has no 'last' checkpoint to resume from (it stopped before its first epoch ended); "
                            + "start a new run instead"));
    if ("finished".equals(manifest.status())) {
      throw new IllegalArgumentException(run.path() + " is already finished; see its results.json");
    }
    manifest =
        manifest.withResume(
            new Manifest.Resume(
                Instant.now().toString(),
                Manifest.currentHost(),
                last.phase(),
                last.epoch(),
                last.step()));
    try (TrainingData data = TrainingData.prepare(manifest.spec(), catalog)) {
      out.println(
          "Resuming "
              + run.path()
              + " at phase "
              + (last.phase() + 1)
              + ", epoch "
              + (last.epoch() + 1)
              + (last.position() == null ? "" : ", batch " + (last.position().batches() + 1))
              + " (best so far "
              + fmt(last.best())
              + " at epoch "
              + last.bestEpoch()
              + ")");
      return execute(run, manifest, data, Optional.of(last), out);
    }
  }

  /**
   * Trains inside a {@link StopSignal} span: a stop request (SIGINT, SIGTERM) ends the loop after
   * its current step and writes the {@code last} checkpoint with the position in the epoch (the
   * history and {@code best} stay those of the last finished epoch), and one line says how to
   * resume.
   */
  private RunResult execute(
      RunDirectory run,
      Manifest manifest,
      TrainingData data,
      Optional<TrainerState> resumeFrom,
      PrintStream out) {
    FolderLock lock =
        FolderLock.tryAcquire(run.path())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        run.path()
                            + " is being trained by another tfjlab process right now; wait for it"
                            + " to finish (or stop it) before resuming it"));
    StopSignal.Guard guard = StopSignal.global().enter();
    try (lock) {
      return executeGuarded(run, manifest, data, resumeFrom, out);
    } catch (TrainingStoppedException e) {
      Optional<TrainerState> saved =
          new Checkpointer(run.checkpoints()).state(ModelCheckpoint.LAST);
      String line =
          saved.isPresent()
              ? String.format(
                  Locale.ROOT,
                  "Stopped at phase %s, epoch %d after %d batches (step %d); checkpoint 'last'"
                      + " holds phase %d, %s. Resume with: ./tfjlab train --resume %s",
                  e.phase(),
                  e.epoch(),
                  e.batchesDone(),
                  e.step(),
                  saved.get().phase() + 1,
                  where(saved.get()),
                  run.path())
              : String.format(
                  Locale.ROOT,
                  "Stopped at phase %s, epoch %d after %d batches (step %d), before any epoch"
                      + " ended: nothing to resume; start the run again (%s can be deleted)",
                  e.phase(),
                  e.epoch(),
                  e.batchesDone(),
                  e.step(),
                  run.path());
      out.println();
      out.println(line);
      out.flush();
      throw e.withMessage(line);
    } finally {
      guard.close();
    }
  }

  private RunResult executeGuarded(
      RunDirectory run,
      Manifest manifest,
      TrainingData data,
      Optional<TrainerState> resumeFrom,
      PrintStream out) {
    RunSpec spec = manifest.spec();
    Checkpointer checkpointer = new Checkpointer(run.checkpoints());
    Map<String, Double> seconds = new LinkedHashMap<>(manifest.phaseSeconds());
    try (ModelGraph graph = ModelGraph.build(zoo, placement, spec, data.input())) {
      ModelContext ctx = graph.context();
      BuiltModel model = graph.model();
      if (!Files.exists(run.summary())) {
        Json.writeString(run.summary(), ModelSummary.render(model));
      }
      TrainingGraph tg = graph.training();
      TensorBoard tensorBoard = new TensorBoard(ctx.tf(), run.tensorboard().toString());
      int last = model.phases().size() - 1;
      ModelCheckpoint checkpoints = new ModelCheckpoint(checkpointer, last);
      List<Callback> callbacks =
          new java.util.ArrayList<>(
              List.of(
                  new ProgressBar(out, out == System.out && System.console() != null),
                  new CsvLogger(run.history()),
                  tensorBoard,
                  checkpoints));
      model.phases().stream()
          .flatMap(ph -> ph.adversarial().stream())
          .findFirst()
          .ifPresent(
              a ->
                  callbacks.add(
                      new SampleGrid(
                          ctx.tf(),
                          a.fixedSamples(),
                          run.samples(),
                          SAMPLE_EVERY,
                          run.tensorboard().toString())));
      if (spec.skipsNonFinite()) {
        callbacks.add(new io.tfjlab.training.callbacks.SkippedStepsWarning(System.err));
      }
      callbacks.addAll(extraCallbacks);
      {
        Session session = graph.session(spec.threads());
        TrainerState state =
            resumeFrom
                .map(s -> checkpointer.restore(session, ModelCheckpoint.LAST))
                .orElse(TrainerState.start());
        if (resumeFrom.isPresent()) {
          CsvLogger.trimAfter(
              run.history(),
              model.phases().stream().map(Phase::name).toList(),
              state.phase(),
              state.epoch());
        }
        if (resumeFrom.isEmpty()) {
          model.dataInit().ifPresent(init -> DataInitialization.run(session, init, data));
          EvaluationWeights.reset(session, model);
        }
        Trainer trainer =
            new Trainer(
                    tg,
                    session,
                    callbacks,
                    spec.seed(),
                    spec.optimizer().learningRate(),
                    spec.schedule())
                .withSteps(steps)
                .skippingNonFinite(spec.skipsNonFinite());
        trainer.beginTraining(state);
        for (int p = state.phase(); p <= last; p++) {
          Phase phase = model.phases().get(p);
          int epochs = p == last ? spec.epochs() : spec.pretrainEpochs();
          long t0 = System.nanoTime();
          if (epochs > 0 && state.epoch() < epochs && !state.stopped()) {
            Trainer.PhaseData sources = trainer.phaseData(p, data);
            Optional<Integer> batches = stepsPerEpoch(spec, phase, sources.main());
            state =
                trainer.fitPhase(
                    p,
                    sources,
                    data.validation(),
                    epochs,
                    batches,
                    spec.monitor(),
                    p == last ? Optional.ofNullable(spec.patience()) : Optional.empty(),
                    state);
          }
          seconds.merge(phase.name(), (System.nanoTime() - t0) / 1e9, Double::sum);
          Json.write(run.manifest(), manifest.withStatus("running", null, seconds));
          if (p < last) {
            state = checkpoints.phaseDone(session, state);
          }
        }
        trainer.endTraining(state);
        ModelCheckpoint.Choice chosen =
            checkpoints.restoreForTest(session, spec.checkpoint(), state);
        String used = chosen.checkpoint();
        Phase fin = model.finalPhase();
        EvaluationWeights.useAveraged(session, fin);
        // the one read of the test set: scores, and the predicted classes of a classifier
        Evaluator.Evaluation evaluation = Evaluator.evaluateFinalPhase(session, model, data.test());
        Evaluator.Score test = evaluation.score();
        evaluation
            .predictions()
            .ifPresent(p -> Json.writeString(run.predictions(), predictionsCsv(p)));
        double total = seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        int epoch = chosen.epoch();
        RunResult result =
            new RunResult(
                run.name(),
                fin.metricName(),
                test.loss(),
                test.metric(),
                test.examples(),
                used,
                epoch,
                total,
                ModelSummary.classifierParameters(model),
                spec.skipsNonFinite() ? state.skipped() : null);
        Json.write(run.results(), result);
        Json.write(
            run.manifest(),
            manifest
                .withTestImages((int) test.examples())
                .withStatus("finished", Instant.now().toString(), seconds));
        out.printf(
            Locale.ROOT,
            "Test (%s checkpoint, epoch %d, %d images): loss %.4f - %s %.4f   [%s, %.0fs]%n",
            used,
            epoch,
            test.examples(),
            test.loss(),
            fin.metricName(),
            test.metric(),
            run.path(),
            total);
        return result;
      }
    }
  }

  /**
   * The phase's batches per epoch: stepsPerEpoch for labeled phases, then capped by limitBatches.
   */
  private static Optional<Integer> stepsPerEpoch(
      RunSpec spec, Phase phase, io.tfjlab.data.batch.BatchSource main) {
    Optional<Integer> steps =
        phase.data() == Phase.PhaseData.LABELED
            ? Optional.ofNullable(spec.stepsPerEpoch())
            : Optional.empty();
    if (spec.limitBatches() == null) {
      return steps;
    }
    int full = steps.orElseGet(main::batchesPerEpoch);
    return Optional.of(Math.min(full, spec.limitBatches()));
  }

  private static String predictionsCsv(Evaluator.Predictions p) {
    StringBuilder b = new StringBuilder(RunLayout.PREDICTIONS_HEADER + "\n");
    for (int i = 0; i < p.actual().length; i++) {
      b.append(i)
          .append(',')
          .append(p.actual()[i])
          .append(',')
          .append(p.predicted()[i])
          .append('\n');
    }
    return b.toString();
  }

  /**
   * Refuses options the model would not use: {@code stepsPerEpoch} sets the batches per epoch of
   * the phases that train on the labeled images; a model with none (sgan, dcgan: every epoch is one
   * pass over all training images) cannot take it; {@code augment.unlabeled} needs a phase that
   * trains on every training image.
   */
  static void checkApplies(RunSpec spec, BuiltModel model) {
    if (spec.stepsPerEpoch() != null
        && model.phases().stream()
            .noneMatch(p -> p.data() == Phase.PhaseData.LABELED && p.adversarial().isEmpty())) {
      throw new IllegalArgumentException(
          "--steps-per-epoch (stepsPerEpoch) sets the batches per epoch of the phases "
              + "that train on the labeled images; "
              + spec.model().type()
              + " trains on every training image each epoch, "
              + "so it does not apply: leave it out, or cap every phase with --limit-batches N");
    }
    if (spec.augment() != null
        && spec.augment().appliesToUnlabeled()
        && model.phases().stream().noneMatch(p -> p.data() == Phase.PhaseData.ALL_TRAIN)) {
      throw new IllegalArgumentException(
          "--augment-unlabeled (augment.unlabeled) augments the batches drawn from every training"
              + " image; "
              + spec.model().type()
              + " trains only on its labeled images, so it does not apply: leave it out"
              + " (--augment alone augments those)");
    }
  }

  private static Manifest.DataRecord dataRecord(RunSpec spec, TrainingData data) {
    return data.splits()
        .map(
            s ->
                new Manifest.DataRecord(
                    data.name(),
                    data.checksums(),
                    s.train().length,
                    s.validation().length,
                    s.labeled().length,
                    s.labeledDigest(),
                    s.validationDigest(),
                    -1,
                    data.classNames()))
        .orElse(
            new Manifest.DataRecord(
                data.name(), Map.of(), -1, -1, -1, null, null, -1, data.classNames()));
  }

  /** Where a saved state stands: "epoch 2" (its end) or "epoch 3 after 84 batches". */
  private static String where(TrainerState s) {
    return s.position() == null
        ? "epoch " + s.epoch()
        : "epoch " + (s.epoch() + 1) + " after " + s.position().batches() + " batches";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
