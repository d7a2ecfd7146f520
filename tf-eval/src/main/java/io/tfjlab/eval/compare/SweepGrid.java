package io.tfjlab.eval.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tfjlab.models.spec.SpecLayer;
import io.tfjlab.training.run.Json;
import io.tfjlab.training.spec.ResolvedSpec;
import io.tfjlab.training.spec.SpecResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A hyperparameter sweep as data: a base spec (an overlay, as a spec file) and axes over spec
 * fields named by JSON pointer; every point of the grid (or {@code sample.n} points drawn from it
 * with {@code sample.seed}, without repetition) is one run, resolved like a spec file. The points
 * become rows of one run each, so a sweep is trained, reused, resumed and reported by the same code
 * as a comparison plan.
 *
 * <pre>{"name": "lr-seeds", "base": {"model": {"type": "mlp"}, "labels": 100, "epochs": 5},
 *  "axes": {"/optimizer/learningRate": [0.001, 0.003], "/labelSeed": [1, 2, 3]},
 *  "sample": {"n": 4, "seed": 1}}</pre>
 *
 * @param name the sweep's name (the report folder's default name)
 * @param rows one row per point, in grid order (the last axis varies fastest); a row's id names its
 *     values, {@code learningRate=0.001+labelSeed=2}
 * @param gridSize the number of points of the full grid
 */
public record SweepGrid(String name, List<ComparisonRow> rows, int gridSize) {
  public SweepGrid {
    rows = List.copyOf(rows);
  }

  /** A sweep file as JSON reads it. */
  record GridFile(String name, ObjectNode base, ObjectNode axes, Sample sample) {}

  /** Seeded random sampling of {@code n} distinct points of the grid. */
  record Sample(Integer n, Long seed) {}

  /** Reads and resolves a sweep file. */
  public static SweepGrid load(Path file, SpecResolver resolver) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "sweep file "
              + file
              + " not found; give a JSON file {\"base\": {...}, \"axes\": {\"/pointer\": [values]}}");
    }
    GridFile grid;
    try {
      grid = Json.MAPPER.readValue(file.toFile(), GridFile.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "sweep " + file + ": " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    String name = grid.name() != null ? grid.name() : stem(file);
    return of(name, grid, resolver);
  }

  static SweepGrid of(String name, GridFile grid, SpecResolver resolver) {
    if (grid.base() == null) {
      throw new IllegalArgumentException(
          "sweep " + name + " has no \"base\"; give the spec every point starts from");
    }
    Map<String, List<JsonNode>> axes = new LinkedHashMap<>();
    if (grid.axes() != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = grid.axes().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().startsWith("/") || e.getKey().length() < 2) {
          throw new IllegalArgumentException(
              "sweep "
                  + name
                  + ": axis '"
                  + e.getKey()
                  + "' is not a JSON pointer; write it as /field or /object/field, e.g."
                  + " /optimizer/learningRate");
        }
        if (!(e.getValue() instanceof ArrayNode values) || values.isEmpty()) {
          throw new IllegalArgumentException(
              "sweep " + name + ": axis " + e.getKey() + " needs a non-empty list of values");
        }
        List<JsonNode> list = new ArrayList<>();
        values.forEach(list::add);
        axes.put(e.getKey(), list);
      }
    }
    List<List<Integer>> points = grid(axes);
    int size = points.size();
    if (grid.sample() != null) {
      points = sample(name, points, grid.sample());
    }
    List<ComparisonRow> rows = new ArrayList<>();
    for (List<Integer> point : points) {
      ObjectNode spec = grid.base().deepCopy();
      List<String> parts = new ArrayList<>();
      int a = 0;
      for (Map.Entry<String, List<JsonNode>> axis : axes.entrySet()) {
        JsonNode value = axis.getValue().get(point.get(a++));
        set(name, spec, axis.getKey(), value);
        parts.add(label(axis.getKey()) + "=" + value.asText(value.toString()));
      }
      String id = parts.isEmpty() ? "base" : String.join("+", parts);
      ResolvedSpec resolved;
      try {
        resolved = resolver.resolve(List.of(new SpecLayer("sweep " + name + " " + id, spec)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "sweep " + name + ", point " + id + ": " + e.getMessage(), e);
      }
      rows.add(new ComparisonRow(id, id, List.of(resolved), Optional.empty()));
    }
    return new SweepGrid(name, rows, size);
  }

  /** Every combination of value indices, the last axis varying fastest. */
  private static List<List<Integer>> grid(Map<String, List<JsonNode>> axes) {
    List<List<Integer>> points = new ArrayList<>();
    points.add(List.of());
    for (List<JsonNode> values : axes.values()) {
      List<List<Integer>> next = new ArrayList<>();
      for (List<Integer> p : points) {
        for (int i = 0; i < values.size(); i++) {
          List<Integer> q = new ArrayList<>(p);
          q.add(i);
          next.add(q);
        }
      }
      points = next;
    }
    return points;
  }

  /** {@code n} distinct points drawn with the seed (a partial Fisher-Yates shuffle), grid order. */
  private static List<List<Integer>> sample(String name, List<List<Integer>> all, Sample s) {
    if (s.n() == null || s.n() < 1) {
      throw new IllegalArgumentException(
          "sweep " + name + ": \"sample\" needs \"n\" >= 1 (points to draw from the grid)");
    }
    if (s.n() >= all.size()) {
      return all;
    }
    SplittableRandom random = new SplittableRandom(s.seed() == null ? 1L : s.seed());
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      order.add(i);
    }
    for (int i = 0; i < s.n(); i++) {
      int j = i + random.nextInt(all.size() - i);
      java.util.Collections.swap(order, i, j);
    }
    return order.subList(0, s.n()).stream().sorted().map(all::get).toList();
  }

  /** Sets the value at a JSON pointer, creating the objects on the way. */
  private static void set(String name, ObjectNode spec, String pointer, JsonNode value) {
    String[] parts = pointer.substring(1).split("/", -1);
    ObjectNode at = spec;
    for (int i = 0; i < parts.length - 1; i++) {
      String key = unescape(parts[i]);
      JsonNode child = at.get(key);
      if (child == null || child.isNull()) {
        at = at.putObject(key);
      } else if (child instanceof ObjectNode o) {
        at = o;
      } else {
        throw new IllegalArgumentException(
            "sweep "
                + name
                + ": axis "
                + pointer
                + " goes through '"
                + key
                + "', which is not an object in the base spec");
      }
    }
    at.set(unescape(parts[parts.length - 1]), value);
  }

  private static String unescape(String part) {
    return part.replace("~1", "/").replace("~0", "~");
  }

  /** The axis's last field name: {@code /optimizer/learningRate} → learningRate. */
  private static String label(String pointer) {
    return unescape(pointer.substring(pointer.lastIndexOf('/') + 1));
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
  }
}
