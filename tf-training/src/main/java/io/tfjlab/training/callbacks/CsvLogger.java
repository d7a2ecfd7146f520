package io.tfjlab.training.callbacks;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Keras' {@code CSVLogger}: one row per epoch in {@code history.csv} (appended, so a resumed run
 * continues its history). Columns: phase, epoch, loss, metric, val_loss, val_metric, lr, seconds.
 */
public final class CsvLogger implements Callback {
  public static final List<String> COLUMNS =
      List.of("phase", "epoch", "loss", "metric", "metric_name", "val_loss", "val_metric", "lr", "seconds");
  private final Path file;

  public CsvLogger(Path file) {
    this.file = file;
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    String m = ctx.phase().metricName();
    String row = String.join(",", logs.phase(), Integer.toString(logs.epoch()), num(logs.get("loss")),
        num(logs.get(m)), m, num(logs.get("val_loss")), num(logs.get("val_" + m)), num(logs.get("lr")),
        num(logs.seconds())) + "\n";
    try {
      if (!Files.exists(file)) {
        Files.writeString(file, String.join(",", COLUMNS) + "\n", StandardCharsets.UTF_8);
      }
      Files.writeString(file, row, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
