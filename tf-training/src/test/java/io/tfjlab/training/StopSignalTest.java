package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.testsupport.SyntheticImageDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop request (what SIGINT/SIGTERM raise through the shutdown hook) ends the loop after the step
 * under way and writes the {@code last} checkpoint with the position in the epoch (history and
 * {@code best} stay at the last finished epoch), one line says how to resume, and the resumed run
 * continues with the next batch and ends bit for bit where an uninterrupted one does.
 */
class StopSignalTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(log, true);

  RunExecutor executor() {
    return SyntheticImageDataset.executor(tmp.resolve("data"), out);
  }

  @AfterEach
  void clear() {
    StopSignal.global().clear();
  }

  static RunSpec spec() {
    return RunSpec.of(ModelSpec.of("mlp"))
        .withDataset(SyntheticImageDataset.NAME)
        .withThreads(1)
        .withLimitBatches(3)
        .withEpochs(3)
        .withBatchSize(32)
        .withOptimizer(OptimizerSpec.adam(0.01));
  }

  /** Requests a stop after batch {@code batch} of the epoch with 0-based index {@code epoch}. */
  static Callback stopAfter(int epoch, int batch) {
    return new Callback() {
      @Override
      public void onBatchEnd(TrainingContext ctx, int b, int batches, double loss, double metric) {
        if (ctx.state().epoch() == epoch && b == batch) {
          StopSignal.global().request();
        }
      }
    };
  }

  static Path onlyRun(Path root) throws Exception {
    try (var s = Files.list(root)) {
      return s.findFirst().orElseThrow();
    }
  }

  @Test
  void aStopRequestMidEpochSavesThePositionAndTheResumedRunEndsBitIdentical() throws Exception {
    RunResult straight = executor().train(spec(), tmp.resolve("straight"), "test", out);
    Path straightRun = onlyRun(tmp.resolve("straight"));
    Path root = tmp.resolve("stopped");
    List<byte[]> bestAtEpoch1 = new java.util.ArrayList<>();
    Callback keepBest =
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            if (logs.epoch() == 1) {
              bestAtEpoch1.add(
                  NumericalFaultTest.read(
                      onlyRunQuietly(root).resolve("checkpoints/best/model.data-00000-of-00001")));
            }
          }
        };
    assertThatThrownBy(
            () ->
                executor()
                    .withCallbacks(List.of(keepBest, stopAfter(1, 2)))
                    .train(spec(), root, "test", out))
        .isInstanceOf(TrainingStoppedException.class)
        .hasMessageMatching(
            "Stopped at phase classifier, epoch 2 after 2 batches \\(step 5\\); checkpoint 'last'"
                + " holds phase 1, epoch 2 after 2 batches\\. Resume with: \\./tfjlab train"
                + " --resume .*")
        .satisfies(e -> System.out.println("message: " + e.getMessage()));
    StopSignal.global().clear();
    Path run = onlyRun(root);
    assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(2);
    TrainerState atStop =
        io.tfjlab.training.run.Json.read(
            run.resolve("checkpoints/last/trainer-state.json"), TrainerState.class);
    TrainerState bestState =
        io.tfjlab.training.run.Json.read(
            run.resolve("checkpoints/best/trainer-state.json"), TrainerState.class);
    assertThat(atStop.epoch()).isEqualTo(1);
    assertThat(atStop.step()).isEqualTo(5);
    assertThat(atStop.position().batches()).isEqualTo(2);
    assertThat(atStop.position().seen()).isEqualTo(64);
    // the stop changed neither the selection's numbers nor the best checkpoint
    assertThat(List.of(atStop.best(), atStop.bestEpoch(), atStop.sinceBest(), atStop.stopped()))
        .isEqualTo(List.of(bestState.best(), bestState.bestEpoch(), bestState.sinceBest(), false));
    assertThat(bestState.position()).isNull();
    assertThat(NumericalFaultTest.read(run.resolve("checkpoints/best/model.data-00000-of-00001")))
        .isEqualTo(bestAtEpoch1.get(0));
    System.out.println(
        "state at stop: "
            + Files.readString(run.resolve("checkpoints/last/trainer-state.json"))
                .replaceAll("\\s+", " "));
    log.reset();
    RunResult resumed = executor().resume(run, out);
    assertThat(log.toString()).contains("Resuming " + run + " at phase 1, epoch 2, batch 3");
    assertThat(losses(run)).isEqualTo(losses(straightRun));
    assertThat(resumed.testLoss()).isEqualTo(straight.testLoss());
    ResumeMatrixTest.assertSameRun(run, straightRun);
  }

  @Test
  void aRunStoppedTwiceInOneEpochAndResumedTwiceEndsBitIdentical() throws Exception {
    executor().train(spec(), tmp.resolve("straight"), "test", out);
    Path root = tmp.resolve("stopped");
    assertThatThrownBy(
            () -> executor().withCallbacks(List.of(stopAfter(1, 1))).train(spec(), root, "t", out))
        .isInstanceOf(TrainingStoppedException.class);
    StopSignal.global().clear();
    Path run = onlyRun(root);
    assertThatThrownBy(() -> executor().withCallbacks(List.of(stopAfter(1, 2))).resume(run, out))
        .isInstanceOf(TrainingStoppedException.class)
        .hasMessageContaining("holds phase 1, epoch 2 after 2 batches");
    StopSignal.global().clear();
    executor().resume(run, out);
    ResumeMatrixTest.assertSameRun(run, onlyRun(tmp.resolve("straight")));
  }

  @Test
  void aRunFolderWhoseStateHasNoPositionResumesAtItsEpochsStart() throws Exception {
    // a stop at an epoch's first batch writes nothing new: the last checkpoint is that epoch's
    // start
    executor().train(spec(), tmp.resolve("straight"), "test", out);
    Path root = tmp.resolve("stopped");
    Callback atEpochEnd =
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            if (logs.epoch() == 1) {
              StopSignal.global().request();
            }
          }
        };
    assertThatThrownBy(
            () -> executor().withCallbacks(List.of(atEpochEnd)).train(spec(), root, "t", out))
        .isInstanceOf(TrainingStoppedException.class)
        .hasMessageContaining(
            "epoch 2 after 0 batches (step 3); checkpoint 'last' holds phase 1," + " epoch 1.");
    StopSignal.global().clear();
    Path run = onlyRun(root);
    assertThat(Files.readString(run.resolve("checkpoints/last/trainer-state.json")))
        .doesNotContain("position");
    log.reset();
    executor().resume(run, out);
    assertThat(log.toString()).contains("at phase 1, epoch 2 (best so far");
    ResumeMatrixTest.assertSameRun(run, onlyRun(tmp.resolve("straight")));
  }

  static Path onlyRunQuietly(Path root) {
    try {
      return onlyRun(root);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aStopBeforeTheFirstEpochEndsSaysThereIsNothingToResume() {
    StopSignal.global().request();
    assertThatThrownBy(() -> executor().train(spec(), tmp.resolve("early"), "test", out))
        .isInstanceOf(TrainingStoppedException.class)
        .hasMessageContaining("epoch 1 after 0 batches (step 0), before any epoch ended")
        .hasMessageContaining("nothing to resume");
  }

  static List<String> losses(Path run) throws Exception {
    // the columns before the wall-clock ones, as RunExecutorTest compares them
    return Files.readAllLines(run.resolve("history.csv")).stream()
        .map(l -> String.join(",", List.of(l.split(",")).subList(0, 7)))
        .toList();
  }
}
