package io.tfjlab.notebooks;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for notebooks, independent of the default locale. */
final class Format {
  private Format() {}

  /** A fraction as a percentage with 2 decimals: 0.8232 gives "82.32%". */
  static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
  }

  /** A count with thousands separators: 1190346 gives "1,190,346". */
  static String thousands(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A duration: "52 s", "15.0 min" or "2.5 h". */
  static String duration(double seconds) {
    if (seconds < 90) {
      return String.format(Locale.ROOT, "%.0f s", seconds);
    }
    if (seconds < 2 * 3600) {
      return String.format(Locale.ROOT, "%.1f min", seconds / 60);
    }
    return String.format(Locale.ROOT, "%.1f h", seconds / 3600);
  }

  /**
   * A CSV value for a table: numbers rounded to 4 significant digits without trailing zeros,
   * anything else unchanged.
   */
  static String number(String raw) {
    String s = raw == null ? "" : raw.strip();
    if (s.isEmpty()
        || s.chars().anyMatch(Character::isLetter) && !s.matches("[-+0-9.]+[eE][-+]?[0-9]+")) {
      return s;
    }
    try {
      BigDecimal d = new BigDecimal(s);
      if (d.scale() <= 0) {
        return d.toPlainString();
      }
      BigDecimal r = d.round(new MathContext(4)).stripTrailingZeros();
      return r.abs().compareTo(new BigDecimal("1e-4")) < 0 && r.signum() != 0
          ? r.toString()
          : r.toPlainString();
    } catch (NumberFormatException e) {
      return s;
    }
  }
}
