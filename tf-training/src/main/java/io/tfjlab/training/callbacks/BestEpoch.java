package io.tfjlab.training.callbacks;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainerState;
import io.tfjlab.training.TrainingContext;

/**
 * Best-epoch tracking: after each epoch compares the monitored value with the phase's best so far
 * and keeps {@code best}, {@code bestEpoch} and {@code sinceBest} in the trainer state (so a
 * resumed run continues the count). The best epoch is the argmin of the monitored value, or its
 * argmax for {@code val_acc}; the first of equal values wins; NaN never improves. Monitored: {@code
 * val_acc} when asked for and the phase's metric is an accuracy, else {@code val_loss}; a phase
 * without validation follows its training {@code loss} and never marks an epoch as improved (no
 * validation, no selection: its {@code best} checkpoint is not written). Put it before the
 * callbacks that read {@link TrainingContext#improved()} or the state (progress, checkpoints, early
 * stopping).
 */
public final class BestEpoch implements Callback {
  private final String requested;

  /**
   * @param monitor {@code val_loss} or {@code val_acc}
   */
  public BestEpoch(String monitor) {
    if (!monitor.equals("val_loss") && !monitor.equals("val_acc")) {
      throw new IllegalArgumentException("monitor must be val_loss or val_acc, got " + monitor);
    }
    this.requested = monitor;
  }

  /** The metric a phase follows: see the class comment. */
  public static String followed(String monitor, String metricName, boolean validated) {
    if (!validated) {
      return "loss";
    }
    return monitor.equals("val_acc") && metricName.equals("acc") ? "val_acc" : "val_loss";
  }

  @Override
  public void onPhaseBegin(TrainingContext ctx) {
    ctx.monitor(followed(requested, ctx.phase().metricName(), ctx.validated()));
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    String monitor = ctx.monitor();
    boolean maximize = monitor.equals("val_acc");
    double value = logs.get(monitor);
    TrainerState s = ctx.state();
    boolean improved =
        !Double.isNaN(value)
            && (Double.isNaN(s.best()) || (maximize ? value > s.best() : value < s.best()));
    ctx.state(
        s.withBest(
            improved ? value : s.best(),
            improved ? logs.epoch() : s.bestEpoch(),
            improved ? 0 : s.sinceBest() + 1));
    ctx.improved(improved && ctx.validated());
  }
}
