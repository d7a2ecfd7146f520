package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A model without options of its own: linreg, conv1d, and any network defined in Java and
 * registered with the zoo by its type.
 *
 * @param type the model's name in the zoo
 * @param preset a named overlay of the family's file, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record PlainSpec(String type, String preset) implements ModelSpec, PlainSpecBuilder.With {
  public PlainSpec {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("model type is required (see ./tfjlab models)");
    }
  }
}
