package io.tfjlab.runs;

import java.nio.file.Path;

/**
 * The layout of a comparison report folder, {@code reports/<name>/}.
 *
 * <pre>
 *   comparison.md     the table, with the command, date and machine
 *   comparison.json   the same, with each row's run folders
 *   figures/          ROW-learning-curves.png, ROW-confusion-matrix.png, ROW-generated-samples.png
 *   report.ipynb      the notebook
 * </pre>
 *
 * @param dir the report folder
 */
public record ReportLayout(Path dir) {
  public static final String COMPARISON_JSON = "comparison.json";
  public static final String COMPARISON_MARKDOWN = "comparison.md";
  public static final String FIGURES = "figures";
  public static final String NOTEBOOK = "report.ipynb";

  /**
   * The file name of a row's figure: {@code <row>-<figure>.png}, e.g. cnn-100-learning-curves.png.
   */
  public static String rowFigure(String rowId, String figure) {
    return rowId + "-" + figure + ".png";
  }

  public Path comparisonJson() {
    return dir.resolve(COMPARISON_JSON);
  }

  public Path comparisonMarkdown() {
    return dir.resolve(COMPARISON_MARKDOWN);
  }

  public Path figures() {
    return dir.resolve(FIGURES);
  }

  public Path notebook() {
    return dir.resolve(NOTEBOOK);
  }
}
