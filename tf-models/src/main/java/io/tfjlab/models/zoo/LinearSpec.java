package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The linear softmax classifier.
 *
 * @param type linear
 * @param preset a named overlay of families/linear.json, or null
 * @param standardize put seed 003's input standardisation layer first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record LinearSpec(String type, String preset, Boolean standardize)
    implements ModelSpec, LinearSpecBuilder.With {
  public LinearSpec {
    type = SpecChecks.type(type, "linear");
  }

  @Override
  public boolean standardizesInput() {
    return Boolean.TRUE.equals(standardize);
  }
}
