package io.tfjlab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Reads the JSON files of run and report folders, with one-line messages for bad files. */
final class JsonFiles {
  private static final ObjectReader READER = new ObjectMapper().reader();

  private JsonFiles() {}

  /** The JSON object in {@code file}, or empty if the file does not exist. */
  static Optional<JsonNode> readIfPresent(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    JsonNode node;
    try {
      node = READER.readTree(Files.readString(file));
    } catch (IOException e) {
      String msg =
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException("malformed JSON in " + file + ": " + msg, e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("malformed JSON in " + file + ": expected an object");
    }
    return Optional.of(node);
  }

  /** A text field, or {@code fallback} when missing or null. */
  static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node.path(field);
    return v.isMissingNode() || v.isNull() ? fallback : v.asText();
  }

  /** A number field, or empty when missing, null or not a number. */
  static Optional<Double> number(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNumber() ? Optional.of(v.asDouble()) : Optional.empty();
  }
}
