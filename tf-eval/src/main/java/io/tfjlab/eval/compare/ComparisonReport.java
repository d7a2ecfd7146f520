package io.tfjlab.eval.compare;

import io.tfjlab.runs.ReportLayout;
import io.tfjlab.training.run.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as a table: {@code comparison.json} (for notebooks and tools) and {@code
 * comparison.md}, and the same table as plain text for the terminal.
 *
 * @param name report name (the folder under reports/)
 * @param preset the comparison preset
 * @param dataset the data set
 * @param created ISO-8601 instant
 * @param machine host, cores, java, os
 * @param command the command line that made it
 * @param rows one per comparison row
 */
public record ComparisonReport(
    String name,
    String preset,
    String dataset,
    String created,
    Map<String, Object> machine,
    String command,
    List<RowResult> rows) {
  public static final String JSON = ReportLayout.COMPARISON_JSON;
  public static final String MARKDOWN = ReportLayout.COMPARISON_MARKDOWN;

  static final List<String> HEADERS =
      List.of(
          "model",
          "labels",
          "test accuracy",
          "parameters",
          "schedule",
          "train time",
          "seed report");

  /** Writes comparison.json and comparison.md into {@code dir}, atomically each. */
  public void write(Path dir) {
    Json.write(dir.resolve(JSON), this);
    Json.writeString(dir.resolve(MARKDOWN), markdown());
  }

  public List<List<String>> cells() {
    List<List<String>> out = new ArrayList<>();
    for (RowResult r : rows) {
      out.add(
          List.of(
              r.title(),
              r.labels() == 0 ? "all" : String.valueOf(r.labels()),
              accuracy(r.accuracy()),
              String.format(Locale.ROOT, "%,d", r.parameters()),
              r.schedule() == null ? "—" : r.schedule(),
              duration(r.trainSeconds()),
              r.seedReport() == null
                  ? "—"
                  : r.seedReport().text() + " (" + r.seedReport().source() + ")"));
    }
    return out;
  }

  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Comparison '")
        .append(name)
        .append("' (preset ")
        .append(preset)
        .append(", ")
        .append(dataset)
        .append(")\n\n");
    b.append("Made by `")
        .append(command)
        .append("` on ")
        .append(created)
        .append(", host ")
        .append(machine.get("host"))
        .append(" (")
        .append(machine.get("cores"))
        .append(" cores, Java ")
        .append(machine.get("java"))
        .append(").\n\n");
    b.append(
        "Test accuracy on the test images of "
            + dataset
            + ", read once per run at its end; mean ± sample std over "
            + "label seeds when a row has several runs. Train time: mean wall time of a run (all phases).\n\n");
    b.append("| ").append(String.join(" | ", HEADERS)).append(" |\n");
    b.append("|").append("---|".repeat(HEADERS.size())).append('\n');
    for (List<String> row : cells()) {
      b.append("| ")
          .append(String.join(" | ", row.stream().map(c -> c.replace("|", "\\|")).toList()))
          .append(" |\n");
    }
    return b.toString();
  }

  /** The table as aligned plain text. */
  public String text() {
    List<List<String>> all = new ArrayList<>();
    all.add(HEADERS);
    all.addAll(cells());
    int[] width = new int[HEADERS.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (int r = 0; r < all.size(); r++) {
      List<String> row = all.get(r);
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        boolean right = i >= 1 && i <= 4;
        String pad = " ".repeat(width[i] - cell.length());
        b.append(right ? pad + cell : cell + pad).append(i + 1 < row.size() ? "  " : "\n");
      }
      if (r == 0) {
        int total = 0;
        for (int w : width) {
          total += w + 2;
        }
        b.append("-".repeat(total - 2)).append('\n');
      }
    }
    return b.toString();
  }

  static String accuracy(RowResult.Accuracy a) {
    String mean = String.format(Locale.ROOT, "%.2f%%", 100 * a.mean());
    return a.std() == null
        ? mean
        : String.format(Locale.ROOT, "%s ± %.2f (n=%d)", mean, 100 * a.std(), a.n());
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
  }
}
