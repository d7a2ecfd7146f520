package io.tfjlab.eval.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Tiles float images (values in [0, 1], grayscale HxW or colour HxWx3) into one PNG grid, row by
 * row, {@code columns} images per row, with optional labels on the left of each row (for strips
 * such as "original" / "reconstruction").
 *
 * <p>Every image of a grid has the same shape. Values outside [0, 1] are clipped; NaN is an error.
 * Without labels the image is {@code columns * (w * scale) + (columns + 1) * padding} wide and
 * {@code rows * (h * scale) + (rows + 1) * padding} high; labels add a left margin as wide as the
 * longest label.
 *
 * @param columns images per row, at least 1
 * @param scale each pixel drawn as a {@code scale x scale} block, at least 1
 * @param padding gap between images and around the grid, in pixels, at least 0
 */
public record ImageGrid(int columns, int scale, int padding) {

  /** Colour of the padding and the label margin. */
  public static final Color BACKGROUND = new Color(0x404040);

  /** Checks the parameters. */
  public ImageGrid {
    if (columns < 1) {
      throw new IllegalArgumentException("image grid needs at least 1 column, got " + columns);
    }
    if (scale < 1) {
      throw new IllegalArgumentException("image grid scale must be at least 1, got " + scale);
    }
    if (padding < 0) {
      throw new IllegalArgumentException("image grid padding must not be negative, got " + padding);
    }
  }

  /** Writes grayscale images ({@code [h][w]}) as a PNG; {@code rowLabels} may be empty. */
  public void writeGray(List<float[][]> images, List<String> rowLabels, Path png) {
    PngFiles.write(renderGray(images, rowLabels), png);
  }

  /** Writes colour images ({@code [h][w][3]}, RGB) as a PNG; {@code rowLabels} may be empty. */
  public void writeRgb(List<float[][][]> images, List<String> rowLabels, Path png) {
    PngFiles.write(renderRgb(images, rowLabels), png);
  }

  /** Renders grayscale images {@code [h][w]}. */
  public BufferedImage renderGray(List<float[][]> images, List<String> rowLabels) {
    int[] size = size(images);
    int h = size[0];
    int w = size[1];
    float[][][][] asRgb = new float[images.size()][][][];
    for (int n = 0; n < images.size(); n++) {
      float[][] img = images.get(n);
      checkRows(img, n, h, w);
      float[][][] rgb = new float[h][w][];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float v = img[y][x];
          rgb[y][x] = new float[] {v, v, v};
        }
      }
      asRgb[n] = rgb;
    }
    return render(Arrays.asList(asRgb), h, w, rowLabels);
  }

  /** Renders colour images {@code [h][w][3]}. */
  public BufferedImage renderRgb(List<float[][][]> images, List<String> rowLabels) {
    int[] size = size(images);
    int h = size[0];
    int w = size[1];
    for (int n = 0; n < images.size(); n++) {
      float[][][] img = images.get(n);
      checkRows(img, n, h, w);
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          if (img[y][x] == null || img[y][x].length != 3) {
            throw new IllegalArgumentException(
                "image "
                    + n
                    + " pixel ("
                    + y
                    + ", "
                    + x
                    + ") has "
                    + (img[y][x] == null ? 0 : img[y][x].length)
                    + " channels, expected 3");
          }
        }
      }
    }
    return render(images, h, w, rowLabels);
  }

  private BufferedImage render(List<float[][][]> images, int h, int w, List<String> rowLabels) {
    int count = images.size();
    int rows = (count + columns - 1) / columns;
    List<String> labels = rowLabels == null ? List.of() : rowLabels;
    if (!labels.isEmpty() && labels.size() != rows) {
      throw new IllegalArgumentException(
          "got " + labels.size() + " row labels for " + rows + " rows of " + columns + " images");
    }
    int tileW = w * scale;
    int tileH = h * scale;
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(10, Math.min(16, tileH / 2)));
    int margin = labelMargin(labels, font);
    int width = margin + columns * tileW + (columns + 1) * padding;
    int height = rows * tileH + (rows + 1) * padding;
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(BACKGROUND);
      g.fillRect(0, 0, width, height);
      for (int n = 0; n < count; n++) {
        int x0 = margin + padding + (n % columns) * (tileW + padding);
        int y0 = padding + (n / columns) * (tileH + padding);
        float[][][] img = images.get(n);
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            int rgb =
                (channel(img[y][x][0], n, y, x) << 16)
                    | (channel(img[y][x][1], n, y, x) << 8)
                    | channel(img[y][x][2], n, y, x);
            for (int dy = 0; dy < scale; dy++) {
              for (int dx = 0; dx < scale; dx++) {
                out.setRGB(x0 + x * scale + dx, y0 + y * scale + dy, rgb);
              }
            }
          }
        }
      }
      if (!labels.isEmpty()) {
        g.setRenderingHint(
            RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(font);
        g.setColor(Color.WHITE);
        FontMetrics fm = g.getFontMetrics();
        for (int r = 0; r < rows; r++) {
          int yMid = padding + r * (tileH + padding) + tileH / 2;
          g.drawString(
              labels.get(r), Math.max(padding, 4), yMid + (fm.getAscent() - fm.getDescent()) / 2);
        }
      }
    } finally {
      g.dispose();
    }
    return out;
  }

  private int labelMargin(List<String> labels, Font font) {
    if (labels.isEmpty()) {
      return 0;
    }
    BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = probe.createGraphics();
    try {
      FontMetrics fm = g.getFontMetrics(font);
      int widest = 0;
      for (String label : labels) {
        widest = Math.max(widest, fm.stringWidth(label == null ? "" : label));
      }
      return widest + 2 * Math.max(padding, 4);
    } finally {
      g.dispose();
    }
  }

  private static int channel(float v, int n, int y, int x) {
    if (Float.isNaN(v)) {
      throw new IllegalArgumentException("image " + n + " pixel (" + y + ", " + x + ") is NaN");
    }
    return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
  }

  /** {height, width} of image 0 (rows of pixels: float[] gray, float[][] colour), not empty. */
  private static int[] size(List<? extends Object[]> images) {
    if (images == null || images.isEmpty()) {
      throw new IllegalArgumentException("image grid needs at least one image");
    }
    Object[] first = images.get(0);
    int h = first.length;
    int w = h == 0 ? 0 : Array.getLength(first[0]);
    if (h == 0 || w == 0) {
      throw new IllegalArgumentException("image 0 is empty (" + h + "x" + w + ")");
    }
    return new int[] {h, w};
  }

  /** Image {@code n} has {@code h} rows of {@code w} pixels (a pixel row is an array). */
  private static void checkRows(Object[] img, int n, int h, int w) {
    if (img == null || img.length != h) {
      throw new IllegalArgumentException(
          "image " + n + " has " + (img == null ? 0 : img.length) + " rows, image 0 has " + h);
    }
    for (int y = 0; y < h; y++) {
      if (img[y] == null || Array.getLength(img[y]) != w) {
        throw new IllegalArgumentException(
            "image "
                + n
                + " row "
                + y
                + " has "
                + (img[y] == null ? 0 : Array.getLength(img[y]))
                + " pixels, expected "
                + w);
      }
    }
  }
}
