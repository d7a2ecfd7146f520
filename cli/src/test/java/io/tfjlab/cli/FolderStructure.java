package io.tfjlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tfjlab.runs.HistoryCsv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The structure of run and report folders, values left out: which files there are, the keys and
 * value types of each JSON file, the columns of history.csv and what kind of value each holds. Two
 * folders written by the same code from the same specs have the same structure.
 */
final class FolderStructure {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FolderStructure() {}

  /** Every file under {@code root}, as a relative path with '/' separators, sorted. */
  static List<String> files(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** The structure of one file: JSON types, history.csv columns, or only that it exists. */
  static String of(Path file) throws IOException {
    String name = file.getFileName().toString();
    if (name.endsWith(".json")) {
      return json(MAPPER.readTree(file.toFile()));
    }
    if (name.equals(io.tfjlab.runs.RunLayout.HISTORY)) {
      return history(HistoryCsv.read(file));
    }
    return "a file";
  }

  /**
   * Types by key, recursively: an object's keys (sorted), an array's element types (their union).
   */
  static String json(JsonNode node) {
    if (node.isObject()) {
      Map<String, String> fields = new TreeMap<>();
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.put(e.getKey(), json(e.getValue()));
      }
      return fields.toString();
    }
    if (node.isArray()) {
      TreeSet<String> elements = new TreeSet<>();
      node.forEach(e -> elements.add(json(e)));
      return "array of " + elements;
    }
    if (node.isIntegralNumber()) {
      return "integer";
    }
    if (node.isNumber()) {
      return "decimal";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "boolean";
    }
    return node.isNull() ? "null" : node.getNodeType().toString();
  }

  /**
   * The header, and for each column the kinds of value its rows hold (integer, decimal, empty,
   * text).
   */
  static String history(HistoryCsv.Table table) {
    Map<String, TreeSet<String>> kinds = new LinkedHashMap<>();
    for (String c : table.columns()) {
      kinds.put(c, new TreeSet<>());
    }
    for (List<String> row : table.rows()) {
      for (int i = 0; i < table.columns().size(); i++) {
        kinds.get(table.columns().get(i)).add(i < row.size() ? kind(row.get(i)) : "missing");
      }
    }
    List<String> out = new ArrayList<>();
    kinds.forEach((c, k) -> out.add(c + ": " + k));
    return "rows " + (table.rows().isEmpty() ? "none" : "some") + "; " + String.join(", ", out);
  }

  private static String kind(String cell) {
    if (cell.isEmpty()) {
      return "empty";
    }
    if (cell.matches("-?\\d+")) {
      return "integer";
    }
    try {
      Double.parseDouble(cell);
      return "decimal";
    } catch (NumberFormatException e) {
      return "text";
    }
  }
}
