package io.tfjlab.models.runtime;

import java.util.Locale;

/** Where graphs run. */
public enum Device {
  CPU,
  GPU;

  public static Device parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown device '" + s + "'; use cpu or gpu");
    }
  }
}
