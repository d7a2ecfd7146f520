package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.ActivationLayer;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "softplus"}}: softplus as a layer, the same as {@code {"type": "activation",
 * "activation": "softplus"}}.
 */
public record SoftplusConfig() implements LayerConfig {
  @Override
  public Layer build(LayerInput in) {
    return new ActivationLayer(Activation.SOFTPLUS);
  }
}
