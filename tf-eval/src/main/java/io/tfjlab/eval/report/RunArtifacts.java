package io.tfjlab.eval.report;

import io.tfjlab.eval.metrics.ClassMetrics;
import io.tfjlab.eval.metrics.ClassificationReport;
import io.tfjlab.eval.metrics.ConfusionMatrix;
import io.tfjlab.eval.plots.ConfusionMatrixPlot;
import io.tfjlab.eval.plots.LearningCurves;
import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.run.Manifest;
import io.tfjlab.training.run.RunDirectory;
import io.tfjlab.training.run.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What a finished run's folder can show without TensorFlow: {@code figures/learning-curves.png}
 * from history.csv and, for classifiers, {@code evaluation.json} (confusion matrix, per-class
 * precision/recall/F1) and {@code figures/confusion-matrix.png} from the test predictions the run
 * wrote at its one test pass (the test set is not read again). File names are {@link RunLayout}'s.
 */
public final class RunArtifacts {
  private RunArtifacts() {}

  public static void write(Path runPath) {
    RunDirectory run = RunDirectory.open(runPath);
    Path figures = run.layout().figures();
    if (Files.isRegularFile(run.history()) && hasRows(run.history())) {
      LearningCurves.defaults().write(run.history(), figures.resolve(RunLayout.LEARNING_CURVES));
    }
    if (Files.isRegularFile(run.predictions())) {
      Manifest manifest = Manifest.read(run.manifest());
      Predictions p = Predictions.read(run.predictions());
      // the data set's class names as the run recorded them; runs from before: 0..9 (digits)
      List<String> recorded = manifest.data() == null ? null : manifest.data().classNames();
      int k =
          recorded != null && !recorded.isEmpty()
              ? recorded.size()
              : Math.max(
                  10,
                  IntStream.concat(IntStream.of(p.actual()), IntStream.of(p.predicted()))
                          .max()
                          .orElse(0)
                      + 1);
      List<String> names =
          recorded != null && !recorded.isEmpty()
              ? recorded
              : IntStream.range(0, k).mapToObj(String::valueOf).toList();
      ConfusionMatrix matrix = ConfusionMatrix.of(p.actual(), p.predicted(), k);
      ClassificationReport report = ClassificationReport.of(matrix, names);
      Double loss =
          Files.isRegularFile(run.results())
              ? Json.read(run.results(), RunResult.class).testLoss()
              : null;
      Json.write(run.layout().evaluation(), evaluation(report, matrix, names, loss));
      ConfusionMatrixPlot.defaults()
          .write(
              matrix,
              names,
              "Confusion matrix (test) — " + run.name() + ", " + manifest.spec().model().type(),
              figures.resolve(RunLayout.CONFUSION));
    }
  }

  /**
   * The evaluation in the shape notebooks read: accuracy, loss, confusion, classes, perClass,
   * macroF1.
   */
  static Map<String, Object> evaluation(
      ClassificationReport report, ConfusionMatrix matrix, List<String> names, Double loss) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("accuracy", report.accuracy());
    if (loss != null) {
      m.put("loss", loss);
    }
    m.put("examples", report.total());
    m.put("classes", names);
    m.put("confusion", matrix.counts());
    List<Map<String, Object>> perClass = new ArrayList<>();
    for (ClassMetrics c : report.classes()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("class", c.name());
      row.put("precision", c.precision());
      row.put("recall", c.recall());
      row.put("f1", c.f1());
      row.put("support", c.support());
      perClass.add(row);
    }
    m.put("perClass", perClass);
    m.put("macroF1", report.macroF1());
    m.put("weightedF1", report.weightedF1());
    return m;
  }

  private static boolean hasRows(Path csv) {
    try {
      return Files.readAllLines(csv).size() > 1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
    }
  }

  /** test-predictions.csv ({@link RunLayout#PREDICTIONS_HEADER}). */
  record Predictions(int[] actual, int[] predicted) {
    static Predictions read(Path csv) {
      try {
        List<String> lines = Files.readAllLines(csv);
        if (lines.isEmpty() || !lines.get(0).equals(RunLayout.PREDICTIONS_HEADER)) {
          throw new IllegalArgumentException(
              csv
                  + " is not a test-predictions file (header "
                  + RunLayout.PREDICTIONS_HEADER
                  + ")");
        }
        int n = lines.size() - 1;
        int[] a = new int[n];
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
          String[] f = lines.get(i + 1).split(",");
          a[i] = Integer.parseInt(f[1]);
          p[i] = Integer.parseInt(f[2]);
        }
        return new Predictions(a, p);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + csv + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(csv + ": malformed line (" + e.getMessage() + ")", e);
      }
    }
  }
}
