package io.tfjlab.training.cli;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.tfjlab.data.DataModule.DataOptions;
import io.tfjlab.data.augment.AugmentSpec;
import io.tfjlab.data.catalog.DatasetCatalog;
import io.tfjlab.models.runtime.DeviceSelection;
import io.tfjlab.models.runtime.Placement;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.ModelZoo;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.EvaluationWeights;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.Trainer;
import io.tfjlab.training.TrainerState;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.TrainingData;
import io.tfjlab.training.TrainingModule;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.perf.FlopCounter;
import io.tfjlab.training.perf.InferenceBench;
import io.tfjlab.training.perf.MachinePeak;
import io.tfjlab.training.perf.StepFlops;
import io.tfjlab.training.run.DataInitialization;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.ModelGraph;
import io.tfjlab.training.spec.SpecResolver;
import io.tfjlab.training.steps.StepInput;
import io.tfjlab.training.steps.StepResult;
import io.tfjlab.training.steps.StepSetup;
import io.tfjlab.training.steps.StepTrace;
import io.tfjlab.training.steps.TrainingStep;
import io.tfjlab.training.steps.TrainingSteps;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.tensorflow.Session;
import org.tensorflow.proto.RunMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench}: training throughput of the engine itself, on any zoo or layer-list model: the
 * run's data prepared from its resolved spec ({@link TrainingData}), the phase's batch sources as
 * its step kind asks for them ({@link Trainer#phaseData}: the GAN steps get their labeled and
 * matching streams), the same {@link Trainer} loop as {@code train} (no validation), measured like
 * the peer benchmark in shared/bench: warm-up steps, timed steps, then one traced step whose
 * executed graph gives the FLOPs per step ({@link FlopCounter}). Prints images/s (the main batch's
 * images), steps/s, GFLOP/s and its share of an assumed peak ({@link MachinePeak}). With {@code
 * --inference} it measures inference instead ({@link InferenceBench}): the evaluation pass and the
 * exported SavedModel's serving signature, images/s.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Measure training steps/s, images/s and GFLOP/s of a zoo model or a spec file's model through"
          + " the tfjlab engine (compare with shared/bench).",
      "Example: ./tfjlab bench --model sgan --discriminator cnn --rounds 1",
      "Inference: ./tfjlab bench --model cnn --inference --batch-size 128 --rounds 1"
    })
public final class BenchCommand implements Callable<Integer> {
  @Option(
      names = "--spec",
      paramLabel = "FILE",
      description = "A JSON run spec (a layer-list model, ...); options override its fields.")
  Path specFile;

  @Mixin ModelOptions modelOptions = new ModelOptions();

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @SpecPath("batchSize")
  @Option(
      names = "--batch-size",
      description = "Batch size (default: the resolved spec's, e.g. 128; sgan 100).")
  Integer batchSize;

  @SpecPath("labels")
  @Option(
      names = "--labels",
      description =
          "Labeled training images (default 0 = all, so that every batch is full; the shapes of a"
              + " step, hence its FLOPs, do not depend on it).")
  Integer labels = 0;

  @SpecPath("dataset")
  @Option(names = "--dataset", description = "Data set (default: the spec's, else mnist).")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR", description = "Data set cache root.")
  Path dataDir;

  @Option(
      names = "--from",
      paramLabel = "DIR",
      description = "A folder that already holds the data set's files (as train --from).")
  Path from;

  @Option(
      names = "--phase",
      paramLabel = "N",
      description = "The phase to measure, 1-based (default: the last, the model's own training).")
  Integer phase;

  @Option(names = "--warmup", defaultValue = "20")
  int warmup;

  @Option(names = "--steps", defaultValue = "150")
  int steps;

  @Option(names = "--threads", defaultValue = "2")
  int threads;

  @Option(
      names = "--rounds",
      defaultValue = "3",
      description = "Repeat and report each round and the median.")
  int rounds;

  @Option(
      names = "--augment",
      negatable = true,
      description =
          "Augment the labeled batches (digits preset), to measure its cost; default: the spec's"
              + " (on for sgan with the cnn discriminator).")
  Boolean augment;

  @Option(
      names = "--inference",
      description = {
        "Measure inference instead of training, on batches of real training images of"
            + " --batch-size: the evaluation pass (the validation code path of train) and the"
            + " model exported as a SavedModel, loaded and called through serving_default;"
            + " images/s of both per round (--warmup and --steps count batches)."
      })
  boolean inference;

  @Option(
      names = "--peak-gflops",
      paramLabel = "X",
      description =
          "The machine's FP32 peak in GFLOP/s (default: derived from /proc/cpuinfo, an"
              + " assumption the output states).")
  Double peakGflops;

  @Override
  public Integer call() {
    if (warmup < 0 || steps < 1 || rounds < 1 || threads < 1) {
      throw new IllegalArgumentException(
          "bench needs --warmup >= 0, --steps >= 1, --rounds >= 1 and --threads >= 1");
    }
    if (specFile == null && modelOptions.model == null) {
      throw new IllegalArgumentException(
          "bench needs --model NAME (./tfjlab models lists them) or --spec FILE");
    }
    Placement placement = DeviceSelection.placementOf(spec.root().userObject());
    Injector injector =
        Guice.createInjector(
            new TrainingModule(
                new DataOptions(Optional.ofNullable(dataDir), Optional.ofNullable(from)),
                placement));
    ModelZoo zoo = injector.getInstance(ModelZoo.class);
    TrainingSteps registry = injector.getInstance(TrainingSteps.class);
    RunSpec run = resolve(zoo);
    new DataOptions(Optional.empty(), Optional.ofNullable(from))
        .checkFromApplies(List.of(run.dataset()));
    if (inference) {
      return inference(zoo, placement, run, injector.getInstance(DatasetCatalog.class));
    }
    MachinePeak peak =
        peakGflops != null ? MachinePeak.given(peakGflops) : MachinePeak.assumed(threads);
    String name = modelName(run);
    double[] imagesPerSecond = new double[rounds];
    double[] stepsPerSecond = new double[rounds];
    StepFlops flops = null;
    try (TrainingData data =
        TrainingData.prepare(run, injector.getInstance(DatasetCatalog.class))) {
      zoo.validate(run.model(), data.input());
      for (int r = 0; r < rounds; r++) {
        List<RunMetadata> traced = new ArrayList<>();
        Round m = round(zoo, placement, registry, run.withSeed(42L + r), data, r == 0, traced);
        imagesPerSecond[r] = m.images() / m.seconds();
        stepsPerSecond[r] = steps / m.seconds();
        if (r == 0) {
          flops = m.flops();
          System.out.printf(
              Locale.ROOT,
              "tfjlab %s: phase %d/%d (%s, %s step), batch %d, %s, %s labels, %d threads%n",
              name,
              m.phaseIndex() + 1,
              m.phases(),
              m.phaseName(),
              m.kind(),
              run.batchSize(),
              data.name(),
              run.labels() == 0 ? "all" : String.valueOf(run.labels()),
              threads);
        }
        System.out.printf(
            Locale.ROOT,
            "tfjlab %s batch %d round %d: %.1f images/s, %.2f steps/s, %s%n",
            name,
            run.batchSize(),
            r + 1,
            imagesPerSecond[r],
            stepsPerSecond[r],
            achieved(flops, stepsPerSecond[r], peak));
      }
    }
    printFlops(flops, peak);
    System.out.printf(
        Locale.ROOT,
        "tfjlab %s batch %d%s median %.1f images/s, %.2f steps/s, %s over %d rounds"
            + " (%d warm-up + %d timed steps, %d threads)%n",
        name,
        run.batchSize(),
        run.augment() != null ? " augmented" : "",
        median(imagesPerSecond),
        median(stepsPerSecond),
        achieved(flops, median(stepsPerSecond), peak),
        rounds,
        warmup,
        steps,
        threads);
    return 0;
  }

  /**
   * {@code --inference}: per round a new graph, its evaluation pass and its SavedModel's serving
   * calls ({@link InferenceBench}), then the medians.
   */
  private int inference(ModelZoo zoo, Placement placement, RunSpec run, DatasetCatalog catalog) {
    if (phase != null || peakGflops != null) {
      throw new IllegalArgumentException(
          "bench --inference measures the final model and counts no FLOPs: drop "
              + (phase != null ? "--phase" : "--peak-gflops"));
    }
    String name = modelName(run);
    InferenceBench bench = new InferenceBench(zoo, placement, threads, warmup, steps);
    double[] evaluation = new double[rounds];
    double[] savedModel = new double[rounds];
    try (TrainingData data = TrainingData.prepare(run, catalog)) {
      zoo.validate(run.model(), data.input());
      for (int r = 0; r < rounds; r++) {
        if (r == 0) {
          System.out.printf(
              Locale.ROOT,
              "tfjlab %s inference: batch %d, %s, %d threads; evaluation = the validation pass"
                  + " (loss and metric per batch), savedmodel = serving_default of its export"
                  + " (probabilities and classes); initial weights%n",
              name,
              run.batchSize(),
              data.name(),
              threads);
        }
        InferenceBench.Round m = bench.round(run.withSeed(42L + r), data);
        evaluation[r] = m.evaluation();
        savedModel[r] = m.savedModel();
        System.out.printf(
            Locale.ROOT,
            "tfjlab %s inference batch %d round %d: evaluation %.1f images/s, savedmodel %.1f"
                + " images/s%n",
            name,
            run.batchSize(),
            r + 1,
            evaluation[r],
            savedModel[r]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "tfjlab %s inference batch %d median: evaluation %.1f images/s, savedmodel %.1f images/s"
            + " over %d rounds (%d warm-up + %d timed batches each, %d threads)%n",
        name,
        run.batchSize(),
        median(evaluation),
        median(savedModel),
        rounds,
        warmup,
        steps,
        threads);
    return 0;
  }

  /** The spec, as {@code train} resolves it (family, preset, spec file, options), model filled. */
  RunSpec resolve(ModelZoo zoo) {
    List<SpecLayer> layers = new ArrayList<>();
    if (specFile != null) {
      layers.add(SpecResolver.file(specFile));
    }
    SpecLayer options = OptionLayer.of(this, modelOptions);
    if (augment != null) {
      ObjectNode v = options.values();
      v.set(
          "augment",
          augment ? Json.MAPPER.valueToTree(AugmentSpec.digits()) : NullNode.getInstance());
    }
    layers.add(options);
    RunSpec resolved = new SpecResolver(zoo).resolve(layers).spec();
    return resolved.withModel(zoo.resolve(resolved.model()));
  }

  private static String modelName(RunSpec run) {
    String type = run.model().type();
    return type.equals("sgan")
        ? type + "-" + Json.MAPPER.valueToTree(run.model()).path("discriminator").asText("mlp")
        : type;
  }

  /** What one round measured. */
  private record Round(
      long images,
      double seconds,
      int phaseIndex,
      int phases,
      String phaseName,
      String kind,
      StepFlops flops) {}

  private Round round(
      ModelZoo zoo,
      Placement placement,
      TrainingSteps registry,
      RunSpec run,
      TrainingData data,
      boolean trace,
      List<RunMetadata> traced) {
    try (ModelGraph graph = ModelGraph.build(zoo, placement, run, data.input())) {
      BuiltModel model = graph.model();
      int p = phaseIndex(model);
      Phase ph = model.phases().get(p);
      Session session = graph.session(threads);
      model.dataInit().ifPresent(init -> DataInitialization.run(session, init, data));
      EvaluationWeights.reset(session, model);
      long[] marks = new long[2];
      Callback timer =
          new Callback() {
            @Override
            public void onBatchBegin(TrainingContext c, int batch, int batches) {
              if (batch == warmup + 1) {
                marks[0] = System.nanoTime();
              }
            }

            @Override
            public void onBatchEnd(
                TrainingContext c, int batch, int batches, double loss, double metric) {
              if (batch == warmup + steps) {
                marks[1] = System.nanoTime();
              }
            }
          };
      // the timed steps are global steps warmup .. warmup+steps-1; one more, traced, follows them
      long tracedStep = warmup + steps;
      long[] images = new long[1];
      Trainer trainer =
          new Trainer(
                  graph.training(),
                  session,
                  List.of(timer),
                  run.seed(),
                  run.optimizer().learningRate(),
                  LearningRateSchedule.constant())
              .withSteps(counting(registry, warmup, warmup + steps, images))
              .withStepTrace(trace ? StepTrace.of(tracedStep, traced::add) : StepTrace.NONE);
      trainer.fitPhase(
          p,
          trainer.phaseData(p, data),
          Optional.empty(),
          1,
          Optional.of(warmup + steps + 1),
          "val_loss",
          Optional.empty(),
          TrainerState.start());
      StepFlops flops =
          trace ? FlopCounter.count(traced, FlopCounter.staticShapes(graph.graph())) : null;
      return new Round(
          images[0],
          (marks[1] - marks[0]) / 1e9,
          p,
          model.phases().size(),
          ph.name(),
          TrainingSteps.kindOf(ph),
          flops);
    }
  }

  private int phaseIndex(BuiltModel model) {
    int n = model.phases().size();
    if (phase == null) {
      return n - 1;
    }
    if (phase < 1 || phase > n) {
      throw new IllegalArgumentException(
          "--phase "
              + phase
              + " does not exist: this model has "
              + n
              + " phase"
              + (n == 1 ? "" : "s")
              + " ("
              + String.join(", ", model.phases().stream().map(Phase::name).toList())
              + "); give 1.."
              + n);
    }
    return phase - 1;
  }

  /**
   * The registry's kinds, each step wrapped to add up the examples of the global steps {@code from}
   * (inclusive) to {@code to} (exclusive), the timed ones.
   */
  private static TrainingSteps counting(TrainingSteps registry, long from, long to, long[] images) {
    Map<String, TrainingStep.Factory> m = new LinkedHashMap<>();
    registry
        .factories()
        .forEach(
            (kind, f) ->
                m.put(
                    kind,
                    new TrainingStep.Factory() {
                      @Override
                      public Trainer.PhaseData data(Phase phase, TrainingData data) {
                        return f.data(phase, data);
                      }

                      @Override
                      public TrainingStep create(StepSetup setup) {
                        TrainingStep inner = f.create(setup);
                        return new TrainingStep() {
                          @Override
                          public StepResult run(StepInput in) {
                            StepResult r = inner.run(in);
                            if (in.step() >= from && in.step() < to) {
                              images[0] += r.examples();
                            }
                            return r;
                          }

                          @Override
                          public void close() {
                            inner.close();
                          }
                        };
                      }
                    }));
    return new TrainingSteps(m);
  }

  private static String achieved(StepFlops flops, double stepsPerSecond, MachinePeak peak) {
    if (flops == null || flops.dense() == 0) {
      return "GFLOP/s n/a";
    }
    double g = flops.dense() / 1e9 * stepsPerSecond;
    return String.format(
        Locale.ROOT,
        "%.2f GFLOP/s (%.1f%% of %.1f peak)",
        g,
        100 * g / peak.gflops(),
        peak.gflops());
  }

  private static void printFlops(StepFlops f, MachinePeak peak) {
    System.out.printf(
        Locale.ROOT,
        "FLOPs per training step (counted from the executed graph of a traced step): %.6f"
            + " GFLOP/step (matmul %.6f, conv %.6f); element-wise and reductions about %.6f"
            + " GFLOP/step more, not in GFLOP/s%n",
        f.dense() / 1e9,
        f.matmul() / 1e9,
        f.conv() / 1e9,
        f.elementwise() / 1e9);
    StringBuilder byOp = new StringBuilder("  by op:");
    f.byOp().forEach((op, v) -> byOp.append(String.format(Locale.ROOT, " %s %.6f", op, v / 1e9)));
    System.out.println(byOp);
    if (!f.unresolved().isEmpty()) {
      System.out.println(
          "  not counted (no shape in the trace): " + String.join(", ", f.unresolved()));
    }
    System.out.printf(
        Locale.ROOT, "peak assumed: %.1f GFLOP/s FP32 = %s%n", peak.gflops(), peak.how());
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
