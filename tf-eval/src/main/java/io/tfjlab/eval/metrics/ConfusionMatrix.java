package io.tfjlab.eval.metrics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of (actual, predicted) class pairs: {@code counts[actual][predicted]}, rows are the true
 * classes, columns the predictions (scikit-learn's {@code confusion_matrix} layout).
 *
 * <p>Immutable: the array is copied in and out. Serialises to JSON as {@code {"counts":[[...]]}}.
 *
 * @param counts a square matrix of non-negative counts, at least 1x1
 */
public record ConfusionMatrix(long[][] counts) {

  /** Validates and copies {@code counts}. */
  public ConfusionMatrix {
    if (counts == null || counts.length == 0) {
      throw new IllegalArgumentException("confusion matrix needs at least one class");
    }
    long[][] copy = new long[counts.length][];
    for (int a = 0; a < counts.length; a++) {
      if (counts[a] == null || counts[a].length != counts.length) {
        throw new IllegalArgumentException(
            "confusion matrix row "
                + a
                + " has "
                + (counts[a] == null ? 0 : counts[a].length)
                + " columns, expected "
                + counts.length);
      }
      for (int p = 0; p < counts.length; p++) {
        if (counts[a][p] < 0) {
          throw new IllegalArgumentException(
              "confusion matrix count [" + a + "][" + p + "] is negative: " + counts[a][p]);
        }
      }
      copy[a] = counts[a].clone();
    }
    counts = copy;
  }

  /**
   * Tallies paired labels.
   *
   * @param actual true class of each example, in {@code [0, numClasses)}
   * @param predicted predicted class of each example, same length as {@code actual}
   * @param numClasses number of classes, at least 1
   * @throws IllegalArgumentException on null or empty arrays, different lengths or a label out of
   *     range
   */
  public static ConfusionMatrix of(int[] actual, int[] predicted, int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("number of classes must be at least 1, got " + numClasses);
    }
    if (actual == null || predicted == null) {
      throw new IllegalArgumentException("actual and predicted labels must not be null");
    }
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException(
          "actual has " + actual.length + " labels but predicted has " + predicted.length);
    }
    if (actual.length == 0) {
      throw new IllegalArgumentException("no labels to compare: actual and predicted are empty");
    }
    long[][] counts = new long[numClasses][numClasses];
    for (int i = 0; i < actual.length; i++) {
      checkLabel("actual", i, actual[i], numClasses);
      checkLabel("predicted", i, predicted[i], numClasses);
      counts[actual[i]][predicted[i]]++;
    }
    return new ConfusionMatrix(counts);
  }

  private static void checkLabel(String which, int index, int label, int numClasses) {
    if (label < 0 || label >= numClasses) {
      throw new IllegalArgumentException(
          which
              + " label at index "
              + index
              + " is "
              + label
              + ", outside [0, "
              + numClasses
              + ")");
    }
  }

  /** A copy of the counts, {@code [actual][predicted]}. */
  @Override
  public long[][] counts() {
    long[][] copy = new long[counts.length][];
    for (int a = 0; a < counts.length; a++) {
      copy[a] = counts[a].clone();
    }
    return copy;
  }

  /**
   * Checks that there is one class name per class.
   *
   * @throws IllegalArgumentException if the number of names differs from the number of classes
   */
  public void checkClassNames(List<String> classNames) {
    if (classNames == null || classNames.size() != numClasses()) {
      throw new IllegalArgumentException(
          "got "
              + (classNames == null ? 0 : classNames.size())
              + " class names for a confusion matrix of "
              + numClasses()
              + " classes");
    }
  }

  /** Number of classes (rows = columns). */
  @JsonIgnore
  public int numClasses() {
    return counts.length;
  }

  /** Examples of class {@code actual} predicted as {@code predicted}. */
  public long count(int actual, int predicted) {
    return counts[actual][predicted];
  }

  /** Total number of examples. */
  @JsonIgnore
  public long total() {
    long t = 0;
    for (long[] row : counts) {
      for (long c : row) {
        t += c;
      }
    }
    return t;
  }

  /** Examples whose true class is {@code c} (row sum, the class's support). */
  public long actualCount(int c) {
    long s = 0;
    for (long v : counts[c]) {
      s += v;
    }
    return s;
  }

  /** Examples predicted as class {@code c} (column sum). */
  public long predictedCount(int c) {
    long s = 0;
    for (long[] row : counts) {
      s += row[c];
    }
    return s;
  }

  /** Fraction on the diagonal; 0 for an all-zero matrix. */
  @JsonIgnore
  public double accuracy() {
    long total = total();
    if (total == 0) {
      return 0.0;
    }
    long correct = 0;
    for (int c = 0; c < counts.length; c++) {
      correct += counts[c][c];
    }
    return (double) correct / total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConfusionMatrix other && Arrays.deepEquals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(counts);
  }

  @Override
  public String toString() {
    return "ConfusionMatrix" + Arrays.deepToString(counts);
  }
}
