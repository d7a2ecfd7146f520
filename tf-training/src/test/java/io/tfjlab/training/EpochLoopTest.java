package io.tfjlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.callbacks.Callback;
import io.tfjlab.training.callbacks.CsvLogger;
import io.tfjlab.training.callbacks.ModelCheckpoint;
import io.tfjlab.training.optim.LearningRateSchedule;
import io.tfjlab.training.steps.StepResult;
import io.tfjlab.training.testsupport.ScriptedTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The loop of one phase with a scripted step and scripted validation values (no TensorFlow): what
 * it sums, logs and counts, and the selection callbacks and the history it drives.
 */
class EpochLoopTest {
  @TempDir Path tmp;
  final ScriptedTraining.Store store = new ScriptedTraining.Store();
  final Phase classifier = ScriptedTraining.phase("classifier", "acc");

  EpochLoop loop(List<Callback> callbacks, Validation validation) {
    return new EpochLoop(null, callbacks, 0.1, LearningRateSchedule.constant(), validation);
  }

  static EpochLoop.Plan plan(Phase phase, Trainer.PhaseData data, int epochs, boolean validated) {
    return new EpochLoop.Plan(
        0,
        phase,
        data,
        validated ? Optional.of(new ScriptedTraining.Source(100)) : Optional.empty(),
        epochs,
        Optional.empty());
  }

  /** A step of constant numbers: loss 0.5, metric 0.25. */
  static ScriptedTraining.Step constantStep() {
    return new ScriptedTraining.Step(in -> StepResult.of(in.batch().size(), 0.5, 0.25));
  }

  List<String> historyRows() throws Exception {
    List<String> lines = Files.readAllLines(tmp.resolve("history.csv"));
    return lines.subList(1, lines.size());
  }

  @Test
  void earlyStoppingOnScriptedValidationLeavesBestEpochPlusPatienceHistoryRows() throws Exception {
    double[] valLoss = {0.9, 0.7, 0.5, 0.6, 0.55, 0.8, 0.3, 0.2};
    List<Callback> callbacks = new ArrayList<>(Trainer.selection("val_loss", Optional.of(3)));
    callbacks.add(new CsvLogger(tmp.resolve("history.csv")));
    callbacks.add(new ModelCheckpoint(store, 0));
    ScriptedTraining.Step step = constantStep();
    TrainerState end =
        loop(callbacks, ScriptedTraining.validation(valLoss, new double[valLoss.length]))
            .run(
                plan(classifier, Trainer.PhaseData.of(new ScriptedTraining.Source(4, 4)), 8, true),
                step,
                TrainerState.start());
    assertThat(end.bestEpoch()).isEqualTo(3);
    assertThat(historyRows()).hasSize(3 + 3);
    assertThat(end).isEqualTo(new TrainerState(0, 6, 12, 0.5, 3, 3, true));
    assertThat(store.saved.get(ModelCheckpoint.BEST).epoch()).isEqualTo(3);
    assertThat(step.inputs).hasSize(12);
  }

  @Test
  void valAccSelectsTheArgmaxEpoch() throws Exception {
    double[] valAcc = {0.2, 0.6, 0.5, 0.7, 0.65};
    List<Callback> callbacks = new ArrayList<>(Trainer.selection("val_acc", Optional.empty()));
    callbacks.add(new CsvLogger(tmp.resolve("history.csv")));
    callbacks.add(new ModelCheckpoint(store, 0));
    TrainerState end =
        loop(callbacks, ScriptedTraining.validation(new double[5], valAcc))
            .run(
                plan(classifier, Trainer.PhaseData.of(new ScriptedTraining.Source(4)), 5, true),
                constantStep(),
                TrainerState.start());
    assertThat(end.bestEpoch()).isEqualTo(4);
    assertThat(end.best()).isEqualTo(0.7);
    assertThat(historyRows()).hasSize(5);
    assertThat(new ModelCheckpoint(store, 0).restoreForTest(null, "best", end).epoch())
        .isEqualTo(4);
    assertThat(new ModelCheckpoint(store, 0).restoreForTest(null, "last", end).epoch())
        .isEqualTo(5);
  }

  @Test
  void aPhaseWithoutValidationFollowsItsLossAndFallsBackToLast() throws Exception {
    List<Callback> callbacks = new ArrayList<>(Trainer.selection("val_loss", Optional.empty()));
    callbacks.add(new ModelCheckpoint(store, 0));
    List<String> monitors = new ArrayList<>();
    callbacks.add(
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
            monitors.add(ctx.monitor() + (ctx.validated() ? "+val" : "") + logs.metrics().keySet());
          }
        });
    // the training loss falls epoch after epoch
    ScriptedTraining.Step step =
        new ScriptedTraining.Step(in -> StepResult.of(4, 1.0 / (1 + in.step()), 0));
    Validation never =
        (p, s) -> {
          throw new AssertionError("a phase without validation source is not validated");
        };
    TrainerState end =
        loop(callbacks, never)
            .run(
                plan(classifier, Trainer.PhaseData.of(new ScriptedTraining.Source(4)), 3, false),
                step,
                TrainerState.start());
    assertThat(monitors).containsOnly("loss[loss, acc, lr, train_seconds]");
    assertThat(end.bestEpoch()).isEqualTo(3);
    assertThat(store.exists(ModelCheckpoint.BEST)).isFalse();
    assertThat(new ModelCheckpoint(store, 0).restoreForTest(null, "best", end))
        .isEqualTo(new ModelCheckpoint.Choice("last", end, 3));
  }

  @Test
  void aPhaseThatDoesNotValidateIsNotValidatedEvenWithASource() {
    Phase fixed =
        new Phase(
            "gan",
            null,
            null,
            "d_acc",
            List.of(),
            List.of(),
            Phase.PhaseData.ALL_TRAIN,
            null,
            null,
            false,
            Optional.empty(),
            List.of());
    List<Map<String, Double>> logs = new ArrayList<>();
    Callback record =
        new Callback() {
          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs l) {
            logs.add(l.metrics());
          }
        };
    loop(
            List.of(record),
            (p, s) -> {
              throw new AssertionError("validated");
            })
        .run(
            plan(fixed, Trainer.PhaseData.of(new ScriptedTraining.Source(2)), 1, true),
            constantStep(),
            TrainerState.start());
    assertThat(logs.get(0)).containsOnlyKeys("loss", "d_acc", "lr", "train_seconds");
  }

  @Test
  void sumsAreExampleWeightedAndExtrasFollowTheMetric() {
    // batches of 3 and 1 examples: losses 1 and 5 -> epoch mean (3 + 5) / 4 = 2
    ScriptedTraining.Step step =
        new ScriptedTraining.Step(
            in -> {
              Map<String, Double> extras = new LinkedHashMap<>();
              extras.put("g_loss", in.batch().size() == 3 ? 2.0 : 6.0);
              extras.put("z", 1.0);
              return new StepResult(in.batch().size(), in.batch().size() == 3 ? 1 : 5, 0.5, extras);
            });
    List<EpochLogs> logs = new ArrayList<>();
    List<String> events = new ArrayList<>();
    Callback record =
        new Callback() {
          @Override
          public void onBatchBegin(TrainingContext ctx, int batch, int batches) {
            events.add("begin " + batch + "/" + batches);
          }

          @Override
          public void onBatchEnd(
              TrainingContext ctx, int batch, int batches, double loss, double metric) {
            events.add("end " + batch + " " + loss);
          }

          @Override
          public void onEpochEnd(TrainingContext ctx, EpochLogs l) {
            logs.add(l);
          }
        };
    LearningRateSchedule halving = new LearningRateSchedule("step", 1, 0.5, null);
    new EpochLoop(
            null,
            List.of(record),
            0.1,
            halving,
            ScriptedTraining.validation(new double[] {0.7, 0.6}, new double[] {0.8, 0.9}))
        .run(
            plan(classifier, Trainer.PhaseData.of(new ScriptedTraining.Source(3, 1)), 2, true),
            step,
            new TrainerState(0, 0, 40, Double.NaN, 0, 0, false));
    EpochLogs first = logs.get(0);
    assertThat(first.metrics().keySet())
        .containsExactly(
            "loss", "acc", "g_loss", "z", "val_loss", "val_acc", "lr", "train_seconds");
    assertThat(first.get("loss")).isEqualTo(2.0);
    assertThat(first.get("g_loss")).isEqualTo(3.0);
    assertThat(first.get("val_acc")).isEqualTo(0.8);
    assertThat(first.examples()).isEqualTo(4);
    assertThat(first.get("lr")).isEqualTo(0.1);
    assertThat(logs.get(1).get("lr")).isEqualTo(0.05);
    assertThat(events.subList(0, 4))
        .containsExactly("begin 1/2", "end 1 1.0", "begin 2/2", "end 2 2.0");
    // global steps continue from the state's count; each input carries its epoch's rate
    assertThat(step.inputs.stream().map(i -> i.step()).toList())
        .containsExactly(40L, 41L, 42L, 43L);
    assertThat(step.inputs.get(2).learningRate()).isEqualTo(0.05);
  }

  @Test
  void extraStreamsCycleAndAMissingOneIsNamed() {
    ScriptedTraining.Source labeled = new ScriptedTraining.Source(2);
    List<Integer> numbers = new ArrayList<>();
    ScriptedTraining.Step step =
        new ScriptedTraining.Step(
            in -> {
              numbers.add(in.next("labeled").number());
              return StepResult.of(1, 0, 0);
            });
    Trainer.PhaseData data =
        Trainer.PhaseData.of(new ScriptedTraining.Source(1, 1, 1)).with("labeled", labeled);
    loop(List.of(), null).run(plan(classifier, data, 2, false), step, TrainerState.start());
    // three steps per epoch from a one-batch stream: pass after pass, pass numbers derived from the
    // epoch
    assertThat(numbers).containsExactly(0, 0, 0, 0, 0, 0);
    assertThat(labeled.passes).containsExactly(0, 1, 2, 1_000_003, 1_000_004, 1_000_005);
    ScriptedTraining.Step needsMatch =
        new ScriptedTraining.Step(
            in -> {
              in.next("match");
              return StepResult.of(1, 0, 0);
            });
    assertThatThrownBy(
            () ->
                loop(List.of(), null)
                    .run(plan(classifier, data, 1, false), needsMatch, TrainerState.start()))
        .hasMessageContaining("'match'")
        .hasMessageContaining("[labeled]");
  }

  @Test
  void aStepMayNotReportANumberUnderANameTheLoopWrites() {
    ScriptedTraining.Step step =
        new ScriptedTraining.Step(in -> new StepResult(1, 0, 0, Map.of("val_loss", 1.0)));
    assertThatThrownBy(
            () ->
                loop(List.of(), null)
                    .run(
                        plan(
                            classifier,
                            Trainer.PhaseData.of(new ScriptedTraining.Source(1)),
                            1,
                            false),
                        step,
                        TrainerState.start()))
        .hasMessageContaining("'val_loss'");
  }
}
