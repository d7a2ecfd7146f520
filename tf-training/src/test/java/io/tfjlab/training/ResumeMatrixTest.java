package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.optim.OptimizerSpec;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.RunExecutor;
import io.tfjlab.training.run.RunResult;
import io.tfjlab.training.testsupport.FamilyDefaults;
import io.tfjlab.training.testsupport.RunSnapshot;
import io.tfjlab.training.testsupport.SyntheticImageDataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that crashes (a callback throws) and is resumed with {@link RunExecutor#resume} ends bit
 * for bit where the uninterrupted run ends: the same trainer state, history rows, checkpoint
 * tensors (variables, optimiser slots, weight averages) and test results, for a semi-supervised GAN
 * (weight average, labeled and matching streams, data-dependent initialisation), for an autoencoder
 * + classifier crashed inside its pre-training (at an epoch's end and mid-epoch) and at the phase
 * boundary, and for a run with early stopping crashed while its patience counter runs.
 */
class ResumeMatrixTest {
  @TempDir Path tmp;
  final ByteArrayOutputStream log = new ByteArrayOutputStream();
  final PrintStream out = new PrintStream(log, true);

  RunExecutor executor() {
    return SyntheticImageDataset.executor(tmp.resolve("data"), out);
  }

  /**
   * Throws at the end of epoch {@code epoch} (1-based) of phase {@code phase}, after the standard
   * callbacks.
   */
  static Callback crashAtEpochEnd(String phase, int epoch) {
    return new Callback() {
      @Override
      public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
        if (logs.phase().equals(phase) && logs.epoch() == epoch) {
          throw new IllegalStateException("simulated crash after " + phase + " epoch " + epoch);
        }
      }
    };
  }

  /**
   * Throws after batch {@code batch} of epoch {@code epoch} (1-based) of {@code phase}: mid-epoch,
   * unlogged.
   */
  static Callback crashAtBatch(String phase, int epoch, int batch) {
    return new Callback() {
      int epochNow;

      @Override
      public void onEpochBegin(TrainingContext ctx, int e) {
        epochNow = e + 1;
      }

      @Override
      public void onBatchEnd(TrainingContext ctx, int b, int batches, double loss, double metric) {
        if (ctx.phase().name().equals(phase) && epochNow == epoch && b == batch) {
          throw new IllegalStateException(
              "simulated crash in " + phase + " epoch " + epoch + " batch " + batch);
        }
      }
    };
  }

  /**
   * Throws when phase {@code phase} begins (its predecessor's final checkpoint is written by then).
   */
  static Callback crashAtPhaseBegin(String phase) {
    return new Callback() {
      @Override
      public void onPhaseBegin(TrainingContext ctx) {
        if (ctx.phase().name().equals(phase)) {
          throw new IllegalStateException("simulated crash at the start of " + phase);
        }
      }
    };
  }

  Path straight(RunSpec spec) {
    RunResult r = executor().train(spec, tmp.resolve("straight"), "test", out);
    return tmp.resolve("straight").resolve(r.run());
  }

  /**
   * Trains {@code spec} with {@code crash} under its own root and checks it crashed; the run
   * folder.
   */
  Path crashed(RunSpec spec, Callback crash, String name) throws Exception {
    Path root = tmp.resolve(name);
    assertThatThrownBy(
            () -> executor().withCallbacks(List.of(crash)).train(spec, root, "test", out))
        .hasMessageContaining("simulated crash");
    try (var runs = Files.list(root)) {
      Path run = runs.filter(Files::isDirectory).findFirst().orElseThrow();
      assertThat(run.resolve("results.json")).doesNotExist();
      return run;
    }
  }

  /** {@link #crashed}, then resumed to its end. */
  Path crashedAndResumed(RunSpec spec, Callback crash, String name) throws Exception {
    Path run = crashed(spec, crash, name);
    executor().resume(run, out);
    return run;
  }

  static void assertSameRun(Path resumed, Path straight) throws Exception {
    RunSnapshot a = RunSnapshot.of(resumed, "last");
    RunSnapshot b = RunSnapshot.of(straight, "last");
    assertThat(a.history()).as("history.csv without wall time").isEqualTo(b.history());
    assertThat(a.results()).as("results.json without wall time").isEqualTo(b.results());
    assertThat(a.variables())
        .as("every tensor of the last checkpoint, bit for bit")
        .isEqualTo(b.variables());
    assertThat(state(resumed, "last"))
        .as("trainer state of the last checkpoint")
        .isEqualTo(state(straight, "last"));
    assertThat(Files.exists(resumed.resolve("checkpoints/best")))
        .isEqualTo(Files.exists(straight.resolve("checkpoints/best")));
    if (Files.exists(straight.resolve("checkpoints/best"))) {
      assertThat(RunSnapshot.tensors(resumed.resolve("checkpoints/best/model")))
          .as("every tensor of the best checkpoint, bit for bit")
          .isEqualTo(RunSnapshot.tensors(straight.resolve("checkpoints/best/model")));
      assertThat(state(resumed, "best"))
          .as("trainer state of the best checkpoint")
          .isEqualTo(state(straight, "best"));
    }
    assertThat(Files.readString(resumed.resolve("test-predictions.csv")))
        .isEqualTo(Files.readString(straight.resolve("test-predictions.csv")));
  }

  static String state(Path run, String checkpoint) throws Exception {
    return Files.readString(
        run.resolve("checkpoints").resolve(checkpoint).resolve("trainer-state.json"));
  }

  static RunSpec images(RunSpec spec) {
    return spec.withDataset(SyntheticImageDataset.NAME).withThreads(1).withLimitBatches(3);
  }

  @Test
  void sganWithWeightAverageLabeledAndMatchingStreams() throws Exception {
    RunSpec spec =
        images(FamilyDefaults.base(ModelSpec.of("sgan")))
            .withLabels(20)
            .withValidation(0.1)
            .withEpochs(2)
            .withBatchSize(20);
    Path straight = straight(spec);
    Path resumed = crashedAndResumed(spec, crashAtEpochEnd("sgan", 1), "crashed");
    assertThat(log.toString()).contains("Resuming", "epoch 2");
    assertSameRun(resumed, straight);
  }

  @Test
  void sganKilledMidEpochRepeatsThatEpochAndEndsBitIdentical() throws Exception {
    RunSpec spec =
        images(FamilyDefaults.base(ModelSpec.of("sgan")))
            .withLabels(20)
            .withValidation(0.1)
            .withEpochs(3)
            .withBatchSize(20);
    Path straight = straight(spec);
    // after batch 2 of 3 of epoch 2: the weights, slots and averages have moved past the last
    // checkpoint (epoch 1), which is what the resumed run starts from again
    Path run = crashed(spec, crashAtBatch("sgan", 2, 2), "mid-epoch");
    TrainerState atCrash =
        Json.read(run.resolve("checkpoints/last/trainer-state.json"), TrainerState.class);
    assertThat(atCrash.epoch()).as("the last checkpoint is of the epoch before").isEqualTo(1);
    assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(2);
    log.reset();
    executor().resume(run, out);
    assertThat(log.toString()).contains("Resuming " + run + " at phase 1, epoch 2");
    assertSameRun(run, straight);
  }

  @Test
  void sganStoppedMidEpochBySignalResumesFromTheNextBatchBitIdentical() throws Exception {
    RunSpec spec =
        images(FamilyDefaults.base(ModelSpec.of("sgan")))
            .withLabels(20)
            .withValidation(0.1)
            .withEpochs(3)
            .withBatchSize(20);
    Path straight = straight(spec);
    Path root = tmp.resolve("signal");
    try {
      assertThatThrownBy(
              () ->
                  executor()
                      .withCallbacks(List.of(StopSignalTest.stopAfter(1, 2)))
                      .train(spec, root, "test", out))
          .isInstanceOf(TrainingStoppedException.class)
          .hasMessageContaining("checkpoint 'last' holds phase 1, epoch 2 after 2 batches");
    } finally {
      StopSignal.global().clear();
    }
    Path run = StopSignalTest.onlyRun(root);
    TrainerState atStop =
        Json.read(run.resolve("checkpoints/last/trainer-state.json"), TrainerState.class);
    assertThat(atStop.position().batches()).isEqualTo(2);
    assertThat(atStop.position().draws())
        .as("the labeled and matching streams were drawn once per step")
        .containsOnlyKeys("labeled", "match")
        .containsValues(2, 2);
    assertThat(atStop.position().extras()).containsOnlyKeys("g_loss");
    assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(2);
    log.reset();
    executor().resume(run, out);
    assertThat(log.toString()).contains("Resuming " + run + " at phase 1, epoch 2, batch 3");
    assertSameRun(run, straight);
  }

  @Test
  void autoencoderClassifierStoppedMidPretrainingEpochBySignal() throws Exception {
    RunSpec spec =
        images(RunSpec.of(ModelSpec.of("ae-classifier")))
            .withLabels(50)
            .withPretrainEpochs(2)
            .withEpochs(2)
            .withBatchSize(16);
    Path straight = straight(spec);
    Path root = tmp.resolve("signal");
    try {
      assertThatThrownBy(
              () ->
                  executor()
                      .withCallbacks(List.of(StopSignalTest.stopAfter(1, 1)))
                      .train(spec, root, "test", out))
          .isInstanceOf(TrainingStoppedException.class)
          .hasMessageContaining("Stopped at phase autoencoder, epoch 2 after 1 batches");
    } finally {
      StopSignal.global().clear();
    }
    Path run = StopSignalTest.onlyRun(root);
    executor().resume(run, out);
    assertSameRun(run, straight);
  }

  @Test
  void autoencoderClassifierInsidePretrainingAndAtThePhaseBoundary() throws Exception {
    RunSpec spec =
        images(RunSpec.of(ModelSpec.of("ae-classifier")))
            .withLabels(50)
            .withPretrainEpochs(2)
            .withEpochs(2)
            .withBatchSize(16);
    Path straight = straight(spec);
    assertSameRun(
        crashedAndResumed(spec, crashAtEpochEnd("autoencoder", 1), "inside-pretraining"), straight);
    assertSameRun(
        crashedAndResumed(spec, crashAtBatch("autoencoder", 2, 2), "mid-epoch"), straight);
    assertSameRun(
        crashedAndResumed(spec, crashAtEpochEnd("autoencoder", 2), "last-pretraining-epoch"),
        straight);
    assertSameRun(
        crashedAndResumed(spec, crashAtPhaseBegin("classifier"), "classifier-begin"), straight);
  }

  @Test
  void earlyStoppingCrashedWhileItsPatienceRuns() throws Exception {
    int epochs = 12;
    RunSpec spec =
        images(RunSpec.of(ModelSpec.of("mlp")))
            .withEpochs(epochs)
            .withBatchSize(32)
            .withPatience(2)
            .withOptimizer(OptimizerSpec.adam(0.01));
    Path straight = straight(spec);
    List<Double> valLoss = new ArrayList<>();
    List<String> rows = Files.readAllLines(straight.resolve("history.csv"));
    for (String row : rows.subList(1, rows.size())) {
      valLoss.add(Double.parseDouble(row.split(",")[5]));
    }
    assertThat(valLoss).as("the straight run stops early").hasSizeLessThan(epochs);
    // crash one epoch before the stop: its patience counter is then patience - 1 > 0, and only that
    // counter, restored, stops the resumed run after one more epoch
    int crashAt = valLoss.size() - 1;
    Path resumed = crashed(spec, crashAtEpochEnd("classifier", crashAt), "crashed");
    TrainerState atCrash =
        Json.read(resumed.resolve("checkpoints/last/trainer-state.json"), TrainerState.class);
    assertThat(atCrash.epoch()).isEqualTo(crashAt);
    assertThat(atCrash.sinceBest()).as("the patience counter at the crash").isEqualTo(1);
    assertThat(atCrash.stopped()).isFalse();
    executor().resume(resumed, out);
    assertThat(log.toString()).contains("Early stopping");
    assertSameRun(resumed, straight);
  }
}
