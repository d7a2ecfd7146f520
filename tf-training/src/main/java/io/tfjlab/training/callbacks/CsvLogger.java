package io.tfjlab.training.callbacks;

import io.tfjlab.runs.HistoryCsv;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;
import java.nio.file.Path;
import java.util.List;

/**
 * Keras' {@code CSVLogger}: one row per epoch in {@code history.csv} (appended, so a resumed run
 * continues its history), in the format of {@link HistoryCsv}: phase, epoch, loss, metric,
 * metric_name, val_loss, val_metric, lr, seconds. Other numbers of the epoch's logs (a GAN's
 * g_loss, train_seconds) go to TensorBoard only.
 */
public final class CsvLogger implements Callback {
  public static final List<String> COLUMNS = HistoryCsv.COLUMNS;
  private final Path file;

  public CsvLogger(Path file) {
    this.file = file;
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    String m = ctx.phase().metricName();
    HistoryCsv.append(
        file,
        new HistoryCsv.Row(
            logs.phase(),
            logs.epoch(),
            logs.get("loss"),
            logs.get(m),
            m,
            logs.get("val_loss"),
            logs.get("val_" + m),
            logs.get("lr"),
            logs.seconds()));
  }

  /**
   * Drops the rows a resumed run will write again: those after the restored checkpoint (an epoch
   * can be logged and then interrupted before its checkpoint was written).
   */
  public static void trimAfter(Path file, List<String> phaseNames, int phase, int epoch) {
    HistoryCsv.trimAfter(file, phaseNames, phase, epoch);
  }
}
