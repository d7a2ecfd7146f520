package io.tfjlab.eval.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.RunSpec;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.run.FolderLock;
import io.tfjlab.training.run.RunExecutor;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes over one runs folder: while another process holds an interrupted run (it is
 * training or resuming it), this one neither resumes it ({@code --resume} says so in one line) nor
 * trains it again: the ledger waits, then resumes or reuses it, so one run folder results.
 */
class ConcurrentLedgerTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(log, true);

  RunExecutor executor() {
    return io.tfjlab.training.testsupport.ToyExecutor.of(tmp.resolve("data"), out);
  }

  static RunSpec xor() {
    return RunSpec.of(ModelSpec.of("xor")).withDataset("toy-xor").withEpochs(3).withThreads(1);
  }

  @Test
  void aRunLockedByAnotherProcessIsNeitherResumedNorTrainedTwice() throws Exception {
    Path runs = tmp.resolve("runs");
    Callback crash =
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            if (logs.epoch() == 1) {
              throw new IllegalStateException("simulated crash");
            }
          }
        };
    assertThatThrownBy(() -> executor().withCallbacks(List.of(crash)).train(xor(), runs, "t", out))
        .hasMessageContaining("simulated crash");
    Path run = runs.resolve("xor-toy-xor-all-1");
    RunSpec resolved = executor().resolve(xor());
    assertThat(new RunLedger(runs).find(resolved)).isEqualTo(new RunLedger.Interrupted(run));

    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                run.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader holderOut =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(holderOut.readLine()).isEqualTo("locked");
      assertThat(FolderLock.isBusy(run)).isTrue();
      assertThatThrownBy(() -> executor().resume(run, out))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is being trained by another tfjlab process right now");
      assertThat(new RunLedger(runs).find(resolved)).isInstanceOf(RunLedger.Missing.class);

      CompletableFuture<RunLedger.Obtained> obtained =
          CompletableFuture.supplyAsync(
              () -> new RunLedger(runs).obtain(executor(), resolved, "t", out));
      Thread.sleep(1_500);
      assertThat(obtained).isNotDone();
      assertThat(log.toString()).contains("waiting for " + run);
      holder.getOutputStream().close(); // the other process lets go
      RunLedger.Obtained o = obtained.get(120, TimeUnit.SECONDS);
      assertThat(o.run()).isEqualTo(run);
      assertThat(log.toString()).contains("resuming interrupted " + run);
    } finally {
      holder.destroy();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
    try (Stream<Path> s = Files.list(runs)) {
      assertThat(s.toList()).containsExactly(run);
    }
    assertThat(run.resolve("results.json")).isRegularFile();
  }
}
