package io.tfjlab.eval.plots;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
    Path absolute = target.toAbsolutePath();
    Path dir = absolute.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      // not Files.createTempFile: its owner-only permissions would stick to the final file
      tmp =
          dir.resolve(
              "."
                  + absolute.getFileName()
                  + "."
                  + ProcessHandle.current().pid()
                  + "."
                  + Thread.currentThread().getId()
                  + "."
                  + System.nanoTime()
                  + ".tmp");
      try (OutputStream out =
          Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        if (!ImageIO.write(image, "png", out)) {
          throw new IOException("no PNG writer available");
        }
      }
      Files.move(
          tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write PNG " + target + ": " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original error matters more
        }
      }
    }
  }
}
