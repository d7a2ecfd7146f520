package io.tfjlab.data.user;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code csv:FILE}: one image per line, the label then the pixels (0..255, row-major HWC), as the
 * Kaggle MNIST CSV; an optional header line (its label field is not a number) is skipped. Options:
 * {@code label=N} the label's column (0-based, -1 the last), {@code size=HxW} (default: a square of
 * the pixel count, grey, or of a third of it, RGB), {@code classes=K} (default: max label + 1). The
 * test split: {@code csv:DIR} reads DIR/train.csv and DIR/test.csv; for a FILE whose name contains
 * "train", the same name with "test" next to it; otherwise a seeded stratified split of {@code
 * test=} (default 0.2).
 */
public final class CsvReader {
  private CsvReader() {}

  public static Dataset read(DatasetRef ref) {
    Path trainFile;
    Path testFile = null;
    if (Files.isDirectory(ref.path())) {
      trainFile = ref.path().resolve("train.csv");
      Path t = ref.path().resolve("test.csv");
      testFile = Files.isRegularFile(t) ? t : null;
    } else {
      trainFile = ref.path();
      String name = trainFile.getFileName().toString();
      if (name.contains("train")) {
        Path t = trainFile.resolveSibling(name.replace("train", "test"));
        testFile = Files.isRegularFile(t) ? t : null;
      }
    }
    if (!Files.isRegularFile(trainFile)) {
      throw new DataFormatException(
          trainFile
              + " does not exist; give a CSV file (label,pixel,... per line) or a folder with train.csv");
    }
    Rows train = parse(trainFile, ref);
    Rows test = testFile == null ? null : parse(testFile, ref);
    if (test != null && test.values != train.values) {
      throw new DataFormatException(
          testFile
              + " has "
              + test.values
              + " pixels per line, "
              + trainFile
              + " "
              + train.values
              + "; give both the same image size");
    }
    int classes =
        UserData.classCount(
            trainFile.toString(),
            train.labels(),
            test == null ? new int[0] : test.labels(),
            ref.classes());
    ImageShape shape = shape(trainFile, train.values, ref.size());
    ImageSet trainSet = train.toSet(shape, classes);
    ImageSet testSet;
    if (test != null) {
      testSet = test.toSet(shape, classes);
    } else {
      boolean[] mask =
          UserData.testRows(trainSet.labelArray(), classes, ref.testFraction(), ref.testSeed());
      ImageSet all = trainSet;
      trainSet = UserData.rows(all, mask, false);
      testSet = UserData.rows(all, mask, true);
    }
    return new Dataset(
        ref.shortName(),
        trainSet,
        testSet,
        UserData.numbered(classes),
        UserData.digests(trainSet, testSet),
        ref.path().toAbsolutePath());
  }

  private static ImageShape shape(Path file, int values, int[] size) {
    if (size != null) {
      int hw = size[0] * size[1];
      if (values == hw || values == 3 * hw) {
        return new ImageShape(size[0], size[1], values / hw);
      }
      throw new DataFormatException(
          file
              + " has "
              + values
              + " pixels per line, not "
              + size[0]
              + "x"
              + size[1]
              + " (x1 or x3); fix size=");
    }
    for (int c : new int[] {1, 3}) {
      int side = (int) Math.round(Math.sqrt(values / (double) c));
      if (values % c == 0 && side * side * c == values) {
        return new ImageShape(side, side, c);
      }
    }
    throw new DataFormatException(
        file
            + " has "
            + values
            + " pixels per line, not a square image; give size=HxW in the reference");
  }

  private static final class Rows {
    int values = -1;
    int n;
    int[] labels = new int[1024];
    byte[] pixels = new byte[0];

    int[] labels() {
      return Arrays.copyOf(labels, n);
    }

    ImageSet toSet(ImageShape shape, int classes) {
      return new ImageSet(
          Arrays.copyOf(pixels, n * values), UserData.bytes(labels()), shape, classes);
    }
  }

  private static Rows parse(Path file, DatasetRef ref) {
    Rows r = new Rows();
    int labelOpt = ref.labelColumn();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int lineNo = 0;
      int[] fields = new int[0];
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.split(",", -1);
        int labelCol = labelOpt < 0 ? parts.length + labelOpt : labelOpt;
        if (labelCol < 0 || labelCol >= parts.length) {
          throw new DataFormatException(
              file
                  + " line "
                  + lineNo
                  + " has "
                  + parts.length
                  + " columns, no label column "
                  + labelOpt
                  + "; fix label=");
        }
        if (lineNo == 1 && !parts[labelCol].trim().matches("-?\\d+")) {
          continue; // a header line
        }
        if (r.values < 0) {
          r.values = parts.length - 1;
          if (r.values < 1) {
            throw new DataFormatException(
                file + " line " + lineNo + " has no pixels after the label");
          }
          fields = new int[r.values];
        }
        if (parts.length - 1 != r.values) {
          throw new DataFormatException(
              file
                  + " line "
                  + lineNo
                  + " has "
                  + (parts.length - 1)
                  + " pixels, the first line "
                  + r.values
                  + "; every line needs the same number");
        }
        int label = number(parts[labelCol], file, lineNo, "label");
        if (label < 0 || label > 255 || (ref.classes() > 0 && label >= ref.classes())) {
          int max = ref.classes() > 0 ? ref.classes() - 1 : 255;
          throw new DataFormatException(
              file
                  + " line "
                  + lineNo
                  + ": label "
                  + label
                  + " is outside 0.."
                  + max
                  + "; fix the label"
                  + (ref.classes() > 0 ? " or raise classes=" : ""));
        }
        int k = 0;
        for (int j = 0; j < parts.length; j++) {
          if (j != labelCol) {
            int v = number(parts[j], file, lineNo, "pixel");
            if (v < 0 || v > 255) {
              throw new DataFormatException(
                  file
                      + " line "
                      + lineNo
                      + ": pixel "
                      + v
                      + " in column "
                      + j
                      + " is outside 0..255; write integer pixels 0..255");
            }
            fields[k++] = v;
          }
        }
        if (r.n == r.labels.length) {
          r.labels = Arrays.copyOf(r.labels, r.n * 2);
        }
        long need = (long) (r.n + 1) * r.values;
        if (need > r.pixels.length) {
          long grow = Math.max(need, Math.min((long) r.pixels.length * 2, Integer.MAX_VALUE - 8));
          if (grow > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(file + " is larger than 2 GB of pixels; split it");
          }
          r.pixels = Arrays.copyOf(r.pixels, (int) Math.max(grow, 1024L * r.values));
        }
        int base = r.n * r.values;
        for (int j = 0; j < r.values; j++) {
          r.pixels[base + j] = (byte) fields[j];
        }
        r.labels[r.n++] = label;
      }
    } catch (IOException e) {
      throw new DataFormatException(file + " cannot be read (" + e.getMessage() + ")", e);
    }
    if (r.n == 0) {
      throw new DataFormatException(
          file + " holds no images; give one label,pixels line per image");
    }
    return r;
  }

  private static int number(String s, Path file, int line, String what) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new DataFormatException(
          file + " line " + line + ": " + what + " '" + s + "' is not an integer; write integers");
    }
  }
}
