package io.tfjlab.eval.plots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes PNG files atomically: a temporary file in the target folder, then an atomic rename. */
public final class PngFiles {

  private PngFiles() {}

  /**
   * Writes {@code image} as a PNG at {@code target}, creating missing parent folders. Readers see
   * either the old file or the complete new one, never a partial file.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(BufferedImage image, Path target) {
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", png)) {
        throw new IOException("no PNG writer available");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode PNG " + target + ": " + e.getMessage(), e);
    }
    io.tfjlab.runs.AtomicFiles.write(target, png.toByteArray());
  }
}
