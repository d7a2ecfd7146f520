package io.tfjlab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.runs.HistoryCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The notebook of one training run: data and protocol, model, training history, results, figures,
 * and a Python cell that re-checks the test accuracy from the exported SavedModel.
 */
public final class RunNotebook {
  private final RunFolder run;
  private final NotebookBuilder nb;

  private RunNotebook(RunFolder run, Path notebookDir) {
    this.run = run;
    this.nb = new NotebookBuilder(notebookDir);
  }

  /**
   * Builds the notebook of {@code runDir} for writing into {@code notebookDir} (paths in code cells
   * are relative to it).
   *
   * @throws IllegalArgumentException if {@code runDir} is not a run folder or holds malformed files
   */
  public static Notebook build(Path runDir, Path notebookDir) {
    return new RunNotebook(RunFolder.read(runDir), notebookDir).notebook();
  }

  /**
   * Builds the notebook of {@code runDir} and writes it atomically to {@code outputIpynb}.
   *
   * @throws IllegalArgumentException if {@code runDir} is not a run folder or holds malformed files
   */
  public static void write(Path runDir, Path outputIpynb) throws IOException {
    Path out = outputIpynb.toAbsolutePath().normalize();
    NotebookWriter.write(build(runDir, out.getParent()), out);
  }

  private Notebook notebook() {
    title();
    data();
    model();
    history();
    results();
    figures();
    python();
    return nb.build();
  }

  private void title() {
    JsonNode m = run.manifest();
    StringBuilder sb = new StringBuilder("# Run " + Markdown.escape(run.name()) + "\n\n");
    sb.append("Status: **")
        .append(Markdown.escape(JsonFiles.text(m, "status", "unknown")))
        .append("**");
    sb.append(" · model **")
        .append(Markdown.escape(JsonFiles.text(run.spec().path("model"), "type", "?")))
        .append("**");
    sb.append(" · data set **").append(Markdown.escape(run.dataset())).append("**\n\n");
    sb.append("Started ")
        .append(Markdown.escape(JsonFiles.text(m, "started", "?")))
        .append(", finished ")
        .append(Markdown.escape(JsonFiles.text(m, "finished", "not yet")))
        .append(" on host ")
        .append(Markdown.escape(JsonFiles.text(m, "host", "?")))
        .append(".\n");
    String command = JsonFiles.text(m, "command", null);
    if (command != null) {
      sb.append("\n").append(Markdown.fenced("shell", command));
    }
    nb.markdown(sb.toString());
    JsonNode versions = m.path("versions");
    if (versions.isObject() && versions.size() > 0) {
      nb.table(List.of("Component", "Version"), fields(versions));
    }
  }

  private void data() {
    JsonNode spec = run.spec();
    JsonNode data = run.manifest().path("data");
    int labels = spec.path("labels").asInt(0);
    StringBuilder sb = new StringBuilder("## Data and protocol\n\n");
    sb.append("- Data set: **").append(Markdown.escape(run.dataset())).append("**\n");
    sb.append("- Labels: **")
        .append(
            labels > 0
                ? labels + " labeled training images (balanced over the classes)"
                : "all training labels")
        .append("**\n");
    sb.append("- Validation split: ")
        .append(Markdown.escape(JsonFiles.text(spec, "validation", "?")))
        .append(" of the training set");
    if (data.has("trainImages")) {
      sb.append(" (")
          .append(data.path("trainImages").asText())
          .append(" training, ")
          .append(data.path("validationImages").asText())
          .append(" validation images, ")
          .append(data.path("labeledImages").asText())
          .append(" labeled)");
    }
    sb.append("\n");
    sb.append("- Seed ")
        .append(Markdown.escape(JsonFiles.text(spec, "seed", "?")))
        .append(", label seed ")
        .append(Markdown.escape(JsonFiles.text(spec, "labelSeed", "?")));
    if (spec.has("splitSeed")) {
      sb.append(", split seed ").append(Markdown.escape(spec.path("splitSeed").asText()));
    }
    sb.append("\n");
    if (data.has("labeledDigest")) {
      sb.append("- Labeled subset digest: `")
          .append(data.path("labeledDigest").asText())
          .append("`\n");
    }
    sb.append("\n").append(protocol());
    nb.markdown(sb.toString());
    JsonNode checksums = data.path("checksums");
    if (checksums.isObject() && checksums.size() > 0) {
      nb.table(List.of("File", "SHA-256"), fields(checksums));
    }
  }

  private String protocol() {
    String monitor = JsonFiles.text(run.spec(), "monitor", "val_loss");
    Optional<JsonNode> results = run.results();
    if (results.isEmpty()) {
      return "The checkpoint is chosen on the validation split (monitor `"
          + monitor
          + "`); the test set "
          + "is read once, after training. This run has no results.json yet, so it has not been tested.\n";
    }
    String checkpoint = JsonFiles.text(results.get(), "checkpoint", "best");
    String epoch = JsonFiles.text(results.get(), "bestEpoch", "?");
    String choice =
        "best".equals(checkpoint)
            ? "the `best` checkpoint, epoch "
                + epoch
                + ": the epoch with the best `"
                + monitor
                + "` on the validation split"
            : "the `" + Markdown.escape(checkpoint) + "` checkpoint (epoch " + epoch + ")";
    return "The model tested is "
        + choice
        + ". The test set was read once, after training; it played no part "
        + "in choosing the epoch or the checkpoint.\n";
  }

  private void model() {
    JsonNode spec = run.spec();
    StringBuilder sb = new StringBuilder("## The model\n\n");
    sb.append("Epochs ")
        .append(Markdown.escape(JsonFiles.text(spec, "epochs", "?")))
        .append(", batch size ")
        .append(Markdown.escape(JsonFiles.text(spec, "batchSize", "?")));
    JsonNode opt = spec.path("optimizer");
    if (opt.isObject()) {
      sb.append(", optimizer ").append(Markdown.escape(optimizer(opt)));
    }
    sb.append(".\n");
    nb.markdown(sb.toString());
    JsonNode model = spec.path("model");
    if (model.isObject() && model.size() > 0) {
      nb.table(List.of("Model setting", "Value"), fields(model));
    }
    nb.markdown(
        run.summary()
            .map(s -> Markdown.fenced("text", s))
            .orElse("No summary.txt in the run folder.\n"));
  }

  private void history() {
    Optional<History> h = run.history();
    if (h.isEmpty() || h.get().rows().isEmpty()) {
      nb.markdown(
          "## Training history\n\nNo history.csv (or no epoch finished) in the run folder.\n");
      return;
    }
    History history = h.get();
    String metric =
        history.rows().isEmpty() ? HistoryCsv.METRIC : history.get(0, HistoryCsv.METRIC_NAME);
    metric = metric.isEmpty() ? HistoryCsv.METRIC : metric;
    List<String> columns = new ArrayList<>();
    List<String> headers = new ArrayList<>();
    Map<String, String> known = new java.util.LinkedHashMap<>();
    for (String column : HistoryCsv.COLUMNS) {
      switch (column) {
        case HistoryCsv.METRIC_NAME -> {} // its value names the metric columns
        case HistoryCsv.METRIC -> known.put(column, metric);
        case HistoryCsv.VAL_METRIC -> known.put(column, "val_" + metric);
        default -> known.put(column, column);
      }
    }
    known.forEach(
        (column, header) -> {
          if (history.hasValues(column)) {
            columns.add(column);
            headers.add(header);
          }
        });
    for (String c : history.columns()) {
      if (!known.containsKey(c) && !HistoryCsv.METRIC_NAME.equals(c) && history.hasValues(c)) {
        columns.add(c);
        headers.add(c);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (int r = 0; r < history.rows().size(); r++) {
      List<String> row = new ArrayList<>();
      for (String c : columns) {
        row.add(Format.number(history.get(r, c)));
      }
      rows.add(row);
    }
    nb.markdown(
        "## Training history\n\nOne row per epoch ("
            + rows.size()
            + " rows); `val_` columns are on the validation split.\n");
    nb.table(headers, rows);
  }

  private void results() {
    StringBuilder sb = new StringBuilder("## Results\n\n");
    Optional<JsonNode> results = run.results();
    if (results.isEmpty()) {
      sb.append("No results.json: the run's status is **")
          .append(Markdown.escape(JsonFiles.text(run.manifest(), "status", "unknown")))
          .append("** and it has not been tested. Results appear when training finishes.\n");
      nb.markdown(sb.toString());
    } else {
      JsonNode r = results.get();
      String metric = JsonFiles.text(r, "metricName", "metric");
      List<List<String>> rows = new ArrayList<>();
      JsonFiles.number(r, "testMetric")
          .ifPresent(
              v ->
                  rows.add(
                      List.of(
                          "test " + metric,
                          "acc".equals(metric) || "accuracy".equals(metric)
                              ? Format.percent(v)
                              : Format.number(Double.toString(v)))));
      JsonFiles.number(r, "testLoss")
          .ifPresent(v -> rows.add(List.of("test loss", Format.number(Double.toString(v)))));
      rows.add(List.of("test examples", JsonFiles.text(r, "testExamples", "?")));
      rows.add(
          List.of(
              "checkpoint",
              JsonFiles.text(r, "checkpoint", "?")
                  + ", epoch "
                  + JsonFiles.text(r, "bestEpoch", "?")));
      JsonFiles.number(r, "trainSeconds")
          .ifPresent(v -> rows.add(List.of("training time", Format.duration(v))));
      nb.markdown(sb.toString());
      nb.table(List.of("Result", "Value"), rows);
    }
    run.evaluation().ifPresent(this::evaluation);
  }

  private void evaluation(JsonNode e) {
    StringBuilder sb = new StringBuilder("### Evaluation (evaluation.json)\n\n");
    JsonFiles.number(e, "accuracy")
        .ifPresent(v -> sb.append("Accuracy ").append(Format.percent(v)));
    JsonFiles.number(e, "loss")
        .ifPresent(v -> sb.append(", loss ").append(Format.number(Double.toString(v))));
    JsonFiles.number(e, "macroF1")
        .ifPresent(v -> sb.append(", macro F1 ").append(Format.number(Double.toString(v))));
    sb.append(".\n");
    nb.markdown(sb.toString());
    JsonNode perClass = e.path("perClass");
    if (perClass.isArray() && perClass.size() > 0) {
      List<List<String>> rows = new ArrayList<>();
      for (JsonNode c : perClass) {
        rows.add(
            List.of(
                JsonFiles.text(c, "class", "?"),
                num(c, "precision"),
                num(c, "recall"),
                num(c, "f1"),
                JsonFiles.text(c, "support", "")));
      }
      nb.table(List.of("Class", "Precision", "Recall", "F1", "Support"), rows);
    }
    JsonNode confusion = e.path("confusion");
    if (confusion.isArray() && confusion.size() > 0) {
      List<String> classes = new ArrayList<>();
      for (int i = 0; i < confusion.size(); i++) {
        classes.add(
            e.path("classes").has(i) ? e.path("classes").get(i).asText() : Integer.toString(i));
      }
      List<String> headers = new ArrayList<>();
      headers.add("true \\ predicted");
      headers.addAll(classes);
      List<List<String>> rows = new ArrayList<>();
      for (int i = 0; i < confusion.size(); i++) {
        List<String> row = new ArrayList<>();
        row.add(classes.get(i));
        for (JsonNode v : confusion.get(i)) {
          row.add(v.asText());
        }
        rows.add(row.subList(0, Math.min(row.size(), headers.size())));
      }
      nb.markdown("Confusion matrix (rows: true class, columns: predicted class):\n");
      nb.table(headers, rows);
    }
  }

  private void figures() {
    if (run.figures().isEmpty() && run.samples().isEmpty()) {
      nb.markdown("## Figures\n\nNo figures/ or samples/ in the run folder.\n");
      return;
    }
    nb.markdown("## Figures\n");
    for (Path png : run.figures()) {
      nb.figure(RunFolder.caption(png), png);
    }
    if (!run.samples().isEmpty()) {
      Path last = run.samples().get(run.samples().size() - 1);
      nb.figure("generator samples: " + RunFolder.caption(last), last);
    }
  }

  private void python() {
    nb.markdown(
        "## Re-check in Python\n\nThese cells load the exported SavedModel with TensorFlow for Python and "
            + "compute the test accuracy again from the tfjlab data cache (`$TFJLAB_DATA_DIR`, default "
            + "`~/.tfjlab/datasets`).\n");
    if (run.savedModel().isPresent()) {
      nb.code(SavedModelCheck.loader(run.dataset()));
      nb.code(
          SavedModelCheck.check(run.name(), nb.relative(run.savedModel().get()), run.testMetric()));
    } else {
      nb.code(SavedModelCheck.exportHint(run.name()));
    }
  }

  private static String num(JsonNode node, String field) {
    return JsonFiles.number(node, field).map(v -> String.format(Locale.ROOT, "%.4f", v)).orElse("");
  }

  private static List<List<String>> fields(JsonNode object) {
    List<List<String>> rows = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      rows.add(
          List.of(
              e.getKey(),
              e.getValue().isValueNode() ? e.getValue().asText() : compact(e.getValue())));
    }
    return rows;
  }

  /** "adam (learningRate 0.001, beta1 0.9)" from the spec's optimizer object. */
  private static String optimizer(JsonNode opt) {
    List<String> params = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> it = opt.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!"name".equals(e.getKey())) {
        params.add(
            e.getKey()
                + " "
                + (e.getValue().isValueNode() ? e.getValue().asText() : compact(e.getValue())));
      }
    }
    String name = JsonFiles.text(opt, "name", "?");
    return params.isEmpty() ? name : name + " (" + String.join(", ", params) + ")";
  }

  private static String compact(JsonNode node) {
    return node.toString();
  }
}
