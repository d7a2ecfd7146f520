package io.tfjlab.data.user;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/** What the readers of users' data sets share: the seeded test split and the content digest. */
public final class UserData {
  private UserData() {}

  /**
   * Which rows go to the test split: per class (in class order), a seeded shuffle of its rows and
   * the first {@code round(fraction * n)} of them, at least one and never all when the class has
   * two or more rows.
   */
  public static boolean[] testRows(int[] labels, int classes, double fraction, long seed) {
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    Random rng = new Random(seed);
    boolean[] test = new boolean[labels.length];
    for (List<Integer> rows : byClass) {
      Collections.shuffle(rows, rng);
      int n = rows.size();
      int k = n < 2 ? 0 : (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
      for (int j = 0; j < k; j++) {
        test[rows.get(j)] = true;
      }
    }
    return test;
  }

  /** The images at rows where {@code mask[i] == want}, in their order. */
  public static ImageSet rows(ImageSet all, boolean[] mask, boolean want) {
    return all.subset(IntStream.range(0, mask.length).filter(i -> mask[i] == want).toArray());
  }

  /** The digests a user data set's manifest records: SHA-256 of each split's content. */
  public static Map<String, String> digests(ImageSet train, ImageSet test) {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("train", sha256(train));
    d.put("test", sha256(test));
    return d;
  }

  /**
   * SHA-256 over a set's shape, class count and size, then each image's label byte and pixels (the
   * digest the Java API's in-memory data sets record).
   */
  public static String sha256(ImageSet s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(
          (s.shape() + "/" + s.numClasses() + "/" + s.size()).getBytes(StandardCharsets.UTF_8));
      int px = s.shape().size();
      byte[] row = new byte[px + 1];
      for (int i = 0; i < s.size(); i++) {
        row[0] = (byte) s.label(i);
        s.copyRaw(i, row, 1);
        md.update(row);
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Class names "0", "1", ... for data sets whose labels are numbers. */
  public static List<String> numbered(int classes) {
    return IntStream.range(0, classes).mapToObj(Integer::toString).toList();
  }

  /** Checks labels are in 0..classes-1 and that at least two classes are present. */
  static int classCount(String what, int[] train, int[] test, int given) {
    int max = -1;
    for (int[] ys : new int[][] {train, test}) {
      for (int y : ys) {
        max = Math.max(max, y);
      }
    }
    int classes = given > 0 ? given : max + 1;
    if (max >= classes) {
      throw new DataFormatException(
          what
              + ": label "
              + max
              + " is outside 0.."
              + (classes - 1)
              + "; fix it or raise classes=");
    }
    if (classes < 2) {
      throw new DataFormatException(
          what + ": every label is 0; a classifier needs at least two classes");
    }
    if (classes > 256) {
      throw new DataFormatException(
          what + ": " + classes + " classes; tfjlab holds labels as bytes (at most 256 classes)");
    }
    return classes;
  }

  static byte[] bytes(int[] labels) {
    byte[] b = new byte[labels.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) labels[i];
    }
    return b;
  }

  static ImageShape shape(int h, int w, int c) {
    return new ImageShape(h, w, c);
  }
}
