package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.ActivationLayer;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "leaky_relu"}}: LeakyReLU, negative slope 0.2 (the zoo's DCGAN value) as a layer,
 * the same as {@code {"type": "activation", "activation": "leaky_relu"}}.
 */
public record LeakyReluConfig() implements LayerConfig {
  @Override
  public Layer build(LayerInput in) {
    return new ActivationLayer(Activation.LEAKY_RELU);
  }
}
