package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layer types a spec may name and the fields each takes, read from {@link LayerConfig}'s
 * Jackson annotations (one source of truth for parsing and for the error messages).
 */
public final class LayerTypes {
  private static final Map<Class<?>, String> NAMES = new LinkedHashMap<>();

  static {
    for (JsonSubTypes.Type t : LayerConfig.class.getAnnotation(JsonSubTypes.class).value()) {
      NAMES.put(t.value(), t.name());
    }
  }

  private LayerTypes() {}

  /** Every layer type, in the order of {@link LayerConfig}'s list. */
  public static List<String> names() {
    return List.copyOf(NAMES.values());
  }

  /** The {@code type} of a layer config, e.g. {@code conv2d}. */
  public static String name(LayerConfig config) {
    return NAMES.get(config.getClass());
  }

  /** Whether {@code c} is one of the layer records. */
  public static boolean isLayer(Class<?> c) {
    return NAMES.containsKey(c);
  }

  /** The type name of a layer record class. */
  public static String name(Class<?> c) {
    String n = NAMES.get(c);
    if (n == null) {
      throw new IllegalArgumentException(c + " is not a layer config");
    }
    return n;
  }

  /** The JSON fields of a layer record, in order (besides {@code type}). */
  public static List<String> fields(Class<?> c) {
    List<String> out = new ArrayList<>();
    for (RecordComponent rc : c.getRecordComponents()) {
      // @JsonProperty on a record component lands on its accessor, field and constructor parameter
      JsonProperty p = rc.getAccessor().getAnnotation(JsonProperty.class);
      out.add(p != null && !p.value().isEmpty() ? p.value() : rc.getName());
    }
    return out;
  }

  /** "dense takes units, activation, kernel_initializer" (or "flatten takes no fields"). */
  static String describeFields(Class<?> c) {
    List<String> f = fields(c);
    return name(c) + (f.isEmpty() ? " takes no fields" : " takes " + String.join(", ", f));
  }
}
