package io.tfjlab.training.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The built-in defaults of a run, the lowest layer of every spec: the resource {@code
 * io/tfjlab/training/defaults.json}, the one place they are written. {@link
 * io.tfjlab.training.RunSpec} fills its missing fields from here too.
 */
public final class BuiltInDefaults {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectNode VALUES = load();

  private BuiltInDefaults() {}

  private static ObjectNode load() {
    String resource = "/io/tfjlab/training/defaults.json";
    try (InputStream in = BuiltInDefaults.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + ": " + e.getMessage(), e);
    }
  }

  /** A copy of all defaults, shaped like a run spec. */
  public static ObjectNode values() {
    return VALUES.deepCopy();
  }

  /** One default, read as {@code type}. */
  public static <T> T get(String field, Class<T> type) {
    JsonNode v = VALUES.get(field);
    if (v == null) {
      throw new IllegalArgumentException("no built-in default for " + field);
    }
    try {
      return MAPPER.treeToValue(v, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
