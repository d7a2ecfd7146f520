package io.tfjlab.models.zoo;

/** The options dcgan and dcgan-transfer share: seed 000's DCGAN. */
public interface GanOptions {
  /** Dropout rate of the discriminator's dense head. */
  Double dropout();

  /** One-sided label smoothing: the real target becomes 1 - value. */
  Double labelSmoothing();

  /** Size of the generator's noise vector. */
  Integer noiseDim();

  /** Checks the shared options. */
  static void check(Double dropout, Double labelSmoothing, Integer noiseDim) {
    SpecChecks.rate("dropout", dropout, 1);
    SpecChecks.rate("labelSmoothing", labelSmoothing, 0.5);
    SpecChecks.positive("noiseDim", noiseDim);
  }
}
