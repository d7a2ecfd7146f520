package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;

/**
 * One-line messages for the errors Jackson raises while reading a spec: where (the JSON path, e.g.
 * {@code model.layers[3]}), what, and the allowed values. For a layer: its index and type, an
 * unknown type with the list of types, an unknown field with the fields that type takes, and the
 * field checks of the layer records.
 */
public final class ConfigErrors {
  private ConfigErrors() {}

  /** The message for a spec that did not bind. */
  public static String describe(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException m)) {
      return firstLine(e.getOriginalMessage());
    }
    List<JsonMappingException.Reference> path = m.getPath();
    int layer = layerIndex(path);
    String what = detail(m, path, layer);
    if (layer < 0) {
      // the records' own checks name their field already (spec.epochs, model.dropout), as does a
      // wrong value type
      String where =
          m instanceof UnrecognizedPropertyException
              ? render(path, path.size() - 1)
              : m instanceof ValueInstantiationException || what.startsWith(render(path, -1))
                  ? ""
                  : render(path, -1);
      return where.isEmpty() ? what : where + ": " + what;
    }
    String type = layerType(m, path, layer);
    return "model.layers["
        + path.get(layer).getIndex()
        + "]"
        + (type == null ? "" : " (" + type + ")")
        + ": "
        + what;
  }

  private static String detail(
      JsonMappingException m, List<JsonMappingException.Reference> path, int layer) {
    if (m instanceof InvalidTypeIdException t && layer >= 0 && path.size() == layer + 1) {
      String allowed = "; use one of: " + String.join(", ", LayerTypes.names());
      return t.getTypeId() == null
          ? "no \"type\"" + allowed
          : "unknown layer type \"" + t.getTypeId() + "\"" + allowed;
    }
    if (m instanceof UnrecognizedPropertyException u) {
      if (LayerTypes.isLayer(u.getReferringClass())) {
        return "unknown field \""
            + u.getPropertyName()
            + "\"; "
            + LayerTypes.describeFields(u.getReferringClass());
      }
      return "unknown field \""
          + u.getPropertyName()
          + "\"; known: "
          + String.join(
              ", ", u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList());
    }
    if (m instanceof ValueInstantiationException v
        && v.getCause() != null
        && v.getCause().getMessage() != null) {
      String message = firstLine(v.getCause().getMessage());
      Class<?> built = v.getType().getRawClass();
      // a misspelt required field shows up as missing: Jackson reports unknown fields after
      // construction
      return v.getCause() instanceof Fields.MissingField && LayerTypes.isLayer(built)
          ? message + "; " + LayerTypes.describeFields(built)
          : message;
    }
    String field = layer >= 0 ? render(path.subList(layer + 1, path.size()), -1) : render(path, -1);
    if (m instanceof MismatchedInputException x && x.getTargetType() != null && !field.isEmpty()) {
      Object given = x instanceof InvalidFormatException f ? f.getValue() : null;
      return field
          + " must be "
          + expected(x.getTargetType())
          + (given == null
              ? ""
              : ", got " + (given instanceof String ? "\"" + given + "\"" : given));
    }
    String message = firstLine(m.getOriginalMessage());
    return layer < 0 || field.isEmpty() ? message : field + ": " + message;
  }

  private static String expected(Class<?> c) {
    if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
      return "an integer";
    } else if (c == Double.class || c == double.class || c == Float.class || c == float.class) {
      return "a number";
    } else if (c == Boolean.class || c == boolean.class) {
      return "true or false";
    } else if (c == String.class) {
      return "a string";
    } else if (java.util.Collection.class.isAssignableFrom(c)) {
      return "a list";
    }
    return "a " + c.getSimpleName();
  }

  /**
   * Position in the path of the layer's array index (the reference after {@code layers}), or -1.
   */
  private static int layerIndex(List<JsonMappingException.Reference> path) {
    for (int i = 0; i + 1 < path.size(); i++) {
      if ("layers".equals(path.get(i).getFieldName()) && path.get(i + 1).getIndex() >= 0) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The type of the layer the error is in, when Jackson got that far. */
  private static String layerType(
      JsonMappingException m, List<JsonMappingException.Reference> path, int layer) {
    if (m instanceof UnrecognizedPropertyException u && LayerTypes.isLayer(u.getReferringClass())) {
      return LayerTypes.name(u.getReferringClass());
    }
    if (m instanceof ValueInstantiationException v
        && path.size() == layer + 1
        && LayerTypes.isLayer(v.getType().getRawClass())) {
      return LayerTypes.name(v.getType().getRawClass());
    }
    if (path.size() > layer + 1) {
      Object from = path.get(layer + 1).getFrom();
      Class<?> c = from instanceof Class<?> k ? k : from == null ? null : from.getClass();
      if (c != null && LayerTypes.isLayer(c)) {
        return LayerTypes.name(c);
      }
    }
    return null;
  }

  /**
   * {@code model.layers[3].units} from Jackson's references (the first {@code n}, or all for -1).
   */
  private static String render(List<JsonMappingException.Reference> path, int n) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : n < 0 ? path : path.subList(0, n)) {
      if (r.getFieldName() != null) {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").trim();
  }
}
