package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Reshape;

/** {@code {"type": "flatten"}}: the per-sample input as one vector. */
public record FlattenConfig() implements LayerConfig {
  @Override
  public Layer build(LayerInput in) {
    return Reshape.flatten();
  }
}
