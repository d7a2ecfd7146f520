package io.tfjlab.training.callbacks;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

/**
 * Keras-style progress: on a terminal a live bar redrawn in place; otherwise (logs, CI) one plain
 * line per epoch: {@code Epoch 3/20 [classifier] 422/422 - 12.1s - 28us/sample - loss: ... - acc:
 * ... - val_loss: ... - val_acc: ...}.
 */
public final class ProgressBar implements Callback {
  private static final long REDRAW_NANOS = 200_000_000L;
  private final PrintStream out;
  private final boolean live;
  private long epochStart;
  private long lastDraw;

  public ProgressBar(PrintStream out, boolean live) {
    this.out = out;
    this.live = live;
  }

  /** Live when standard output is a terminal. */
  public static ProgressBar forStdout() {
    return new ProgressBar(System.out, System.console() != null);
  }

  @Override
  public void onEpochBegin(TrainingContext ctx, int epoch) {
    epochStart = System.nanoTime();
    lastDraw = 0;
  }

  @Override
  public void onBatchEnd(TrainingContext ctx, int batch, int batches, double loss, double metric) {
    if (!live) {
      return;
    }
    long now = System.nanoTime();
    if (batch < batches && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    int width = 30;
    int filled = (int) ((long) width * batch / batches);
    String bar =
        "=".repeat(Math.max(0, filled - 1))
            + (filled < width ? ">" : "=")
            + ".".repeat(width - filled);
    out.printf(
        Locale.ROOT,
        "\rEpoch %d/%d %d/%d [%s] - %.1fs - loss: %.4f - %s: %.4f ",
        ctx.state().epoch() + 1,
        ctx.epochs(),
        batch,
        batches,
        bar,
        (now - epochStart) / 1e9,
        loss,
        ctx.phase().metricName(),
        metric);
    out.flush();
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    if (live) {
      out.print("\r\033[K");
    }
    out.println(format(logs, ctx.improved() ? ctx.monitor() + " improved" : null));
    out.flush();
  }

  @Override
  public void onPhaseEnd(TrainingContext ctx) {
    if (ctx.state().stopped()) {
      out.printf(
          Locale.ROOT,
          "Early stopping: no %s improvement for %d epochs; best %.4f at epoch %d%n",
          ctx.monitor(),
          ctx.state().sinceBest(),
          ctx.state().best(),
          ctx.state().bestEpoch());
    }
  }

  static String format(EpochLogs logs, String note) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Epoch %d/%d [%s] - %.1fs - %.0fus/sample",
                logs.epoch(),
                logs.epochs(),
                logs.phase(),
                logs.seconds(),
                logs.microsPerExample()));
    for (Map.Entry<String, Double> e : logs.metrics().entrySet()) {
      if (e.getKey().equals("train_seconds")) {
        continue;
      }
      String fmt = e.getKey().equals("lr") ? " - %s: %.2g" : " - %s: %.4f";
      b.append(String.format(Locale.ROOT, fmt, e.getKey(), e.getValue()));
    }
    if (note != null) {
      b.append("  (").append(note).append(')');
    }
    return b.toString();
  }
}
