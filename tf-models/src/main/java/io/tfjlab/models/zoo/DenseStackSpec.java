package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.models.layers.Activation;
import java.util.List;

/**
 * The small dense networks of the toy problems: xor and blobs.
 *
 * @param type xor or blobs
 * @param preset a named overlay of the family's file, or null
 * @param hidden hidden layer sizes ([] = none)
 * @param activation hidden activation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record DenseStackSpec(
    String type, String preset, List<Integer> hidden, Activation activation)
    implements ModelSpec, HiddenLayers, DenseStackSpecBuilder.With {
  public DenseStackSpec {
    if (type == null) {
      throw new IllegalArgumentException("model type is required: xor or blobs");
    }
    type = SpecChecks.type(type, "xor", "blobs");
    hidden = SpecChecks.hidden(hidden);
  }
}
