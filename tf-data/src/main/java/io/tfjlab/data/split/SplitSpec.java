package io.tfjlab.data.split;

/**
 * How to carve a training part into train / validation / labeled.
 *
 * @param validation the held-out part, stratified by class
 * @param labels how many training images keep their label, balanced over classes; 0 means all
 * @param splitSeed seeds the validation split
 * @param labelSeed seeds the choice of labeled images (vary it to report mean ± std over subsets)
 */
public record SplitSpec(ValidationSplit validation, int labels, long splitSeed, long labelSeed) {
  public SplitSpec {
    if (validation == null) {
      throw new IllegalArgumentException("validation must be given (use ValidationSplit.none())");
    }
    if (labels < 0) {
      throw new IllegalArgumentException("labels must be >= 0 (0 = all), got " + labels);
    }
  }
}
