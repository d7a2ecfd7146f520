package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Padding;
import java.util.Locale;

/** Field defaults and checks shared by the layer records; messages name the field and the fix. */
final class Fields {
  private Fields() {}

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A required field: not null. */
  static <T> T required(T value, String field) {
    if (value == null) {
      throw new MissingField(field);
    }
    return value;
  }

  /** A required integer field that must be > 0. */
  static int positive(Integer value, String field) {
    required(value, field);
    require(value > 0, field + " must be > 0, got " + value);
    return value;
  }

  /** An optional integer field that must be > 0, else its default. */
  static int positive(Integer value, String field, int fallback) {
    return value == null ? fallback : positive(value, field);
  }

  /** An optional on/off field, default true. */
  static Boolean orTrue(Boolean value) {
    return value == null ? Boolean.TRUE : value;
  }

  /** {@code activation}, default linear. */
  static Activation activation(Activation value) {
    return value == null ? Activation.LINEAR : value;
  }

  /** A convolution's required {@code filters} and {@code kernel} side, both > 0. */
  static void filtersAndKernel(Integer filters, Integer kernel) {
    positive(filters, "filters");
    positive(kernel, "kernel");
  }

  /** {@code init_std} of a weight-normalised layer: > 0, else its default. */
  static double initStd(Double value, double fallback) {
    double std = value == null ? fallback : value;
    require(std > 0, "init_std must be > 0, got " + std);
    return std;
  }

  /** {@code padding}: "same" or "valid" (Keras' names), default valid. */
  static String padding(String value) {
    if (value == null) {
      return "valid";
    }
    String p = value.trim().toLowerCase(Locale.ROOT);
    require(
        p.equals("same") || p.equals("valid"),
        "padding must be \"same\" or \"valid\", got \"" + value + "\"");
    return p;
  }

  /** A required field that is missing (the message then lists the fields of the layer type). */
  static final class MissingField extends IllegalArgumentException {
    MissingField(String field) {
      super(field + " is required");
    }
  }

  static Padding paddingOf(String value) {
    return Padding.valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** The input must be flat (Dense-like layers). */
  static void flat(LayerInput in) {
    require(
        in.rank() == 1,
        "needs a flat input, got " + in.describe() + "; add {\"type\": \"flatten\"} before it");
  }

  /** The input must be (height, width, channels) (2-D convolutions). */
  static void image(LayerInput in) {
    require(
        in.rank() == 3,
        "needs an (height, width, channels) input, got "
            + in.describe()
            + "; add {\"type\": \"reshape\", \"target_shape\": [H, W, C]} before it");
  }

  /**
   * A window over each spatial side of {@code in} leaves an output: always with same padding, else
   * window <= side.
   */
  static void windowFits(
      LayerInput in, int spatialDims, int window, String paddingName, String windowField) {
    Padding padding = paddingOf(paddingName);
    long[] s = in.shape();
    for (int d = 0; d < spatialDims; d++) {
      require(
          padding == Padding.SAME || s[d] >= window,
          windowField
              + " "
              + window
              + " is larger than the input "
              + in.describe()
              + " with padding \""
              + paddingName
              + "\"; use a smaller "
              + windowField
              + " or \"padding\": \"same\"");
    }
  }
}
