package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.testsupport.CheckpointTensors;
import io.tfjlab.training.testsupport.SyntheticImageDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A diverging learning rate makes the loss NaN or infinite: training stops at that step with one
 * line naming the epoch, batch and step, and the checkpoints and history of the epochs before are
 * left exactly as they were (same bytes, finite weights).
 */
class NumericalFaultTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(log, true);

  RunExecutor executor() {
    return SyntheticImageDataset.executor(tmp.resolve("data"), out);
  }

  static RunSpec mlp(double lr) {
    return RunSpec.of(ModelSpec.of("mlp"))
        .withDataset(SyntheticImageDataset.NAME)
        .withThreads(1)
        .withLimitBatches(3)
        .withEpochs(3)
        .withBatchSize(32)
        .withOptimizer(OptimizerSpec.sgd(lr));
  }

  @Test
  void aLearningRateOf1e30StopsAtTheFirstBadStepWithNoCheckpointWritten() {
    assertThatThrownBy(() -> executor().train(mlp(1e30), tmp.resolve("runs"), "test", out))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageMatching(
            "training stopped: loss is (NaN|[+-]Infinity) at phase classifier, epoch 1/3,"
                + " batch \\d/3 \\(step \\d\\); no epoch of this phase had finished.*--lr.*")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
        .satisfies(e -> System.out.println("message: " + e.getMessage()));
    Path run = onlyRun();
    assertThat(run.resolve("checkpoints/last")).doesNotExist();
    assertThat(run.resolve("results.json")).doesNotExist();
    assertThat(log.toString()).doesNotContain("Epoch 1/3 [classifier] -");
  }

  @Test
  void aLossThatDivergesInEpoch2LeavesEpoch1sCheckpointAndHistoryUntouched() throws Exception {
    // epoch 1 at lr 0.01, then the step schedule multiplies it by 1e30
    RunSpec spec =
        mlp(0.01).withSchedule(new LearningRateSchedule("step", 1, 1e30, null)).withEpochs(3);
    Map<String, byte[]> afterEpoch1 = new TreeMap<>();
    Callback snapshot =
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            if (logs.epoch() == 1) {
              afterEpoch1.putAll(files(onlyRun().resolve("checkpoints")));
              afterEpoch1.put("history.csv", read(onlyRun().resolve("history.csv")));
            }
          }
        };
    assertThatThrownBy(
            () ->
                executor()
                    .withCallbacks(List.of(snapshot))
                    .train(spec, tmp.resolve("runs"), "test", out))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageContaining("at phase classifier, epoch 2/3, batch ")
        .hasMessageContaining("the checkpoints and history up to epoch 1 are untouched");
    Path run = onlyRun();
    assertThat(afterEpoch1).containsKey("last/trainer-state.json");
    Map<String, byte[]> now = files(run.resolve("checkpoints"));
    now.put("history.csv", read(run.resolve("history.csv")));
    assertThat(now.keySet()).isEqualTo(afterEpoch1.keySet());
    afterEpoch1.forEach((name, bytes) -> assertThat(now.get(name)).as(name).isEqualTo(bytes));
    assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(2);
    for (CheckpointTensors.Entry t :
        CheckpointTensors.read(run.resolve("checkpoints/last/model")).values()) {
      if (t.dtype() == org.tensorflow.proto.DataType.DT_FLOAT) {
        for (float v : t.floats()) {
          assertThat(Float.isFinite(v)).as(t.name()).isTrue();
        }
      }
    }
    System.out.println(log.toString().lines().filter(l -> l.contains("Epoch")).toList());
  }

  @Test
  void anInfiniteGeneratorLossStopsTheLoopBeforeTheEpochIsLoggedOrSaved() {
    io.tfjlab.training.testsupport.ScriptedTraining.Store store =
        new io.tfjlab.training.testsupport.ScriptedTraining.Store();
    io.tfjlab.training.testsupport.ScriptedTraining.Step step =
        new io.tfjlab.training.testsupport.ScriptedTraining.Step(
            in ->
                new io.tfjlab.training.steps.StepResult(
                    in.batch().size(),
                    0.5,
                    0.25,
                    Map.of("g_loss", in.step() == 3 ? Double.POSITIVE_INFINITY : 1.0)));
    EpochLoop loop =
        new EpochLoop(
            null,
            List.of(new io.tfjlab.training.callbacks.ModelCheckpoint(store, 0)),
            0.1,
            LearningRateSchedule.constant(),
            io.tfjlab.training.testsupport.ScriptedTraining.validation(
                new double[] {1, 1, 1}, new double[3]));
    EpochLoop.Plan plan =
        new EpochLoop.Plan(
            0,
            io.tfjlab.training.testsupport.ScriptedTraining.phase("gan", "acc"),
            Trainer.PhaseData.of(new io.tfjlab.training.testsupport.ScriptedTraining.Source(8, 4)),
            java.util.Optional.empty(),
            3,
            java.util.Optional.empty());
    assertThatThrownBy(() -> loop.run(plan, step, TrainerState.start()))
        .isInstanceOf(NonFiniteLossException.class)
        .hasMessageContaining("g_loss is +Infinity at phase gan, epoch 2/3, batch 2/2 (step 4)")
        .extracting(e -> ((NonFiniteLossException) e).step())
        .isEqualTo(4L);
    assertThat(store.saved.get(io.tfjlab.training.callbacks.ModelCheckpoint.LAST).epoch())
        .isEqualTo(1);
  }

  Path onlyRun() {
    try (Stream<Path> s = Files.list(tmp.resolve("runs"))) {
      List<Path> runs = s.toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static Map<String, byte[]> files(Path root) {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      s.filter(Files::isRegularFile).forEach(p -> out.put(root.relativize(p).toString(), read(p)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }

  static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
