package io.tfjlab.training;

import io.tfjlab.training.steps.StepResult;
import java.util.Locale;
import java.util.Map;

/**
 * A training step returned a NaN or infinite loss: training stops at once, before anything of the
 * epoch is logged or saved, so the checkpoints and the history of the epochs before it stay as they
 * were. The message is one line naming the phase, epoch, batch and global step, which number went
 * bad, what was kept, and the fix.
 */
public final class NonFiniteLossException extends RuntimeException {
  private final long step;

  private NonFiniteLossException(String message, long step) {
    super(message);
    this.step = step;
  }

  /** The global step (counting from 1) whose loss was not finite. */
  public long step() {
    return step;
  }

  /**
   * Throws when the step's loss, or one of its extra numbers whose name ends in {@code loss} (a
   * GAN's {@code g_loss}), is NaN or infinite. Reads only the numbers the step already fetched.
   *
   * @param epoch the epoch counting from 1
   * @param batch the batch of the epoch counting from 1
   * @param step the global step counting from 1
   * @param epochsDone epochs of this phase finished (and checkpointed) before this one
   */
  /** Whether the step's loss and its extra numbers named {@code *loss} are all finite. */
  static boolean finite(StepResult r) {
    if (!Double.isFinite(r.loss())) {
      return false;
    }
    for (Map.Entry<String, Double> e : r.extras().entrySet()) {
      if (e.getKey().endsWith("loss") && !Double.isFinite(e.getValue())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every step of an epoch was skipped ({@code nonFinite: "skip"}): training cannot go on, it stops
   * as a non-finite loss does without skipping.
   *
   * @param step the global step (counting from 1) of the epoch's last step
   */
  static NonFiniteLossException allSkipped(
      String phase, int epoch, int epochs, int batches, long step, int epochsDone) {
    String kept =
        epochsDone == 0
            ? "no epoch of this phase had finished, so it saved nothing"
            : "the checkpoints and history up to epoch " + epochsDone + " are untouched";
    return new NonFiniteLossException(
        String.format(
            Locale.ROOT,
            "training stopped: every step of phase %s, epoch %d/%d was skipped (%d of %d: loss or"
                + " weights not finite, up to step %d); %s. Fix: lower the learning rate (--lr) or"
                + " check the data and the schedule",
            phase,
            epoch,
            epochs,
            batches,
            batches,
            step,
            kept),
        step);
  }

  static void check(
      String phase,
      int epoch,
      int epochs,
      int batch,
      int batches,
      long step,
      int epochsDone,
      StepResult r) {
    String bad = null;
    double value = 0;
    if (!Double.isFinite(r.loss())) {
      bad = "loss";
      value = r.loss();
    } else {
      for (Map.Entry<String, Double> e : r.extras().entrySet()) {
        if (e.getKey().endsWith("loss") && !Double.isFinite(e.getValue())) {
          bad = e.getKey();
          value = e.getValue();
          break;
        }
      }
    }
    if (bad == null) {
      return;
    }
    String kept =
        epochsDone == 0
            ? "no epoch of this phase had finished, so it saved nothing"
            : "the checkpoints and history up to epoch " + epochsDone + " are untouched";
    throw new NonFiniteLossException(
        String.format(
            Locale.ROOT,
            "training stopped: %s is %s at phase %s, epoch %d/%d, batch %d/%d (step %d); %s."
                + " Fix: lower the learning rate (--lr) or check the data and the schedule",
            bad,
            Double.isNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity",
            phase,
            epoch,
            epochs,
            batch,
            batches,
            step,
            kept),
        step);
  }
}
