package io.tfjlab.api;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Decodes image files with {@code javax.imageio} (PNG, JPEG, GIF, BMP) into raw values for {@link
 * EagerImageOps}: grey images (8 or 16 bits, alpha dropped) as one channel of their stored samples,
 * every other image as its sRGB red, green and blue (alpha dropped).
 */
final class ImageFiles {
  private ImageFiles() {}

  static EagerImageOps.Raw read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("image file " + file + " not found");
    }
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image " + file + ": " + e.getMessage(), e);
    }
    if (img == null) {
      throw new IllegalArgumentException(
          "cannot decode " + file + ": not a PNG, JPEG, GIF or BMP image");
    }
    return raw(img);
  }

  /** The values of an image already in memory, as {@link #read} gives them. */
  static EagerImageOps.Raw raw(BufferedImage img) {
    int h = img.getHeight();
    int w = img.getWidth();
    Raster raster = img.getRaster();
    if (img.getColorModel() instanceof ComponentColorModel cm
        && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
      // the stored grey samples as they are (getRGB would pass them through a colour conversion)
      float max = (1 << cm.getComponentSize(0)) - 1;
      float[] v = new float[h * w];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          v[y * w + x] = raster.getSample(x, y, 0);
        }
      }
      return new EagerImageOps.Raw(v, h, w, 1, max);
    }
    float[] v = new float[h * w * 3];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = img.getRGB(x, y);
        int o = (y * w + x) * 3;
        v[o] = (rgb >> 16) & 0xFF;
        v[o + 1] = (rgb >> 8) & 0xFF;
        v[o + 2] = rgb & 0xFF;
      }
    }
    return new EagerImageOps.Raw(v, h, w, 3, 255f);
  }
}
