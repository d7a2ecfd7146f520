package io.tfjlab.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A run's {@code history.csv}, writer and reader: one row per finished epoch, appended (so a
 * resumed run continues its history), columns {@link #COLUMNS}. Numbers are written with six
 * significant digits ({@code %.6g}); a value the epoch did not have (no validation split) is an
 * empty cell. Fields are plain comma-separated values without quotes.
 */
public final class HistoryCsv {
  /** The training phase, e.g. classifier, pretrain, autoencoder, dcgan, sgan. */
  public static final String PHASE = "phase";

  /** The epoch within its phase, from 1. */
  public static final String EPOCH = "epoch";

  public static final String LOSS = "loss";

  /** The phase's metric, named in {@link #METRIC_NAME}. */
  public static final String METRIC = "metric";

  /** acc or mse. */
  public static final String METRIC_NAME = "metric_name";

  public static final String VAL_LOSS = "val_loss";
  public static final String VAL_METRIC = "val_metric";

  /** The learning rate of the epoch. */
  public static final String LR = "lr";

  /** Wall time of the epoch, validation included. */
  public static final String SECONDS = "seconds";

  /** Every column, in the order written. */
  public static final List<String> COLUMNS =
      List.of(PHASE, EPOCH, LOSS, METRIC, METRIC_NAME, VAL_LOSS, VAL_METRIC, LR, SECONDS);

  private HistoryCsv() {}

  /**
   * One epoch's row; NaN for a number the epoch does not have.
   *
   * @param phase phase name
   * @param epoch epoch within the phase, from 1
   * @param loss training loss
   * @param metric training metric
   * @param metricName the metric's name
   * @param valLoss validation loss
   * @param valMetric validation metric
   * @param lr learning rate
   * @param seconds wall time of the epoch
   */
  public record Row(
      String phase,
      int epoch,
      double loss,
      double metric,
      String metricName,
      double valLoss,
      double valMetric,
      double lr,
      double seconds) {
    /** The row as written, without the line end. */
    public String line() {
      return String.join(
          ",",
          phase,
          Integer.toString(epoch),
          num(loss),
          num(metric),
          metricName,
          num(valLoss),
          num(valMetric),
          num(lr),
          num(seconds));
    }
  }

  /** The header line, without the line end. */
  public static String header() {
    return String.join(",", COLUMNS);
  }

  /**
   * Appends a row to {@code file}, writing the header first if the file does not exist. A write
   * that fails (a full disk) is cut off again: the file keeps exactly its previous rows.
   */
  public static void append(Path file, Row row) {
    String text = (Files.exists(file) ? "" : header() + "\n") + row.line() + "\n";
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      long before = ch.size();
      try {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long at = before;
        while (buf.hasRemaining()) {
          at += ch.write(buf, at);
        }
      } catch (IOException e) {
        ch.truncate(before);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + file + " (" + e.getMessage() + "); its previous rows are kept", e);
    }
  }

  /**
   * Drops the rows a resumed run will write again: those after epoch {@code epoch} of phase number
   * {@code phase} (an epoch can be logged and then interrupted before its checkpoint was written).
   *
   * @param phaseNames the run's phases in order, to rank the phase column
   */
  public static void trimAfter(Path file, List<String> phaseNames, int phase, int epoch) {
    if (!Files.exists(file)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      List<String> kept = new ArrayList<>();
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
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("cannot read " + file + " to resume: " + e.getMessage(), e);
    }
  }

  /**
   * A history.csv as read: its header's columns and each row's cells as written (stripped), blank
   * lines skipped. Rows are not padded or checked against the header; readers choose how strict to
   * be.
   *
   * @param columns the header's column names ({@link #COLUMNS} for what tfjlab writes; empty for an
   *     empty file)
   * @param rows the cells of each row after the header
   */
  public record Table(List<String> columns, List<List<String>> rows) {
    /** Copies the lists. */
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
    }

    /** The index of a column in the header, or -1. */
    public int column(String name) {
      return columns.indexOf(name);
    }
  }

  /** Reads {@code file}. */
  public static Table read(Path file) {
    try {
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses the lines of a history.csv. */
  public static Table parse(List<String> lines) {
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        rows.add(Arrays.stream(line.strip().split(",", -1)).map(String::strip).toList());
      }
    }
    if (rows.isEmpty()) {
      return new Table(List.of(), List.of());
    }
    return new Table(rows.get(0), rows.subList(1, rows.size()));
  }

  /** A number as written: six significant digits, empty for NaN. */
  public static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }
}
