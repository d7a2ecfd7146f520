package io.tfjlab.eval.plots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Helpers to check written PNGs. */
final class PngAssert {

  private PngAssert() {}

  /** Reads the file, checks the PNG signature and size, and that no temp file is left beside it. */
  static BufferedImage readPng(Path png, int width, int height) throws IOException {
    assertThat(png).isRegularFile();
    byte[] head = Files.readAllBytes(png);
    assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    BufferedImage img = ImageIO.read(png.toFile());
    assertThat(img).isNotNull();
    assertThat(img.getWidth()).isEqualTo(width);
    assertThat(img.getHeight()).isEqualTo(height);
    try (Stream<Path> files = Files.list(png.getParent())) {
      assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    }
    return img;
  }

  /** Number of pixels within {@code tolerance} (per channel) of {@code color}. */
  static int countNear(BufferedImage img, Color color, int tolerance) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        Color c = new Color(img.getRGB(x, y));
        if (Math.abs(c.getRed() - color.getRed()) <= tolerance
            && Math.abs(c.getGreen() - color.getGreen()) <= tolerance
            && Math.abs(c.getBlue() - color.getBlue()) <= tolerance) {
          n++;
        }
      }
    }
    return n;
  }
}
