package io.tfjlab.eval.plots;

import io.tfjlab.runs.HistoryCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-epoch curves of a run's {@code history.csv} ({@link HistoryCsv}), one {@link Phase} per
 * value of the {@code phase} column, in order of first appearance.
 *
 * <p>Columns are found by header name; {@code phase}, {@code epoch}, {@code loss} and {@code
 * metric} are required, {@code metric_name}, {@code val_loss} and {@code val_metric} are optional,
 * any other column (lr, seconds) is ignored. An empty cell is read as NaN.
 *
 * @param phases the phases, at least one, each with at least one epoch
 */
public record TrainingHistory(List<Phase> phases) {

  /**
   * Curves of one training phase.
   *
   * @param name phase name, e.g. "classifier" or "sgan"
   * @param metricName name of the metric column's metric, e.g. "acc" ("metric" when not given)
   * @param epoch epoch numbers
   * @param loss training loss per epoch (NaN where empty)
   * @param valLoss validation loss per epoch (NaN where empty)
   * @param metric training metric per epoch (NaN where empty)
   * @param valMetric validation metric per epoch (NaN where empty)
   */
  public record Phase(
      String name,
      String metricName,
      double[] epoch,
      double[] loss,
      double[] valLoss,
      double[] metric,
      double[] valMetric) {}

  /** Copies the list and checks it is not empty. */
  public TrainingHistory {
    if (phases == null || phases.isEmpty()) {
      throw new IllegalArgumentException("training history has no rows");
    }
    phases = List.copyOf(phases);
  }

  /** The last phase, the one a run ends with. */
  public Phase lastPhase() {
    return phases.get(phases.size() - 1);
  }

  /**
   * Reads a {@code history.csv}.
   *
   * @throws IllegalArgumentException if the file is empty, lacks a required column or has a bad row
   * @throws UncheckedIOException if the file cannot be read
   */
  public static TrainingHistory read(Path csv) {
    try {
      return parse(Files.readAllLines(csv, StandardCharsets.UTF_8), csv.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses the lines of a {@code history.csv}; {@code source} names it in error messages.
   *
   * @throws IllegalArgumentException as {@link #read(Path)}
   */
  public static TrainingHistory parse(List<String> lines, String source) {
    HistoryCsv.Table table = HistoryCsv.parse(lines);
    List<String> header = table.columns();
    if (header.isEmpty()) {
      throw new IllegalArgumentException(source + " is empty: no header");
    }
    Map<String, Integer> col = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      col.putIfAbsent(header.get(i), i);
    }
    for (String required :
        List.of(HistoryCsv.PHASE, HistoryCsv.EPOCH, HistoryCsv.LOSS, HistoryCsv.METRIC)) {
      if (!col.containsKey(required)) {
        throw new IllegalArgumentException(
            source + " lacks column '" + required + "' in header " + String.join(",", header));
      }
    }
    if (table.rows().isEmpty()) {
      throw new IllegalArgumentException(source + " has a header but no rows");
    }
    Map<String, Builder> byPhase = new LinkedHashMap<>();
    for (int r = 1; r <= table.rows().size(); r++) {
      List<String> f = table.rows().get(r - 1);
      if (f.size() != header.size()) {
        throw new IllegalArgumentException(
            source + " row " + r + " has " + f.size() + " fields, header has " + header.size());
      }
      String phase = f.get(col.get(HistoryCsv.PHASE));
      Builder b = byPhase.computeIfAbsent(phase, Builder::new);
      if (b.metricName == null && col.containsKey(HistoryCsv.METRIC_NAME)) {
        String m = f.get(col.get(HistoryCsv.METRIC_NAME));
        b.metricName = m.isEmpty() ? null : m;
      }
      b.epoch.add(number(f, col, HistoryCsv.EPOCH, source, r));
      b.loss.add(number(f, col, HistoryCsv.LOSS, source, r));
      b.valLoss.add(number(f, col, HistoryCsv.VAL_LOSS, source, r));
      b.metric.add(number(f, col, HistoryCsv.METRIC, source, r));
      b.valMetric.add(number(f, col, HistoryCsv.VAL_METRIC, source, r));
    }
    List<Phase> phases = new ArrayList<>();
    for (Builder b : byPhase.values()) {
      phases.add(b.build());
    }
    return new TrainingHistory(phases);
  }

  private static double number(
      List<String> f, Map<String, Integer> col, String name, String source, int row) {
    Integer i = col.get(name);
    if (i == null) {
      return Double.NaN;
    }
    String s = f.get(i);
    if (s.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          source + " row " + row + " column '" + name + "' is not a number: '" + s + "'");
    }
  }

  private static final class Builder {
    final String name;
    String metricName;
    final List<Double> epoch = new ArrayList<>();
    final List<Double> loss = new ArrayList<>();
    final List<Double> valLoss = new ArrayList<>();
    final List<Double> metric = new ArrayList<>();
    final List<Double> valMetric = new ArrayList<>();

    Builder(String name) {
      this.name = name;
    }

    Phase build() {
      return new Phase(
          name,
          metricName == null ? "metric" : metricName,
          arr(epoch),
          arr(loss),
          arr(valLoss),
          arr(metric),
          arr(valMetric));
    }

    private static double[] arr(List<Double> xs) {
      return xs.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
