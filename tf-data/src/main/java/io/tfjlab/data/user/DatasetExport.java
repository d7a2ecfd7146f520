package io.tfjlab.data.user;

import io.tfjlab.data.DataFormatException;
import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.ImageShape;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Writes a data set in the formats the readers take: an image folder ({@code
 * train|test/<class>/<index>.png}, zero-padded indices so the folder reads back in this order), an
 * npz ({@code <name>.npz}: x_train NHW for grey or NHWC, uint8 y_train, x_test, y_test, as {@code
 * keras.datasets}), or CSV ({@code train.csv}, {@code test.csv}: a header, then label and pixels).
 */
public final class DatasetExport {
  /** The export formats. */
  public static final List<String> FORMATS = List.of("folder", "npz", "csv");

  private DatasetExport() {}

  /** Writes {@code ds} into {@code out} (new or empty); returns the reference that reads it. */
  public static String write(Dataset ds, String format, Path out) throws IOException {
    if (Files.isDirectory(out)) {
      try (var s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(out + " is not empty; give a new --output folder");
        }
      }
    }
    Files.createDirectories(out);
    return switch (format) {
      case "folder" -> folder(ds, out);
      case "npz" -> npz(ds, out);
      case "csv" -> csv(ds, out);
      default ->
          throw new IllegalArgumentException(
              "--format " + format + " is unknown; use " + String.join(", ", FORMATS));
    };
  }

  /**
   * Class folder names: the class names made safe for a file system; prefixed with the zero-padded
   * class index when their sorted order would not be the class order.
   */
  public static List<String> classFolders(List<String> names) {
    List<String> safe =
        names.stream().map(n -> n.replaceAll("[/\\\\:*?\"<>|]", "-").trim()).toList();
    List<String> sorted = new ArrayList<>(safe);
    sorted.sort(null);
    if (sorted.equals(safe) && new java.util.HashSet<>(safe).size() == safe.size()) {
      return safe;
    }
    int width = Integer.toString(names.size() - 1).length();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < safe.size(); i++) {
      out.add(String.format(Locale.ROOT, "%0" + width + "d-%s", i, safe.get(i)));
    }
    return out;
  }

  private static String folder(Dataset ds, Path out) {
    List<String> folders = classFolders(ds.classNames());
    for (String split : new String[] {"train", "test"}) {
      ImageSet s = split.equals("train") ? ds.train() : ds.test();
      for (String f : folders) {
        try {
          Files.createDirectories(out.resolve(split).resolve(f));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      int width = Math.max(1, Integer.toString(Math.max(0, s.size() - 1)).length());
      ImageShape sh = s.shape();
      IntStream.range(0, s.size())
          .parallel()
          .forEach(
              i -> {
                Path file =
                    out.resolve(split)
                        .resolve(folders.get(s.label(i)))
                        .resolve(String.format(Locale.ROOT, "%0" + width + "d.png", i));
                writePng(s, i, sh, file);
              });
    }
    return "folder:" + out;
  }

  private static void writePng(ImageSet s, int i, ImageShape sh, Path file) {
    byte[] px = new byte[sh.size()];
    s.copyRaw(i, px, 0);
    BufferedImage img;
    if (sh.channels() == 1) {
      img = new BufferedImage(sh.width(), sh.height(), BufferedImage.TYPE_BYTE_GRAY);
      img.getRaster().setDataElements(0, 0, sh.width(), sh.height(), px);
    } else if (sh.channels() == 3) {
      img = new BufferedImage(sh.width(), sh.height(), BufferedImage.TYPE_INT_RGB);
      int[] rgb = new int[sh.width() * sh.height()];
      for (int k = 0; k < rgb.length; k++) {
        rgb[k] = (px[3 * k] & 0xFF) << 16 | (px[3 * k + 1] & 0xFF) << 8 | (px[3 * k + 2] & 0xFF);
      }
      img.setRGB(0, 0, sh.width(), sh.height(), rgb, 0, sh.width());
    } else {
      throw new DataFormatException(
          "images of " + sh + " cannot be PNG files; export them as npz or csv");
    }
    try {
      if (!ImageIO.write(img, "png", file.toFile())) {
        throw new IOException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the test split alone as {@code x_test} (uint8, NHWC) and {@code y_test}, the file a
   * notebook's Python check reads; written to a temporary name and renamed.
   */
  public static void writeTestSet(Dataset ds, Path file) throws IOException {
    ImageSet s = ds.test();
    ImageShape sh = s.shape();
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, ByteBuffer> data = new LinkedHashMap<>();
    shapes.put("x_test", new long[] {s.size(), sh.height(), sh.width(), sh.channels()});
    data.put("x_test", s.pixelBuffer());
    shapes.put("y_test", new long[] {s.size()});
    data.put("y_test", ByteBuffer.wrap(UserData.bytes(s.labelArray())));
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      NpzFiles.writeUint8(tmp, shapes, data, Map.of());
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String npz(Dataset ds, Path out) throws IOException {
    Map<String, long[]> shapes = new LinkedHashMap<>();
    Map<String, ByteBuffer> data = new LinkedHashMap<>();
    for (String split : new String[] {"train", "test"}) {
      ImageSet s = split.equals("train") ? ds.train() : ds.test();
      ImageShape sh = s.shape();
      shapes.put(
          "x_" + split,
          sh.channels() == 1
              ? new long[] {s.size(), sh.height(), sh.width()}
              : new long[] {s.size(), sh.height(), sh.width(), sh.channels()});
      data.put("x_" + split, s.pixelBuffer());
      shapes.put("y_" + split, new long[] {s.size()});
      data.put("y_" + split, ByteBuffer.wrap(UserData.bytes(s.labelArray())));
    }
    Path file = out.resolve(ds.name() + ".npz");
    NpzFiles.writeUint8(file, shapes, data, Map.of());
    return "npz:" + file;
  }

  private static String csv(Dataset ds, Path out) throws IOException {
    for (String split : new String[] {"train", "test"}) {
      ImageSet s = split.equals("train") ? ds.train() : ds.test();
      int n = s.shape().size();
      try (BufferedWriter w =
          Files.newBufferedWriter(out.resolve(split + ".csv"), StandardCharsets.US_ASCII)) {
        StringBuilder line = new StringBuilder("label");
        for (int j = 0; j < n; j++) {
          line.append(",pixel").append(j);
        }
        w.write(line.append('\n').toString());
        byte[] px = new byte[n];
        for (int i = 0; i < s.size(); i++) {
          line.setLength(0);
          line.append(s.label(i));
          s.copyRaw(i, px, 0);
          for (byte b : px) {
            line.append(',').append(b & 0xFF);
          }
          w.write(line.append('\n').toString());
        }
      }
    }
    return "csv:" + out;
  }
}
