package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.steps.AdversarialStep;
import io.tfjlab.training.steps.StepInput;
import io.tfjlab.training.steps.StepResult;
import io.tfjlab.training.steps.StepSetup;
import io.tfjlab.training.steps.SupervisedStep;
import io.tfjlab.training.steps.TrainingStep;
import io.tfjlab.training.steps.TrainingSteps;
import io.tfjlab.training.testsupport.CheckpointTensors;
import io.tfjlab.training.testsupport.FamilyDefaults;
import io.tfjlab.training.testsupport.SyntheticImageDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.types.TFloat32;

/**
 * {@code nonFinite: "skip"}: a step whose loss or resulting weights are not finite (a batch with an
 * infinite pixel, a learning rate that diverges) changes no variable of the graph (weights, Adam
 * slots and β powers, weight averages), is counted (a warning per epoch, {@code results.json}) and
 * training goes on; an epoch whose every step was skipped stops training. The default ({@code
 * stop}) stops at the bad step.
 */
class NonFiniteSkipTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(log, true);
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  PrintStream savedErr;

  @BeforeEach
  void captureErr() {
    savedErr = System.err;
    System.setErr(new PrintStream(errBytes, true));
  }

  @AfterEach
  void restoreErr() {
    System.setErr(savedErr);
    System.err.print(errBytes);
  }

  RunExecutor executor() {
    return SyntheticImageDataset.executor(tmp.resolve("data"), out);
  }

  static RunSpec mlp() {
    return RunSpec.of(ModelSpec.of("mlp"))
        .withDataset(SyntheticImageDataset.NAME)
        .withThreads(1)
        .withLimitBatches(3)
        .withEpochs(3)
        .withBatchSize(32)
        .withOptimizer(OptimizerSpec.adam(0.01));
  }

  /** The built-in steps, the main batch of global step {@code at} given an infinite pixel. */
  static TrainingSteps poisonedAt(long at) {
    return TrainingSteps.builtIn()
        .with(SupervisedStep.KIND, poisoned(new SupervisedStep.Factory(), at))
        .with(AdversarialStep.KIND, poisoned(new AdversarialStep.Factory(), at));
  }

  static TrainingStep.Factory poisoned(TrainingStep.Factory inner, long at) {
    return new TrainingStep.Factory() {
      @Override
      public Trainer.PhaseData data(Phase phase, TrainingData data) {
        return inner.data(phase, data);
      }

      @Override
      public TrainingStep create(StepSetup setup) {
        TrainingStep step = inner.create(setup);
        return new TrainingStep() {
          @Override
          public StepResult run(StepInput in) {
            if (in.step() != at) {
              return step.run(in);
            }
            Batch b = in.batch();
            try (TFloat32 bad = TFloat32.tensorOf(b.images().shape())) {
              b.images().copyTo(bad);
              bad.setFloat(Float.POSITIVE_INFINITY, new long[(int) bad.shape().numDimensions()]);
              return step.run(
                  new StepInput(
                      new Batch(bad, b.labels(), b.indices(), b.number()),
                      in.step(),
                      in.learningRate(),
                      in.streams()));
            }
          }

          @Override
          public void close() {
            step.close();
          }
        };
      }
    };
  }

  /** Saves every variable after step {@code at - 1} and after step {@code at} (0-based). */
  final class AroundStep implements Callback {
    final long at;
    long done;

    AroundStep(long at) {
      this.at = at;
    }

    @Override
    public void onBatchEnd(TrainingContext ctx, int batch, int batches, double loss, double m) {
      done++;
      if (done == at) {
        ctx.session().save(tmp.resolve("before/model").toString());
      } else if (done == at + 1) {
        ctx.session().save(tmp.resolve("after/model").toString());
      }
    }
  }

  static void assertSameTensors(Path a, Path b) {
    SortedMap<String, CheckpointTensors.Entry> x = CheckpointTensors.read(a);
    SortedMap<String, CheckpointTensors.Entry> y = CheckpointTensors.read(b);
    assertThat(y.keySet()).isEqualTo(x.keySet());
    x.forEach(
        (name, e) ->
            assertThat(Arrays.equals(e.bytes(), y.get(name).bytes()))
                .as(name + " unchanged by the skipped step")
                .isTrue());
  }

  static void assertFinite(Path prefix) {
    for (CheckpointTensors.Entry t : CheckpointTensors.read(prefix).values()) {
      for (float v : t.floats()) {
        assertThat(Float.isFinite(v)).as(t.name()).isTrue();
      }
    }
  }

  List<String> warnings() {
    return errBytes.toString().lines().filter(l -> l.startsWith("warning:")).toList();
  }

  @Test
  void aBatchWithAnInfinitePixelIsSkippedWithoutChangingAnyVariable() throws Exception {
    long at = 4; // epoch 2, batch 2
    AroundStep around = new AroundStep(at);
    RunResult r =
        executor()
            .withSteps(poisonedAt(at))
            .withCallbacks(List.of(around))
            .train(mlp().withNonFinite(RunSpec.SKIP), tmp.resolve("runs"), "test", out);
    assertThat(r.skippedSteps()).isEqualTo(1L);
    Path run = onlyRun("runs");
    assertThat(Files.readString(run.resolve("results.json"))).contains("\"skippedSteps\" : 1");
    assertThat(warnings())
        .containsExactly(
            "warning: skipped 1 step(s) of phase classifier, epoch 2/3: loss or weights not finite;"
                + " they changed no weight and no optimiser state (--on-nonfinite skip)");
    assertSameTensors(tmp.resolve("before/model"), tmp.resolve("after/model"));
    assertFinite(run.resolve("checkpoints/last/model"));
    assertThat(Json.read(run.resolve("checkpoints/last/trainer-state.json"), TrainerState.class))
        .satisfies(s -> assertThat(s.skipped()).isEqualTo(1))
        .satisfies(s -> assertThat(s.step()).isEqualTo(9));
    List<String> rows = Files.readAllLines(run.resolve("history.csv"));
    assertThat(rows).hasSize(4);
    rows.subList(1, 4).forEach(row -> assertThat(Double.parseDouble(row.split(",")[2])).isFinite());
    System.out.println("skip: " + warnings() + "; results " + r);
  }

  @Test
  void theDefaultStopsAtThatBatchAndADefaultRunsFilesDoNotMentionTheOption() throws Exception {
    RunResult clean = executor().train(mlp(), tmp.resolve("clean"), "test", out);
    assertThat(clean.skippedSteps()).isNull();
    Path cleanRun = onlyRun("clean");
    assertThat(Files.readString(cleanRun.resolve("results.json"))).doesNotContain("skipped");
    assertThat(Files.readString(cleanRun.resolve("manifest.json"))).doesNotContain("nonFinite");
    assertThat(Files.readString(cleanRun.resolve("checkpoints/last/trainer-state.json")))
        .doesNotContain("skipped");
    assertThatThrownBy(
            () -> executor().withSteps(poisonedAt(4)).train(mlp(), tmp.resolve("runs"), "t", out))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageContaining("at phase classifier, epoch 2/3, batch 2/3 (step 5)");
    assertThat(warnings()).isEmpty();
  }

  @Test
  void aLearningRateThatDivergesFromEpoch2SkipsItsStepsThenStopsAtTheFirstEpochSkippedWhole()
      throws Exception {
    RunSpec spec =
        mlp()
            .withOptimizer(OptimizerSpec.sgd(0.01))
            .withSchedule(new LearningRateSchedule("step", 1, 1e30, null))
            .withNonFinite(RunSpec.SKIP);
    // epoch 2's first step at 1e28 leaves huge but finite weights; every later step is skipped
    List<byte[]> atEpochEnd = new ArrayList<>();
    Callback keep =
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            atEpochEnd.add(
                NumericalFaultTest.read(onlyRun("runs").resolve("checkpoints/last/model.index")));
          }
        };
    assertThatThrownBy(
            () ->
                executor()
                    .withCallbacks(List.of(keep))
                    .train(spec, tmp.resolve("runs"), "test", out))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessage(
            "training stopped: every step of phase classifier, epoch 3/3 was skipped (3 of 3:"
                + " loss or weights not finite, up to step 9); the checkpoints and history up to"
                + " epoch 2 are untouched. Fix: lower the learning rate (--lr) or check the data"
                + " and the schedule")
        .satisfies(e -> System.out.println("diverging: " + e.getMessage()));
    Path run = onlyRun("runs");
    assertThat(atEpochEnd).hasSize(2);
    assertThat(NumericalFaultTest.read(run.resolve("checkpoints/last/model.index")))
        .isEqualTo(atEpochEnd.get(1));
    assertFinite(run.resolve("checkpoints/last/model"));
    assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(3);
    assertThat(warnings())
        .singleElement()
        .asString()
        .startsWith("warning: skipped 2 step(s) of phase classifier, epoch 2/3");
  }

  @Test
  void aLearningRateOf1e30SkipsAllButTheFirstStepThenStops() {
    assertThatThrownBy(
            () ->
                executor()
                    .train(
                        mlp().withOptimizer(OptimizerSpec.sgd(1e30)).withNonFinite(RunSpec.SKIP),
                        tmp.resolve("runs"),
                        "test",
                        out))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageStartingWith(
            "training stopped: every step of phase classifier, epoch 2/3 was skipped (3 of 3")
        .hasMessageContaining("up to step 6); the checkpoints and history up to epoch 1");
    // the first step at 1e30 gives huge but finite weights: it is kept; the next two are skipped
    assertThat(warnings()).hasSize(2);
    assertThat(warnings().get(0)).startsWith("warning: learning rate 1.0E30 for sgd is above 1");
    assertThat(warnings().get(1))
        .startsWith("warning: skipped 2 step(s) of phase classifier, epoch 1/3");
  }

  @Test
  void aGanStepWithAnInfiniteRealPixelChangesNeitherSideNorTheWeightAverage() throws Exception {
    long at = 4; // epoch 2 of 2, batch 2 of 3
    RunSpec spec =
        FamilyDefaults.base(ModelSpec.of("sgan"))
            .withDataset(SyntheticImageDataset.NAME)
            .withThreads(1)
            .withLimitBatches(3)
            .withLabels(20)
            .withValidation(0.1)
            .withEpochs(2)
            .withBatchSize(20)
            .withNonFinite(RunSpec.SKIP);
    RunResult r =
        executor()
            .withSteps(poisonedAt(at))
            .withCallbacks(List.of(new AroundStep(at)))
            .train(spec, tmp.resolve("runs"), "test", out);
    assertThat(r.skippedSteps()).isEqualTo(1L);
    SortedMap<String, CheckpointTensors.Entry> names =
        CheckpointTensors.read(tmp.resolve("before/model"));
    assertThat(names.keySet())
        .anyMatch(n -> n.contains("generator"))
        .anyMatch(n -> n.contains("beta1_power"));
    assertSameTensors(tmp.resolve("before/model"), tmp.resolve("after/model"));
    assertFinite(onlyRun("runs").resolve("checkpoints/last/model"));
    assertThat(warnings()).singleElement().asString().contains("phase sgan, epoch 2/2");
    System.out.println("gan skip: " + warnings() + "; " + names.size() + " tensors unchanged");
  }

  Path onlyRun(String root) {
    try (Stream<Path> s = Files.list(tmp.resolve(root))) {
      List<Path> runs = s.toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
