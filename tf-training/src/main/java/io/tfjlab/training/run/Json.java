package io.tfjlab.training.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** One configured Jackson mapper, and atomic JSON file writes (temp file, then rename). */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);

  private static final java.util.concurrent.atomic.AtomicLong TEMP_COUNTER =
      new java.util.concurrent.atomic.AtomicLong();

  private Json() {}

  /**
   * Writes {@code value} as JSON atomically: into a temporary file of its own next to {@code file}
   * (unique, so two writers never share one), forced to disk, then renamed over {@code file}. A
   * failure (a full disk) leaves the previous {@code file} as it was and no temporary file.
   */
  public static void write(Path file, Object value) {
    byte[] bytes;
    try {
      bytes = MAPPER.writeValueAsBytes(value);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    writeAtomically(file, bytes);
  }

  /** Writes a text file atomically (temp file, then rename), as {@link #write}. */
  public static void writeString(Path file, String text) {
    writeAtomically(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Writes bytes atomically, as {@link #write}. */
  public static void writeAtomically(Path file, byte[] bytes) {
    Path tmp = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      // a name of this process and call (createTempFile would make it owner-only, rw-------)
      tmp =
          dir.resolve(
              "."
                  + file.getFileName()
                  + "."
                  + ProcessHandle.current().pid()
                  + "-"
                  + TEMP_COUNTER.incrementAndGet()
                  + ".tmp");
      try (java.nio.channels.FileChannel ch =
          java.nio.channels.FileChannel.open(
              tmp,
              java.nio.file.StandardOpenOption.CREATE_NEW,
              java.nio.file.StandardOpenOption.WRITE)) {
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + file + " (" + e.getMessage() + "); the previous version is kept", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden; nothing more to do
        }
      }
    }
  }

  public static <T> T read(Path file, Class<T> type) {
    try {
      return MAPPER.readValue(file.toFile(), type);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": " + firstLine(e.getMessage()), e);
    }
  }

  static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
