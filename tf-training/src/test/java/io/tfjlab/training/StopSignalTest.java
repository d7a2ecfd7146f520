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
 * under way: the run's checkpoints and history stay at the last finished epoch, one line says how
 * to resume, and the resumed run ends exactly where an uninterrupted one does.
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

  @Test
  void aStopRequestMidEpochEndsAfterTheStepAndTheRunResumesExactly() throws Exception {
    RunResult straight = executor().train(spec(), tmp.resolve("straight"), "test", out);
    Callback stopInEpoch2 =
        new Callback() {
          @Override
          public void onBatchEnd(
              TrainingContext ctx, int batch, int batches, double loss, double metric) {
            if (ctx.state().epoch() == 1 && batch == 2) {
              StopSignal.global().request();
            }
          }
        };
    Path root = tmp.resolve("stopped");
    assertThatThrownBy(
            () -> executor().withCallbacks(List.of(stopInEpoch2)).train(spec(), root, "test", out))
        .isInstanceOf(TrainingStoppedException.class)
        .hasMessageMatching(
            "Stopped at phase classifier, epoch 2 after 2 batches \\(step 5\\); checkpoint 'last'"
                + " holds phase 1, epoch 1\\. Resume with: \\./tfjlab train --resume .*")
        .satisfies(e -> System.out.println("message: " + e.getMessage()));
    StopSignal.global().clear();
    Path run;
    try (var s = Files.list(root)) {
      run = s.findFirst().orElseThrow();
    }
    assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(2);
    assertThat(Files.readString(run.resolve("checkpoints/last/trainer-state.json")))
        .contains("\"epoch\" : 1", "\"step\" : 3");
    RunResult resumed = executor().resume(run, out);
    Path straightRun;
    try (var s = Files.list(tmp.resolve("straight"))) {
      straightRun = s.findFirst().orElseThrow();
    }
    assertThat(losses(run)).isEqualTo(losses(straightRun));
    assertThat(resumed.testLoss()).isEqualTo(straight.testLoss());
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
