package io.tfjlab.eval.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Per-class precision/recall/F1 with macro and weighted averages, like scikit-learn's {@code
 * classification_report(y_true, y_pred, labels=range(k), zero_division=0)}.
 *
 * <p>Zero division: a ratio whose denominator is 0 (precision of a class never predicted, recall of
 * a class with no examples, F1 when both are 0/0) is reported as 0, which is scikit-learn's default
 * value (its default also warns; we do not). Every class of the matrix takes part in the macro
 * average, including classes with no examples and no predictions, as with {@code labels=range(k)}.
 * The weighted averages weight each class by its support; with a total support of 0 they are 0.
 *
 * @param classes one entry per class, in class-index order
 * @param accuracy fraction of examples on the diagonal
 * @param macroPrecision unweighted mean of the per-class precisions
 * @param macroRecall unweighted mean of the per-class recalls
 * @param macroF1 unweighted mean of the per-class F1 scores
 * @param weightedPrecision support-weighted mean of the per-class precisions
 * @param weightedRecall support-weighted mean of the per-class recalls
 * @param weightedF1 support-weighted mean of the per-class F1 scores
 * @param total number of examples
 */
public record ClassificationReport(
    List<ClassMetrics> classes,
    double accuracy,
    double macroPrecision,
    double macroRecall,
    double macroF1,
    double weightedPrecision,
    double weightedRecall,
    double weightedF1,
    long total) {

  /** Copies the class list. */
  public ClassificationReport {
    classes = List.copyOf(classes);
  }

  /** Report with class names "0", "1", ... */
  public static ClassificationReport of(ConfusionMatrix matrix) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < matrix.numClasses(); c++) {
      names.add(Integer.toString(c));
    }
    return of(matrix, names);
  }

  /**
   * Report for a confusion matrix.
   *
   * @param classNames one name per class of {@code matrix}
   * @throws IllegalArgumentException if the number of names differs from the number of classes
   */
  public static ClassificationReport of(ConfusionMatrix matrix, List<String> classNames) {
    matrix.checkClassNames(classNames);
    int k = matrix.numClasses();
    List<ClassMetrics> rows = new ArrayList<>(k);
    long total = matrix.total();
    double mp = 0, mr = 0, mf = 0, wp = 0, wr = 0, wf = 0;
    for (int c = 0; c < k; c++) {
      long tp = matrix.count(c, c);
      long support = matrix.actualCount(c);
      long predicted = matrix.predictedCount(c);
      double precision = ratio(tp, predicted);
      double recall = ratio(tp, support);
      double f1 = ratio(2 * tp, support + predicted); // 2tp / (2tp + fp + fn)
      rows.add(new ClassMetrics(classNames.get(c), precision, recall, f1, support));
      mp += precision;
      mr += recall;
      mf += f1;
      wp += precision * support;
      wr += recall * support;
      wf += f1 * support;
    }
    return new ClassificationReport(
        rows,
        matrix.accuracy(),
        mp / k,
        mr / k,
        mf / k,
        ratio(wp, total),
        ratio(wr, total),
        ratio(wf, total),
        total);
  }

  /** Convenience: confusion matrix and report in one step. */
  public static ClassificationReport of(int[] actual, int[] predicted, List<String> classNames) {
    if (classNames == null || classNames.isEmpty()) {
      throw new IllegalArgumentException("class names must not be empty");
    }
    return of(ConfusionMatrix.of(actual, predicted, classNames.size()), classNames);
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0.0 : numerator / denominator;
  }

  /** Pretty-printed JSON of this report. */
  public String toJson() {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write classification report as JSON: " + e.getMessage(), e);
    }
  }

  /** A text table in the layout of scikit-learn's {@code classification_report}. */
  public String toText() {
    int width = Math.max(12, classes.stream().mapToInt(c -> c.name().length()).max().orElse(0));
    StringBuilder sb = new StringBuilder();
    String head = "%" + width + "s %9s %9s %9s %9s%n";
    String row = "%" + width + "s %9.4f %9.4f %9.4f %9d%n";
    sb.append(String.format(Locale.ROOT, head, "", "precision", "recall", "f1-score", "support"));
    for (ClassMetrics c : classes) {
      sb.append(
          String.format(
              Locale.ROOT, row, c.name(), c.precision(), c.recall(), c.f1(), c.support()));
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "%" + width + "s %9s %9s %9.4f %9d%n",
            "accuracy",
            "",
            "",
            accuracy,
            total));
    sb.append(
        String.format(Locale.ROOT, row, "macro avg", macroPrecision, macroRecall, macroF1, total));
    sb.append(
        String.format(
            Locale.ROOT,
            row,
            "weighted avg",
            weightedPrecision,
            weightedRecall,
            weightedF1,
            total));
    return sb.toString();
  }
}
