package io.tfjlab.data.formats;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the LIBSVM text format of USPS: one line per image, {@code label index:value ...}, labels
 * 1..10 where 10 stands for the digit 0, 1-based feature indices, values in [-1, 1] (missing
 * features are 0). Values are mapped to unsigned bytes by {@code round((v + 1) / 2 * 255)}. Accepts
 * bzip2-compressed or plain files.
 */
public final class LibsvmImageReader {
  private LibsvmImageReader() {}

  public static ImageSet read(Path file, ImageShape shape) {
    try (InputStream raw = io.tfjlab.data.io.Decoding.open(file);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(raw, StandardCharsets.US_ASCII))) {
      return parse(file.toString(), reader, shape);
    } catch (IOException e) {
      throw new DataFormatException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  static ImageSet parse(String name, BufferedReader reader, ImageShape shape) throws IOException {
    int n = shape.size();
    List<byte[]> images = new ArrayList<>();
    List<Byte> labels = new ArrayList<>();
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      line = line.strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] parts = line.split("\\s+");
      int label;
      try {
        label = (int) Double.parseDouble(parts[0]);
      } catch (NumberFormatException e) {
        throw new DataFormatException(
            name + ":" + lineNo + ": label '" + parts[0] + "' is not a number");
      }
      if (label < 1 || label > 10) {
        throw new DataFormatException(name + ":" + lineNo + ": label " + label + " outside 1..10");
      }
      byte[] img = new byte[n];
      java.util.Arrays.fill(img, (byte) toByte(0.0));
      for (int k = 1; k < parts.length; k++) {
        int colon = parts[k].indexOf(':');
        if (colon < 0) {
          throw new DataFormatException(
              name + ":" + lineNo + ": '" + parts[k] + "' is not index:value");
        }
        int index;
        double value;
        try {
          index = Integer.parseInt(parts[k].substring(0, colon));
          value = Double.parseDouble(parts[k].substring(colon + 1));
        } catch (NumberFormatException e) {
          throw new DataFormatException(
              name + ":" + lineNo + ": '" + parts[k] + "' is not index:value");
        }
        if (index < 1 || index > n) {
          throw new DataFormatException(
              name + ":" + lineNo + ": feature index " + index + " outside 1.." + n);
        }
        if (!(value >= -1.0001 && value <= 1.0001)) { // also refuses NaN
          throw new DataFormatException(
              name + ":" + lineNo + ": value " + value + " outside [-1, 1]");
        }
        img[index - 1] = (byte) toByte(value);
      }
      images.add(img);
      labels.add((byte) (label % 10));
    }
    if (images.isEmpty()) {
      throw new DataFormatException(name + ": no images in the file");
    }
    byte[] pixels = new byte[images.size() * n];
    byte[] y = new byte[images.size()];
    for (int i = 0; i < images.size(); i++) {
      System.arraycopy(images.get(i), 0, pixels, i * n, n);
      y[i] = labels.get(i);
    }
    return new ImageSet(pixels, y, shape, 10);
  }

  static int toByte(double v) {
    double clipped = Math.max(-1.0, Math.min(1.0, v));
    return (int) Math.round((clipped + 1.0) / 2.0 * 255.0);
  }
}
