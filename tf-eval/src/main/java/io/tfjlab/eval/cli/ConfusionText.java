package io.tfjlab.eval.cli;

import io.tfjlab.eval.metrics.ConfusionMatrix;
import java.util.List;

/** A confusion matrix as a text table: rows actual, columns predicted. */
final class ConfusionText {
  private ConfusionText() {}

  static String render(ConfusionMatrix m, List<String> names) {
    int w = 6;
    for (String n : names) {
      w = Math.max(w, n.length() + 1);
    }
    StringBuilder b = new StringBuilder("Confusion matrix (rows: actual, columns: predicted)\n");
    b.append(pad("", w));
    for (String n : names) {
      b.append(pad(n, w));
    }
    b.append('\n');
    for (int a = 0; a < m.numClasses(); a++) {
      b.append(pad(names.get(a), w));
      for (int p = 0; p < m.numClasses(); p++) {
        b.append(pad(Long.toString(m.count(a, p)), w));
      }
      b.append('\n');
    }
    return b.toString();
  }

  private static String pad(String s, int w) {
    return " ".repeat(Math.max(1, w - s.length())) + s;
  }
}
