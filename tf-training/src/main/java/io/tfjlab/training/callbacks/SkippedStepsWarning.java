package io.tfjlab.training.callbacks;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.EpochLoop;
import io.tfjlab.training.TrainingContext;
import java.io.PrintStream;
import java.util.Locale;

/**
 * One {@code warning:} line at the end of every epoch that skipped steps whose numbers were not
 * finite ({@code nonFinite: "skip"}), with their count.
 */
public final class SkippedStepsWarning implements Callback {
  private final PrintStream err;

  public SkippedStepsWarning(PrintStream err) {
    this.err = err;
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    double skipped = logs.get(EpochLoop.SKIPPED_STEPS);
    if (skipped > 0) {
      err.println(
          String.format(
              Locale.ROOT,
              "warning: skipped %d step(s) of phase %s, epoch %d/%d: loss or weights not finite;"
                  + " they changed no weight and no optimiser state (--on-nonfinite skip)",
              (long) skipped,
              logs.phase(),
              logs.epoch(),
              logs.epochs()));
      err.flush();
    }
  }
}
