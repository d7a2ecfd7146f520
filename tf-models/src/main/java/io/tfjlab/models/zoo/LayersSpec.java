package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.models.layers.config.LayerConfig;
import java.util.List;

/**
 * A classifier from a layer list, Keras {@code Sequential} style.
 *
 * @param type layers
 * @param preset a named overlay, or null (the layers model has none)
 * @param standardize whether the list starts with a standardize layer (set by resolution; a spec
 *     leaves it out)
 * @param layers the network from input to logits, one {@link LayerConfig} per layer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record LayersSpec(String type, String preset, Boolean standardize, List<LayerConfig> layers)
    implements ModelSpec, LayersSpecBuilder.With {
  public LayersSpec {
    type = SpecChecks.type(type, LayersModel.NAME);
    layers =
        layers == null
            ? null
            : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(layers));
  }

  @Override
  public boolean standardizesInput() {
    return Boolean.TRUE.equals(standardize);
  }
}
