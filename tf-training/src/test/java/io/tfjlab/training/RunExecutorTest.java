package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.zoo.HiddenLayers;
import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.testsupport.Crashes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs on the XOR toy problem: small, synthetic, a few seconds. */
class RunExecutorTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(log, true);

  RunExecutor executor() {
    return io.tfjlab.training.testsupport.ToyExecutor.of(tmp.resolve("data"), out);
  }

  static RunSpec xor(int epochs) {
    return RunSpec.of(ModelSpec.of("xor"))
        .withDataset("toy-xor")
        .withEpochs(epochs)
        .withBatchSize(64)
        .withOptimizer(io.tfjlab.training.optim.OptimizerSpec.adam(0.01))
        .withThreads(1);
  }

  @Test
  void xorTrainsToHighAccuracyAndLeavesACompleteRunFolder() throws Exception {
    RunResult r = executor().train(xor(15), tmp.resolve("runs"), "test", out);
    assertThat(r.testMetric()).isGreaterThanOrEqualTo(0.97);
    Path run = tmp.resolve("runs/xor-toy-xor-all-1");
    assertThat(run.resolve("manifest.json")).isRegularFile();
    assertThat(run.resolve("results.json")).isRegularFile();
    assertThat(run.resolve("checkpoints/best/trainer-state.json")).isRegularFile();
    assertThat(run.resolve("checkpoints/last/trainer-state.json")).isRegularFile();
    assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(16);
    try (Stream<Path> s = Files.list(run.resolve("tensorboard"))) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("events.out.tfevents"));
    }
    Manifest m = Json.read(run.resolve("manifest.json"), Manifest.class);
    assertThat(m.status()).isEqualTo("finished");
    assertThat(m.spec().seed()).isEqualTo(1L);
    assertThat(((HiddenLayers) m.spec().model()).hidden()).containsExactly(10);
    assertThat(m.versions()).containsKeys("tensorflow", "java", "tfjlab");
    assertThat(log.toString())
        .contains("Epoch 1/15 [classifier]", "val_acc", "Test (best checkpoint");
  }

  @Test
  void runFoldersAreNeverReused() {
    executor().train(xor(1), tmp.resolve("runs"), "test", out);
    executor().train(xor(1), tmp.resolve("runs"), "test", out);
    assertThat(tmp.resolve("runs/xor-toy-xor-all-1")).isDirectory();
    assertThat(tmp.resolve("runs/xor-toy-xor-all-2")).isDirectory();
  }

  @Test
  void sameSeedSameHistoryOtherSeedOtherHistory() throws Exception {
    executor().train(xor(3), tmp.resolve("a"), "test", out);
    executor().train(xor(3), tmp.resolve("b"), "test", out);
    executor().train(xor(3).withSeed(2L), tmp.resolve("c"), "test", out);
    List<String> a = losses(tmp.resolve("a/xor-toy-xor-all-1"));
    assertThat(a).isEqualTo(losses(tmp.resolve("b/xor-toy-xor-all-1")));
    assertThat(a).isNotEqualTo(losses(tmp.resolve("c/xor-toy-xor-all-1")));
  }

  @Test
  void anInterruptedRunResumesToTheSameResultAsAnUninterruptedOne() throws Exception {
    RunResult straight = executor().train(xor(4), tmp.resolve("straight"), "test", out);
    Callback crashAfterEpoch2 = Crashes.afterEpoch(2);
    assertThatThrownBy(
            () ->
                executor()
                    .withCallbacks(List.of(crashAfterEpoch2))
                    .train(xor(4), tmp.resolve("crashed"), "test", out))
        .hasMessageContaining("simulated crash");
    Path run = tmp.resolve("crashed/xor-toy-xor-all-1");
    assertThat(run.resolve("results.json")).doesNotExist();
    RunResult resumed = executor().resume(run, out);
    assertThat(log.toString()).contains("Resuming", "epoch 3");
    assertThat(losses(run)).isEqualTo(losses(tmp.resolve("straight/xor-toy-xor-all-1")));
    assertThat(resumed.testLoss()).isEqualTo(straight.testLoss());
    assertThat(resumed.bestEpoch()).isEqualTo(straight.bestEpoch());
    assertThatThrownBy(() -> executor().resume(run, out)).hasMessageContaining("already finished");
    // the manifest records the resume and its checkpoint; a run never resumed records none
    io.tfjlab.training.run.Manifest m =
        io.tfjlab.training.run.Manifest.read(run.resolve("manifest.json"));
    assertThat(m.resumes()).hasSize(1);
    assertThat(m.resumes().get(0).epoch()).isEqualTo(2);
    assertThat(m.resumes().get(0).step()).isPositive();
    assertThat(
            java.nio.file.Files.readString(tmp.resolve("straight/xor-toy-xor-all-1/manifest.json")))
        .doesNotContain("resumes");
  }

  @Test
  void earlyStoppingEndsTheRunAndKeepsTheBestEpoch() throws Exception {
    RunSpec spec =
        xor(200).withPatience(2).withOptimizer(io.tfjlab.training.optim.OptimizerSpec.adam(0.05));
    RunResult r = executor().train(spec, tmp.resolve("runs"), "test", out);
    assertThat(log.toString()).contains("Early stopping");
    assertThat(r.bestEpoch()).isLessThan(200);
    // it stopped right after `patience` epochs without improvement: header + best epoch + 2 rows
    assertThat(Files.readAllLines(tmp.resolve("runs/xor-toy-xor-all-1/history.csv")))
        .hasSize(1 + r.bestEpoch() + 2);
  }

  @Test
  void badSpecsAreRejectedWithTheFieldName() {
    assertThatThrownBy(() -> xor(0)).hasMessageContaining("spec.epochs");
    assertThatThrownBy(() -> xor(1).withMonitor("acc")).hasMessageContaining("spec.monitor");
    assertThatThrownBy(() -> executor().train(xor(1).withDataset("toy-nope"), tmp, "t", out))
        .hasMessageContaining("toy-xor");
    assertThatThrownBy(() -> executor().resume(tmp.resolve("nowhere"), out))
        .hasMessageContaining("not a run folder");
  }

  static List<String> losses(Path run) throws Exception {
    return Files.readAllLines(run.resolve("history.csv")).stream()
        .map(l -> String.join(",", List.of(l.split(",")).subList(0, 7)))
        .toList();
  }
}
