package io.tfjlab.data.split;

import io.tfjlab.data.ImageSet;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded, stratified splitting of a training part: a validation split holding each class in
 * proportion, and a balanced labeled subset (the same number of labels per class, so a multiple of
 * the number of classes) drawn from what is left. The same seeds always give the same indices, on
 * any machine ({@link SplittableRandom} is specified bit for bit).
 */
public final class DataSplitter {
  private DataSplitter() {}

  public static Splits split(ImageSet set, SplitSpec spec) {
    int k = set.numClasses();
    int[][] byClass = indicesByClass(set);
    int nVal = spec.validation().sizeOf(set.size());
    int[] valPerClass = proportional(byClass, nVal, set.size());

    int[][] remaining = new int[k][];
    int[] validation = new int[nVal];
    int v = 0;
    SplittableRandom splitRng = new SplittableRandom(spec.splitSeed());
    for (int c = 0; c < k; c++) {
      int[] shuffled = byClass[c].clone();
      shuffle(shuffled, splitRng);
      System.arraycopy(shuffled, 0, validation, v, valPerClass[c]);
      v += valPerClass[c];
      remaining[c] = Arrays.copyOfRange(shuffled, valPerClass[c], shuffled.length);
    }
    int[] train = concatSorted(remaining);
    Arrays.sort(validation);

    int[] labeled;
    if (spec.labels() == 0 || spec.labels() == train.length) {
      labeled = train;
    } else {
      labeled = balancedSubset(remaining, spec.labels(), spec.labelSeed());
    }
    return new Splits(train, validation, labeled);
  }

  /**
   * {@code total} labels spread evenly over classes, each class drawn with its own seeded order.
   */
  static int[] balancedSubset(int[][] byClass, int total, long seed) {
    int k = byClass.length;
    if (total % k != 0) {
      throw new IllegalArgumentException(balanceMessage(total, k));
    }
    if (total > Arrays.stream(byClass).mapToInt(a -> a.length).sum()) {
      throw new IllegalArgumentException(
          "asked for "
              + total
              + " labels but only "
              + Arrays.stream(byClass).mapToInt(a -> a.length).sum()
              + " training images remain; lower --labels or the validation split");
    }
    int base = total / k;
    int extra = total % k;
    int[] out = new int[total];
    int o = 0;
    SplittableRandom rng = new SplittableRandom(seed);
    for (int c = 0; c < k; c++) {
      int want = base + (c < extra ? 1 : 0);
      if (want > byClass[c].length) {
        throw new IllegalArgumentException(
            "class "
                + c
                + " has only "
                + byClass[c].length
                + " training images, "
                + want
                + " labels asked; lower --labels");
      }
      int[] sorted = byClass[c].clone();
      Arrays.sort(sorted);
      shuffle(sorted, rng);
      System.arraycopy(sorted, 0, out, o, want);
      o += want;
    }
    Arrays.sort(out);
    return out;
  }

  /** Why {@code total} labels cannot be balanced over {@code k} classes, and the nearest counts. */
  static String balanceMessage(int total, int k) {
    int below = total / k * k;
    int above = below + k;
    String nearest = below == 0 ? Integer.toString(above) : below + " or " + above;
    return "a balanced labeled subset of "
        + k
        + " classes needs a multiple of "
        + k
        + " labels, got "
        + total
        + "; use --labels "
        + nearest
        + " (or 0 for all)";
  }

  static int[][] indicesByClass(ImageSet set) {
    int k = set.numClasses();
    int[] counts = set.classCounts();
    int[][] out = new int[k][];
    for (int c = 0; c < k; c++) {
      out[c] = new int[counts[c]];
    }
    int[] fill = new int[k];
    for (int i = 0; i < set.size(); i++) {
      int c = set.label(i);
      out[c][fill[c]++] = i;
    }
    return out;
  }

  /** Largest-remainder allocation of {@code n} over classes in proportion to their sizes. */
  static int[] proportional(int[][] byClass, int n, int total) {
    int k = byClass.length;
    int[] alloc = new int[k];
    double[] rema = new double[k];
    int given = 0;
    for (int c = 0; c < k; c++) {
      double exact = (double) n * byClass[c].length / total;
      alloc[c] = (int) Math.floor(exact);
      rema[c] = exact - alloc[c];
      given += alloc[c];
    }
    while (given < n) {
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (rema[c] > rema[best]) {
          best = c;
        }
      }
      alloc[best]++;
      rema[best] = -1;
      given++;
    }
    return alloc;
  }

  /** Fisher–Yates shuffle in place. */
  public static void shuffle(int[] a, SplittableRandom rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static int[] concatSorted(int[][] parts) {
    int[] out = Arrays.stream(parts).flatMapToInt(Arrays::stream).toArray();
    Arrays.sort(out);
    return out;
  }
}
