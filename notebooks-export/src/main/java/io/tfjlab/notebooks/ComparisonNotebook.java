package io.tfjlab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.runs.ReportLayout;
import io.tfjlab.runs.RunLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The notebook of a comparison report folder ({@code reports/<name>/comparison.json} and its {@code
 * figures/}): protocol, comparison table, figures, and Python cells that re-check each row's
 * SavedModels.
 */
public final class ComparisonNotebook {
  /** The file name {@link #write(Path)} writes in the report folder. */
  public static final String FILE_NAME = ReportLayout.NOTEBOOK;

  private final Path reportDir;
  private final JsonNode comparison;
  private final NotebookBuilder nb;

  private ComparisonNotebook(Path reportDir, JsonNode comparison) {
    this.reportDir = reportDir;
    this.comparison = comparison;
    this.nb = new NotebookBuilder(reportDir);
  }

  /**
   * Builds the notebook of a report folder, for writing into that folder.
   *
   * @throws IllegalArgumentException if the folder has no comparison.json or it is malformed
   */
  public static Notebook build(Path reportDir) {
    Path abs = reportDir.toAbsolutePath().normalize();
    JsonNode comparison =
        JsonFiles.readIfPresent(new ReportLayout(abs).comparisonJson())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not a report directory: "
                            + abs
                            + " (no "
                            + ReportLayout.COMPARISON_JSON
                            + "); pass a folder under reports/"));
    if (!comparison.path("rows").isArray()) {
      throw new IllegalArgumentException(
          "malformed " + ReportLayout.COMPARISON_JSON + " in " + abs + ": no rows array");
    }
    return new ComparisonNotebook(abs, comparison).notebook();
  }

  /**
   * Builds the notebook of a report folder and writes it atomically to {@code
   * reportDir/report.ipynb}.
   *
   * @return the notebook's path
   * @throws IllegalArgumentException if the folder has no comparison.json or it is malformed
   */
  public static Path write(Path reportDir) throws IOException {
    Path out = reportDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    NotebookWriter.write(build(reportDir), out);
    return out;
  }

  private Notebook notebook() {
    title();
    protocol();
    table();
    figures();
    python();
    return nb.build();
  }

  private void title() {
    String name = JsonFiles.text(comparison, "name", reportDir.getFileName().toString());
    JsonNode machine = comparison.path("machine");
    StringBuilder sb = new StringBuilder("# Comparison " + Markdown.escape(name) + "\n\n");
    sb.append("Preset **")
        .append(Markdown.escape(JsonFiles.text(comparison, "preset", "?")))
        .append("** on **")
        .append(Markdown.escape(JsonFiles.text(comparison, "dataset", "?")))
        .append("**, created ")
        .append(Markdown.escape(JsonFiles.text(comparison, "created", "?")));
    if (machine.isObject()) {
      sb.append(" on ")
          .append(Markdown.escape(JsonFiles.text(machine, "host", "?")))
          .append(" (")
          .append(Markdown.escape(JsonFiles.text(machine, "cores", "?")))
          .append(" cores, Java ")
          .append(Markdown.escape(JsonFiles.text(machine, "java", "?")))
          .append(", ")
          .append(Markdown.escape(JsonFiles.text(machine, "os", "?")))
          .append(")");
    }
    sb.append(".\n");
    String command = JsonFiles.text(comparison, "command", null);
    if (command != null) {
      sb.append("\n").append(Markdown.fenced("shell", command));
    }
    nb.markdown(sb.toString());
  }

  private void protocol() {
    TreeSet<Integer> labels = new TreeSet<>();
    for (JsonNode row : comparison.path("rows")) {
      labels.add(row.path("labels").asInt(0));
    }
    String labelText =
        labels.size() == 1 && labels.first() > 0
            ? labels.first() + " balanced labels (the same number of labeled images per class)"
            : "the number of balanced labels given in the table";
    String validation =
        validation()
            .map(v -> "a validation split of " + v + " of the training set")
            .orElse("a validation split held out of the training set");
    nb.markdown(
        "## Protocol\n\nEvery run trains with "
            + labelText
            + " and keeps "
            + validation
            + " to choose the epoch and checkpoint (runs with a fixed schedule, such as the semi-supervised GANs, "
            + "are tested on their final model instead: nothing is chosen on validation labels). "
            + "The test set is read once per run, after training. "
            + "A row's accuracy is the mean ± standard deviation of the test accuracy over its label seeds "
            + "(n runs; no ± when n = 1).\n");
  }

  /** The validation fraction from the first readable run manifest. */
  private Optional<String> validation() {
    for (JsonNode row : comparison.path("rows")) {
      for (JsonNode run : row.path("runs")) {
        Path manifest = new RunLayout(Path.of(run.asText())).manifest();
        try {
          Optional<JsonNode> m = JsonFiles.readIfPresent(manifest);
          if (m.isPresent() && m.get().path("spec").has("validation")) {
            return Optional.of(m.get().path("spec").path("validation").asText());
          }
        } catch (IllegalArgumentException e) {
          // a malformed manifest of one run does not stop the report
        }
      }
    }
    return Optional.empty();
  }

  private void table() {
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : comparison.path("rows")) {
      JsonNode acc = row.path("accuracy");
      int n = acc.path("n").asInt(row.path("runs").size());
      String accuracy = JsonFiles.number(acc, "mean").map(Format::percent).orElse("—");
      Optional<Double> std = JsonFiles.number(acc, "std");
      if (n > 1 && std.isPresent() && !"—".equals(accuracy)) {
        accuracy += " ± " + Format.percent(std.get());
      }
      String title = JsonFiles.text(row, "title", JsonFiles.text(row, "id", "?"));
      // how many of the row's runs were finished before the comparison started (a count)
      int reused = row.path("reused").asInt(0);
      if (reused > 0) {
        title += reused >= n ? " (reused runs)" : " (" + reused + " of " + n + " runs reused)";
      }
      rows.add(
          List.of(
              title,
              JsonFiles.text(row, "model", ""),
              row.path("labels").asInt(0) > 0 ? row.path("labels").asText() : "all",
              accuracy,
              Integer.toString(n),
              row.path("parameters").isNumber()
                  ? Format.thousands(row.path("parameters").asLong())
                  : "—",
              JsonFiles.text(row, "schedule", "—"),
              JsonFiles.number(row, "trainSeconds").map(Format::duration).orElse("—"),
              seedReport(row.path("seedReport"))));
    }
    nb.markdown(
        "## Comparison\n\nTest accuracy with 2 decimals; train time per run; the seed report is the "
            + "number the student report of that row got (shared/docs/seed-results.md).\n");
    nb.table(
        List.of(
            "Model",
            "Type",
            "Labels",
            "Test accuracy",
            "n",
            "Parameters",
            "Schedule",
            "Train time",
            "Seed report"),
        rows);
  }

  private static String seedReport(JsonNode report) {
    if (!report.isObject()) {
      return "—";
    }
    String text = JsonFiles.text(report, "text", null);
    String number = JsonFiles.number(report, "accuracy").map(Format::percent).orElse(null);
    String value = text != null ? text : number != null ? number : "—";
    if (text != null && number != null && !text.contains(number)) {
      value += " (" + number + ")";
    }
    String source = JsonFiles.text(report, "source", null);
    return source == null ? value : value + ", " + source;
  }

  private void figures() {
    List<Path> figures = RunFolder.pngs(new ReportLayout(reportDir).figures());
    if (figures.isEmpty()) {
      nb.markdown("## Figures\n\nNo figures/ in the report folder.\n");
      return;
    }
    nb.markdown("## Figures\n");
    for (Path png : figures) {
      nb.figure(RunFolder.caption(png), png);
    }
  }

  private void python() {
    List<String> checks = new ArrayList<>();
    for (JsonNode row : comparison.path("rows")) {
      List<String> lines = new ArrayList<>();
      for (JsonNode run : row.path("runs")) {
        Path runDir = Path.of(run.asText()).toAbsolutePath().normalize();
        Path savedModel = new RunLayout(runDir).savedModel();
        if (Files.isDirectory(savedModel)) {
          Optional<Double> expected = testMetric(runDir);
          lines.add(
              SavedModelCheck.check(
                  runDir.getFileName().toString(), nb.relative(savedModel), expected));
        }
      }
      if (!lines.isEmpty()) {
        checks.add(
            "# "
                + JsonFiles.text(row, "title", JsonFiles.text(row, "id", "?")).replace('\n', ' ')
                + "\n"
                + String.join("\n", lines));
      }
    }
    StringBuilder sb = new StringBuilder("## Re-check in Python\n\n");
    if (checks.isEmpty()) {
      sb.append(
          "No run of this comparison has a saved_model/ folder. Export one with "
              + "`./tfjlab export --run <run>` and rebuild this notebook to re-check its accuracy in Python.\n");
      nb.markdown(sb.toString());
      return;
    }
    sb.append(
        "One cell per row with an exported SavedModel: TensorFlow for Python loads it and computes the test "
            + "accuracy again from the tfjlab data cache (`$TFJLAB_DATA_DIR`, default `~/.tfjlab/datasets`).\n");
    nb.markdown(sb.toString());
    nb.code(SavedModelCheck.loader(JsonFiles.text(comparison, "dataset", "mnist")));
    checks.forEach(nb::code);
  }

  private static Optional<Double> testMetric(Path runDir) {
    try {
      return JsonFiles.readIfPresent(new RunLayout(runDir).results())
          .flatMap(r -> JsonFiles.number(r, "testMetric"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
