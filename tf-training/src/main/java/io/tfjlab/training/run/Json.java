package io.tfjlab.training.run;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** One configured Jackson mapper, and atomic JSON file writes (temp file, then rename). */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
          .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);

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

  /** Writes bytes atomically, as {@link #write}: {@link io.tfjlab.runs.AtomicFiles#write}. */
  public static void writeAtomically(Path file, byte[] bytes) {
    io.tfjlab.runs.AtomicFiles.write(file, bytes);
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
