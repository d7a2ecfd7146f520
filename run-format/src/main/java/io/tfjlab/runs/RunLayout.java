package io.tfjlab.runs;

import java.nio.file.Path;

/**
 * The layout of a run folder, {@code runs/<model>-<dataset>-<labels>-<n>/}: the names of its files
 * and folders, and how the folder itself is named. Every writer and reader of run folders takes the
 * names from here.
 *
 * <pre>
 *   manifest.json          resolved spec, seeds, versions, data checksums, status, timings
 *   labeled-indices.json   which training images were labeled, and the validation indices
 *   summary.txt            the Keras-style model summary
 *   history.csv            one row per epoch ({@link HistoryCsv})
 *   checkpoints/best/      best epoch on the monitored metric
 *   checkpoints/last/      the last epoch, for resuming
 *   tensorboard/           event files
 *   results.json           test loss and metric, read once at the end
 *   test-predictions.csv   index,label,predicted per test image (classifiers)
 *   evaluation.json        confusion matrix and per-class metrics (tfjlab report / compare)
 *   figures/               learning-curves.png, confusion-matrix.png
 *   samples/               generated-image grids (GANs): PHASE-epoch-NNN.png
 *   saved_model/           the exported SavedModel
 *   report.ipynb           the run's notebook (tfjlab report)
 * </pre>
 *
 * @param dir the run folder
 */
public record RunLayout(Path dir) {
  /**
   * The version of this layout, recorded as {@code versions."run-format"} in every manifest (absent
   * in runs written before it was: those are format 1). A run folder of a higher format was written
   * by a newer tfjlab and is refused, not misread.
   */
  public static final int FORMAT = 1;

  /** The manifest's {@code versions} entry holding {@link #FORMAT}. */
  public static final String FORMAT_KEY = "run-format";

  public static final String MANIFEST = "manifest.json";
  public static final String LABELED = "labeled-indices.json";
  public static final String SUMMARY = "summary.txt";
  public static final String HISTORY = "history.csv";
  public static final String CHECKPOINTS = "checkpoints";

  /** The checkpoint of the best epoch, under {@link #CHECKPOINTS}. */
  public static final String BEST = "best";

  /** The checkpoint of the last epoch, under {@link #CHECKPOINTS}. */
  public static final String LAST = "last";

  public static final String TENSORBOARD = "tensorboard";
  public static final String RESULTS = "results.json";
  public static final String PREDICTIONS = "test-predictions.csv";

  /** The header of {@link #PREDICTIONS}. */
  public static final String PREDICTIONS_HEADER = "index,label,predicted";

  public static final String EVALUATION = "evaluation.json";
  public static final String FIGURES = "figures";

  /** Under {@link #FIGURES}: loss and metric per epoch. */
  public static final String LEARNING_CURVES = "learning-curves.png";

  /** Under {@link #FIGURES}: the test confusion matrix. */
  public static final String CONFUSION = "confusion-matrix.png";

  public static final String SAMPLES = "samples";
  public static final String SAVED_MODEL = "saved_model";
  public static final String NOTEBOOK = "report.ipynb";

  /** The name before the number: {@code <model>-<dataset>-<labels>}, labels "all" for 0. */
  public static String baseName(String model, String dataset, int labels) {
    return model + "-" + dataset + "-" + (labels == 0 ? "all" : Integer.toString(labels));
  }

  /** The folder name of run number {@code n} (from 1) of a base name. */
  public static String folderName(String baseName, int n) {
    return baseName + "-" + n;
  }

  /** The run number of a run folder (the N of its name's -N end), or -1 if it has none. */
  public static long number(Path run) {
    String n = run.getFileName().toString();
    try {
      return Long.parseLong(n.substring(n.lastIndexOf('-') + 1));
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  /** The file name of a generated-sample grid: {@code <phase>-epoch-NNN.png}. */
  public static String sampleFile(String phase, int epoch) {
    return String.format(java.util.Locale.ROOT, "%s-epoch-%03d.png", phase, epoch);
  }

  public Path manifest() {
    return dir.resolve(MANIFEST);
  }

  public Path labeled() {
    return dir.resolve(LABELED);
  }

  public Path summary() {
    return dir.resolve(SUMMARY);
  }

  public Path history() {
    return dir.resolve(HISTORY);
  }

  public Path checkpoints() {
    return dir.resolve(CHECKPOINTS);
  }

  /** The folder of a named checkpoint ({@link #BEST} or {@link #LAST}). */
  public Path checkpoint(String name) {
    return checkpoints().resolve(name);
  }

  public Path tensorboard() {
    return dir.resolve(TENSORBOARD);
  }

  public Path results() {
    return dir.resolve(RESULTS);
  }

  public Path predictions() {
    return dir.resolve(PREDICTIONS);
  }

  public Path evaluation() {
    return dir.resolve(EVALUATION);
  }

  public Path figures() {
    return dir.resolve(FIGURES);
  }

  public Path samples() {
    return dir.resolve(SAMPLES);
  }

  public Path savedModel() {
    return dir.resolve(SAVED_MODEL);
  }

  public Path notebook() {
    return dir.resolve(NOTEBOOK);
  }
}
