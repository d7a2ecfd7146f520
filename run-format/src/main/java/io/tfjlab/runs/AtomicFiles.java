package io.tfjlab.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that readers see the old version or the whole new one, never a part: the bytes
 * go to a hidden temporary file of this process and call in the same folder, are synced to disk,
 * then renamed over the target. A failed write (a full disk) leaves the previous file as it was and
 * no temporary file behind.
 */
public final class AtomicFiles {
  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicFiles() {}

  /**
   * Writes {@code bytes} to {@code file}, creating missing parent folders.
   *
   * @throws UncheckedIOException naming the file, and saying the previous version is kept
   */
  public static void write(Path file, byte[] bytes) {
    Path target = file.toAbsolutePath();
    Path tmp = null;
    try {
      Files.createDirectories(target.getParent());
      // a name of this process and call (Files.createTempFile would make the file owner-only)
      tmp =
          target.resolveSibling(
              "."
                  + target.getFileName()
                  + "."
                  + ProcessHandle.current().pid()
                  + "-"
                  + COUNTER.incrementAndGet()
                  + ".tmp");
      try (FileChannel ch =
          FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + file + " (" + e.getMessage() + "); the previous version is kept", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden; the original error matters more
        }
      }
    }
  }
}
