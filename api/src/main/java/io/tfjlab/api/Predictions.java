package io.tfjlab.api;

import java.util.List;
import java.util.Locale;

/**
 * What a classifier says about a batch of images: per image the probability of every class and the
 * most probable class. A binary model's single sigmoid output p is given as the two classes {@code
 * [1 - p, p]}.
 */
public final class Predictions {
  private final List<String> classNames;
  private final float[][] probabilities;
  private final int[] classes;

  Predictions(List<String> classNames, float[][] probabilities, int[] classes) {
    if (probabilities.length != classes.length) {
      throw new IllegalArgumentException(
          probabilities.length + " probability rows for " + classes.length + " classes");
    }
    this.classNames = List.copyOf(classNames);
    this.probabilities = probabilities;
    this.classes = classes;
  }

  /** From a model's output rows: K softmax probabilities, or one sigmoid probability (binary). */
  static Predictions fromOutput(List<String> classNames, float[][] output) {
    return fromOutput(classNames, output, null);
  }

  /**
   * The same with the classes a served model gave ({@code null}: the most probable, or p > 0.5 for
   * binary).
   */
  static Predictions fromOutput(List<String> classNames, float[][] output, int[] served) {
    int n = output.length;
    float[][] p = new float[n][];
    int[] c = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] =
          output[i].length == 1 ? new float[] {1f - output[i][0], output[i][0]} : output[i].clone();
      int best = 0;
      for (int k = 1; k < p[i].length; k++) {
        if (p[i][k] > p[i][best]) {
          best = k;
        }
      }
      c[i] =
          served != null ? served[i] : output[i].length == 1 ? (output[i][0] > 0.5f ? 1 : 0) : best;
    }
    List<String> names =
        classNames.size() == p[0].length
            ? classNames
            : java.util.stream.IntStream.range(0, p[0].length).mapToObj(Integer::toString).toList();
    return new Predictions(names, p, c);
  }

  /** Number of images. */
  public int size() {
    return classes.length;
  }

  /** The predicted class index of image {@code i}. */
  public int classOf(int i) {
    return classes[i];
  }

  /** The predicted class name of image {@code i}. */
  public String labelOf(int i) {
    return classNames.get(classes[i]);
  }

  /** The probability of the predicted class of image {@code i}. */
  public float confidence(int i) {
    return probabilities[i][classes[i]];
  }

  /** A copy of the class probabilities of image {@code i}. */
  public float[] probabilities(int i) {
    return probabilities[i].clone();
  }

  /** A copy of all predicted class indices. */
  public int[] classes() {
    return classes.clone();
  }

  public List<String> classNames() {
    return classNames;
  }

  /** One line per image: index, class and its probability. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < size(); i++) {
      b.append(String.format(Locale.ROOT, "%d: %s (%.3f)%n", i, labelOf(i), confidence(i)));
    }
    return b.toString();
  }
}
