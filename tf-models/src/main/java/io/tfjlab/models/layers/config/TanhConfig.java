package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.ActivationLayer;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "tanh"}}: tanh as a layer, the same as {@code {"type": "activation",
 * "activation": "tanh"}}.
 */
public record TanhConfig() implements LayerConfig {
  @Override
  public Layer build(LayerInput in) {
    return new ActivationLayer(Activation.TANH);
  }
}
