package io.tfjlab.models.zoo;

import java.util.List;
import java.util.Set;

/**
 * The value checks the model spec records share; each throws a one-line message naming the field.
 */
final class SpecChecks {
  private SpecChecks() {}

  /** The spec as the record class a factory reads; a clear error for a spec of another family. */
  static <S extends ModelSpec> S as(ModelSpec spec, Class<S> record) {
    if (!record.isInstance(spec)) {
      throw new IllegalArgumentException(
          "model "
              + spec.type()
              + " is given as a "
              + spec.getClass().getSimpleName()
              + ", its factory reads a "
              + record.getSimpleName());
    }
    return record.cast(spec);
  }

  /** The record's type: {@code types[0]} when absent, else one of {@code types}. */
  static String type(String type, String... types) {
    if (type == null) {
      return types[0];
    }
    if (!Set.of(types).contains(type)) {
      throw new IllegalArgumentException(
          "model type " + type + " is not read by the options of " + String.join("/", types));
    }
    return type;
  }

  /** A rate in [0, {@code upper}). */
  static void rate(String field, Double value, double upper) {
    if (value != null && (value < 0 || value >= upper)) {
      throw new IllegalArgumentException(
          "model."
              + field
              + " must be in [0, "
              + (upper == Math.rint(upper) ? String.valueOf((long) upper) : String.valueOf(upper))
              + "), got "
              + value);
    }
  }

  /** A count > 0. */
  static void positive(String field, Integer value) {
    if (value != null && value <= 0) {
      throw new IllegalArgumentException("model." + field + " must be > 0, got " + value);
    }
  }

  /** An integer in [lo, hi]. */
  static void within(String field, Integer value, int lo, int hi, String note) {
    if (value != null && (value < lo || value > hi)) {
      throw new IllegalArgumentException(
          "model." + field + " must be in [" + lo + ", " + hi + "]" + note + ", got " + value);
    }
  }

  /** One of the named choices. */
  static void oneOf(String field, String value, String... choices) {
    if (value != null && !Set.of(choices).contains(value)) {
      throw new IllegalArgumentException(
          "model." + field + " must be " + String.join(" or ", choices) + ", got " + value);
    }
  }

  /** Hidden layer sizes, each > 0; an immutable copy. */
  static List<Integer> hidden(List<Integer> hidden) {
    if (hidden == null) {
      return null;
    }
    List<Integer> copy = List.copyOf(hidden);
    for (int h : copy) {
      if (h <= 0) {
        throw new IllegalArgumentException("model.hidden sizes must be > 0, got " + copy);
      }
    }
    return copy;
  }
}
