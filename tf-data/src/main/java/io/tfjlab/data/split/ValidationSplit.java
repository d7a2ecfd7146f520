package io.tfjlab.data.split;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How much of the training part to hold out for validation: a fraction or an exact count (one of
 * the two; both zero means no validation).
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
public record ValidationSplit(double fraction, int count) {
  public ValidationSplit {
    if (fraction < 0 || fraction >= 1) {
      throw new IllegalArgumentException("validation fraction must be in [0, 1), got " + fraction);
    }
    if (count < 0) {
      throw new IllegalArgumentException("validation count must be >= 0, got " + count);
    }
    if (fraction > 0 && count > 0) {
      throw new IllegalArgumentException("give a validation fraction or a count, not both");
    }
  }

  public static ValidationSplit fraction(double f) {
    return new ValidationSplit(f, 0);
  }

  public static ValidationSplit count(int n) {
    return new ValidationSplit(0, n);
  }

  public static ValidationSplit none() {
    return new ValidationSplit(0, 0);
  }

  /** Number of validation images out of {@code total}. */
  public int sizeOf(int total) {
    int n = count > 0 ? count : (int) Math.round(fraction * total);
    if (n >= total) {
      throw new IllegalArgumentException(
          "validation size " + n + " leaves no training images out of " + total);
    }
    return n;
  }
}
