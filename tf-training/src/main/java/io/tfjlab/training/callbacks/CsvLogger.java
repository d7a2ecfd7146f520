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

  /**
   * Drops the rows a resumed run will write again: those after the restored checkpoint (an epoch
   * can be logged and then interrupted before its checkpoint was written).
   */
  public static void trimAfter(Path file, List<String> phaseNames, int phase, int epoch) {
    if (!Files.exists(file)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> kept = new java.util.ArrayList<>();
      for (int i = 0; i < lines.size(); i++) {
        String[] f = lines.get(i).split(",", 3);
        if (i == 0 || f.length < 2) {
          kept.add(lines.get(i));
          continue;
        }
        int p = phaseNames.indexOf(f[0]);
        int e = Integer.parseInt(f[1]);
        if (p < phase || (p == phase && e <= epoch)) {
          kept.add(lines.get(i));
        }
      }
      if (kept.size() != lines.size()) {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.write(tmp, kept, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read " + file + " to resume: " + e.getMessage(), e);
    }
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
