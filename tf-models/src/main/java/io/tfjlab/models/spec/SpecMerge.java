package io.tfjlab.models.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one merge rule of tfjlab's specs. Layers are laid lowest first; JSON objects merge key by
 * key, any other value (number, string, array) replaces the one below, and {@code null} removes it
 * (the field takes its built-in meaning, e.g. {@code "augment": null} = no augmentation).
 *
 * <p>One refinement, for objects that name their kind: when a layer gives {@code model.type},
 * {@code optimizer.name} or {@code schedule.type} another value than the layers below, that object
 * starts again from this layer, so that the settings of the old kind (Adam's β1, a step schedule's
 * gamma, a CNN's options) never leak into the new one. The learning rate is the one setting every
 * optimizer has: it carries over.
 *
 * <p>The merge records, for every leaf value (dotted path, arrays count as leaves), the name of the
 * layer that set it.
 */
public final class SpecMerge {
  /** The objects that name their kind, and the key that names it. */
  private static final Map<String, String> KIND_KEYS =
      Map.of("model", "type", "optimizer", "name", "schedule", "type");

  /** Keys an object keeps when its kind changes. */
  private static final Map<String, List<String>> CARRIED =
      Map.of("optimizer", List.of("learningRate"));

  /** The merged values and where each leaf came from. */
  public record Merged(ObjectNode values, Map<String, String> provenance) {}

  private SpecMerge() {}

  public static Merged merge(List<SpecLayer> layers) {
    ObjectNode out = JsonNodeFactory.instance.objectNode();
    Map<String, String> from = new TreeMap<>();
    for (SpecLayer layer : layers) {
      mergeInto(out, layer.values(), "", layer.name(), from);
    }
    return new Merged(out, from);
  }

  private static void mergeInto(
      ObjectNode target, ObjectNode over, String prefix, String layer, Map<String, String> from) {
    for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      String path = prefix + key;
      JsonNode value = e.getValue();
      JsonNode below = target.get(key);
      if (value == null || value.isNull()) {
        target.remove(key);
        forget(from, path);
      } else if (value.isObject() && below != null && below.isObject()) {
        ObjectNode base = (ObjectNode) below;
        if (prefix.isEmpty() && kindChanges(key, base, (ObjectNode) value)) {
          base = restart(key, base, path, from);
          target.set(key, base);
        }
        mergeInto(base, (ObjectNode) value, path + ".", layer, from);
      } else {
        forget(from, path);
        target.set(key, value.deepCopy());
        record(value, path, layer, from);
      }
    }
  }

  private static boolean kindChanges(String key, ObjectNode below, ObjectNode over) {
    String kind = KIND_KEYS.get(key);
    return kind != null
        && over.hasNonNull(kind)
        && below.hasNonNull(kind)
        && !over.get(kind).equals(below.get(kind));
  }

  /** The object of a new kind: only the carried keys of the old one, with their provenance. */
  private static ObjectNode restart(
      String key, ObjectNode below, String path, Map<String, String> from) {
    ObjectNode fresh = JsonNodeFactory.instance.objectNode();
    Map<String, String> kept = new TreeMap<>();
    for (String carried : CARRIED.getOrDefault(key, List.of())) {
      if (below.has(carried)) {
        fresh.set(carried, below.get(carried));
        String p = path + "." + carried;
        if (from.containsKey(p)) {
          kept.put(p, from.get(p));
        }
      }
    }
    forget(from, path);
    from.putAll(kept);
    return fresh;
  }

  private static void record(JsonNode value, String path, String layer, Map<String, String> from) {
    if (value.isObject() && value.size() > 0) {
      value
          .fields()
          .forEachRemaining(f -> record(f.getValue(), path + "." + f.getKey(), layer, from));
    } else {
      from.put(path, layer);
    }
  }

  private static void forget(Map<String, String> from, String path) {
    List<String> gone = new ArrayList<>();
    for (String p : from.keySet()) {
      if (p.equals(path) || p.startsWith(path + ".")) {
        gone.add(p);
      }
    }
    gone.forEach(from::remove);
  }
}
