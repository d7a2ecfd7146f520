package io.tfjlab.data.user;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * {@code npz:FILE}: arrays {@code x_train}, {@code y_train} and optionally {@code x_test}, {@code
 * y_test} as {@code keras.datasets} loads them and {@code numpy.savez} writes them; images uint8
 * (or float32 in [0, 1] or [0, 255]), NHW or NHWC with 1 or 3 channels; labels integers, shape (N)
 * or (N, 1). {@code npz:DIR} reads the same four arrays as {@code .npy} files. Without x_test, a
 * seeded stratified test split of {@code test=} (default 0.2) is held out.
 */
public final class NumpyReader {
  private NumpyReader() {}

  public static Dataset read(DatasetRef ref) {
    if (!Files.exists(ref.path())) {
      throw new DataFormatException(
          ref.path()
              + " does not exist; give an .npz file (numpy.savez) or a folder of .npy files");
    }
    try (NpzFiles.Arrays a = NpzFiles.open(ref.path())) {
      for (String required : new String[] {"x_train", "y_train"}) {
        if (!a.has(required)) {
          throw new DataFormatException(
              a.describe(required)
                  + " is missing (found: "
                  + String.join(", ", a.names())
                  + "); save the arrays as numpy.savez(FILE, x_train=..., y_train=..., x_test=..., y_test=...)");
        }
      }
      boolean hasTest = a.has("x_test") || a.has("y_test");
      if (hasTest && !(a.has("x_test") && a.has("y_test"))) {
        throw new DataFormatException(
            ref.path() + " has only one of x_test and y_test; save both or neither");
      }
      int[] yTrain = labels(a, "y_train");
      int[] yTest = hasTest ? labels(a, "y_test") : new int[0];
      int classes = UserData.classCount(ref.path().toString(), yTrain, yTest, 0);
      ImageShape shape = shape(a, "x_train", yTrain.length);
      ImageSet train = images(a, "x_train", shape, yTrain, classes);
      ImageSet test;
      if (hasTest) {
        ImageShape ts = shape(a, "x_test", yTest.length);
        if (!ts.equals(shape)) {
          throw new DataFormatException(
              a.describe("x_test")
                  + " has images of "
                  + ts
                  + ", x_train of "
                  + shape
                  + "; give both the same shape");
        }
        test = images(a, "x_test", shape, yTest, classes);
      } else {
        boolean[] mask =
            UserData.testRows(train.labelArray(), classes, ref.testFraction(), ref.testSeed());
        ImageSet all = train;
        train = UserData.rows(all, mask, false);
        test = UserData.rows(all, mask, true);
      }
      return new Dataset(
          ref.shortName(),
          train,
          test,
          UserData.numbered(classes),
          UserData.digests(train, test),
          ref.path().toAbsolutePath());
    } catch (IOException e) {
      throw new DataFormatException(
          ref.path() + " cannot be read as .npz (" + e.getMessage() + "); write it again", e);
    }
  }

  private static int[] labels(NpzFiles.Arrays a, String name) throws IOException {
    String file = a.describe(name);
    NpyHeader h = NpyArrays.header(a.opener(name), file);
    long[] s = h.shape();
    if (!(s.length == 1 || (s.length == 2 && s[1] == 1))) {
      throw new DataFormatException(
          file
              + " has shape "
              + Arrays.toString(s)
              + "; labels must be (N,) or (N, 1) class indices");
    }
    return NpyArrays.readLabels(a.opener(name), file);
  }

  private static ImageShape shape(NpzFiles.Arrays a, String name, int n) throws IOException {
    String file = a.describe(name);
    NpyHeader h = NpyArrays.header(a.opener(name), file);
    long[] s = h.shape();
    if (s.length != 3 && s.length != 4 || (s.length == 4 && s[3] != 1 && s[3] != 3)) {
      throw new DataFormatException(
          file
              + " has shape "
              + Arrays.toString(s)
              + "; images must be (N, H, W) or (N, H, W, C) with C = 1 or 3");
    }
    if (s[0] != n) {
      throw new DataFormatException(
          file + " holds " + s[0] + " images but its labels " + n + "; give one label per image");
    }
    if ((long) n * s[1] * s[2] * (s.length == 4 ? s[3] : 1) > Integer.MAX_VALUE - 8) {
      throw new DataFormatException(file + " is larger than 2 GB of pixels; split it");
    }
    long bytes = h.count() * h.itemSize();
    if (a.size(name) >= 0 && bytes > a.size(name)) {
      // refused before the pixels are allocated
      throw new DataFormatException(
          file
              + " claims "
              + bytes
              + " bytes of pixels ("
              + h
              + ") but holds "
              + a.size(name)
              + "; the file is truncated or its header damaged");
    }
    return new ImageShape((int) s[1], (int) s[2], s.length == 4 ? (int) s[3] : 1);
  }

  private static ImageSet images(
      NpzFiles.Arrays a, String name, ImageShape shape, int[] labels, int classes)
      throws IOException {
    byte[] px = new byte[labels.length * shape.size()];
    NpyArrays.readPixels(a.opener(name), a.describe(name), px);
    return new ImageSet(px, UserData.bytes(labels), shape, classes);
  }
}
