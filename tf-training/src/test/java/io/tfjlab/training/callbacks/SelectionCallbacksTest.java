package io.tfjlab.training.callbacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.models.zoo.Phase;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainerState;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.testsupport.ScriptedTraining;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Best-epoch tracking, early stopping and checkpoints fed scripted epochs (no TensorFlow): the
 * callbacks in the order the trainer runs them, the state advanced as the loop advances it.
 */
class SelectionCallbacksTest {
  final ScriptedTraining.Store store = new ScriptedTraining.Store();

  /** What the epochs of a scripted phase left behind. */
  record Outcome(TrainingContext ctx, List<Boolean> improved, int epochsRun) {}

  /**
   * Runs epochs with these monitored values (and training loss {@code 1/epoch}) through {@code
   * callbacks} as the loop does: state advanced, improved cleared, then onEpochEnd; stops when a
   * callback requests it.
   */
  static Outcome feed(
      Phase phase, boolean validated, String key, double[] values, List<Callback> callbacks) {
    TrainingContext ctx =
        new TrainingContext(null, phase, values.length, validated, TrainerState.start());
    callbacks.forEach(c -> c.onPhaseBegin(ctx));
    List<Boolean> improved = new ArrayList<>();
    int e = 0;
    while (e < values.length && !ctx.state().stopped()) {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put("loss", 1.0 / (e + 1));
      m.put(phase.metricName(), 0.5);
      if (validated) {
        m.put("val_loss", key.equals("val_loss") ? values[e] : 1.0);
        m.put("val_" + phase.metricName(), key.equals("val_loss") ? 0.5 : values[e]);
      }
      EpochLogs logs = new EpochLogs(phase.name(), e + 1, values.length, m, 1, 10);
      ctx.state(ctx.state().withProgress(0, e + 1, 10L * (e + 1)));
      ctx.improved(false);
      callbacks.forEach(c -> c.onEpochEnd(ctx, logs));
      improved.add(ctx.improved());
      e++;
    }
    callbacks.forEach(c -> c.onPhaseEnd(ctx));
    return new Outcome(ctx, improved, e);
  }

  List<Callback> standard(String monitor, Integer patience) {
    List<Callback> c = new ArrayList<>();
    c.add(new BestEpoch(monitor));
    if (patience != null) {
      c.add(new EarlyStopping(patience));
    }
    c.add(new ModelCheckpoint(store, 0));
    return c;
  }

  static Phase classifier() {
    return ScriptedTraining.phase("classifier", "acc");
  }

  @Test
  void theBestEpochIsTheArgminOfTheValidationLoss() {
    double[] valLoss = {0.9, 0.5, 0.7, 0.4, 0.6, 0.45};
    Outcome o = feed(classifier(), true, "val_loss", valLoss, standard("val_loss", null));
    assertThat(o.ctx().monitor()).isEqualTo("val_loss");
    assertThat(o.ctx().state().bestEpoch()).isEqualTo(4);
    assertThat(o.ctx().state().best()).isEqualTo(0.4);
    assertThat(o.ctx().state().sinceBest()).isEqualTo(2);
    assertThat(o.improved()).containsExactly(true, true, false, true, false, false);
    assertThat(store.log.stream().filter(s -> s.startsWith("best")).toList())
        .containsExactly("best@0:1", "best@0:2", "best@0:4");
    assertThat(store.saved.get(ModelCheckpoint.BEST).bestEpoch()).isEqualTo(4);
    assertThat(store.log.stream().filter(s -> s.startsWith("last"))).hasSize(6);
  }

  @Test
  void valAccIsMaximisedAndTheFirstOfEqualValuesWins() {
    double[] valAcc = {0.5, 0.8, 0.7, 0.8, 0.6};
    Outcome o = feed(classifier(), true, "val_acc", valAcc, standard("val_acc", null));
    assertThat(o.ctx().monitor()).isEqualTo("val_acc");
    assertThat(o.ctx().state().bestEpoch()).isEqualTo(2);
    assertThat(o.ctx().state().best()).isEqualTo(0.8);
    assertThat(o.improved()).containsExactly(true, true, false, false, false);
  }

  @Test
  void valAccOnAPhaseWithoutAnAccuracyFollowsTheValidationLoss() {
    Phase autoencoder = ScriptedTraining.phase("autoencoder", "mse");
    Outcome o =
        feed(
            autoencoder,
            true,
            "val_loss",
            new double[] {0.3, 0.2, 0.25},
            standard("val_acc", null));
    assertThat(o.ctx().monitor()).isEqualTo("val_loss");
    assertThat(o.ctx().state().bestEpoch()).isEqualTo(2);
  }

  @Test
  void nanNeverImproves() {
    Outcome o =
        feed(
            classifier(),
            true,
            "val_loss",
            new double[] {Double.NaN, 0.5, Double.NaN, 0.6},
            standard("val_loss", null));
    assertThat(o.improved()).containsExactly(false, true, false, false);
    assertThat(o.ctx().state().bestEpoch()).isEqualTo(2);
  }

  @Test
  void earlyStoppingEndsThePhaseAtTheBestEpochPlusPatience() {
    double[] valLoss = {1.0, 0.8, 0.9, 0.6, 0.7, 0.65, 0.9, 0.5, 0.4, 0.3};
    Outcome o = feed(classifier(), true, "val_loss", valLoss, standard("val_loss", 3));
    assertThat(o.ctx().state().bestEpoch()).isEqualTo(4);
    assertThat(o.epochsRun()).isEqualTo(4 + 3);
    assertThat(o.ctx().state().stopped()).isTrue();
    assertThat(store.saved.get(ModelCheckpoint.LAST).stopped())
        .as("the stop is in the last checkpoint")
        .isTrue();
    // val_acc: argmax 0.9 at epoch 2, patience 2
    store.saved.clear();
    Outcome acc =
        feed(
            classifier(),
            true,
            "val_acc",
            new double[] {0.5, 0.9, 0.8, 0.85, 0.95},
            standard("val_acc", 2));
    assertThat(acc.epochsRun()).isEqualTo(2 + 2);
    assertThat(acc.ctx().state().bestEpoch()).isEqualTo(2);
  }

  @Test
  void aResumedStateKeepsCountingTowardsThePatience() {
    // resumed after epoch 5, its best at epoch 4 and one epoch without improvement: one more stops
    // it
    TrainerState resumed = new TrainerState(0, 5, 50, 0.6, 4, 1, false);
    TrainingContext ctx = new TrainingContext(null, classifier(), 10, true, resumed);
    List<Callback> cbs = standard("val_loss", 2);
    cbs.forEach(c -> c.onPhaseBegin(ctx));
    ctx.state(ctx.state().withProgress(0, 6, 60));
    cbs.forEach(
        c ->
            c.onEpochEnd(ctx, new EpochLogs("classifier", 6, 10, Map.of("val_loss", 0.61), 1, 10)));
    assertThat(ctx.state()).isEqualTo(new TrainerState(0, 6, 60, 0.6, 4, 2, true));
  }

  @Test
  void withoutValidationTheTrainingLossIsFollowedAndNoBestCheckpointIsWritten() {
    Outcome o =
        feed(classifier(), false, "loss", new double[] {0, 0, 0, 0}, standard("val_loss", null));
    assertThat(o.ctx().monitor()).isEqualTo("loss");
    // loss is 1/epoch: every epoch is the best so far, as the state records, but nothing is
    // selected
    assertThat(o.ctx().state().bestEpoch()).isEqualTo(4);
    assertThat(o.improved()).containsOnly(false);
    assertThat(store.exists(ModelCheckpoint.BEST)).isFalse();
    ModelCheckpoint.Choice c =
        new ModelCheckpoint(store, 0).restoreForTest(null, ModelCheckpoint.BEST, o.ctx().state());
    assertThat(c.checkpoint())
        .as("no validation falls back to last")
        .isEqualTo(ModelCheckpoint.LAST);
    assertThat(c.epoch()).isEqualTo(4);
  }

  @Test
  void checkpointLastEvaluatesTheLastEpochAndBestTheBestOne() {
    Outcome o =
        feed(
            classifier(),
            true,
            "val_loss",
            new double[] {0.5, 0.3, 0.4, 0.6, 0.7},
            standard("val_loss", null));
    ModelCheckpoint mc = new ModelCheckpoint(store, 0);
    ModelCheckpoint.Choice last = mc.restoreForTest(null, ModelCheckpoint.LAST, o.ctx().state());
    assertThat(last.checkpoint()).isEqualTo(ModelCheckpoint.LAST);
    assertThat(last.epoch()).isEqualTo(5);
    assertThat(last.state()).isEqualTo(o.ctx().state());
    ModelCheckpoint.Choice best = mc.restoreForTest(null, ModelCheckpoint.BEST, o.ctx().state());
    assertThat(best.checkpoint()).isEqualTo(ModelCheckpoint.BEST);
    assertThat(best.epoch()).isEqualTo(2);
    assertThat(best.state().epoch()).as("the state saved with the best epoch").isEqualTo(2);
  }

  @Test
  void onlyTheFinalPhaseWritesBestAndAPhaseBoundaryWritesLastAtTheNextPhase() {
    ModelCheckpoint mc = new ModelCheckpoint(store, 1);
    TrainingContext pre =
        new TrainingContext(
            null,
            ScriptedTraining.phase("autoencoder", "mse"),
            2,
            true,
            TrainerState.start().withProgress(0, 1, 10));
    pre.improved(true);
    mc.onEpochEnd(pre, new EpochLogs("autoencoder", 1, 2, Map.of(), 1, 10));
    assertThat(store.exists(ModelCheckpoint.BEST)).isFalse();
    TrainerState next = mc.phaseDone(null, pre.state());
    assertThat(next).isEqualTo(new TrainerState(1, 0, 10, Double.NaN, 0, 0, false));
    assertThat(store.saved.get(ModelCheckpoint.LAST)).isEqualTo(next);
  }

  @Test
  void badSelectionSettingsAreRefused() {
    assertThatThrownBy(() -> new BestEpoch("acc")).hasMessageContaining("val_loss or val_acc");
    assertThatThrownBy(() -> new EarlyStopping(-1)).hasMessageContaining("patience");
  }
}
