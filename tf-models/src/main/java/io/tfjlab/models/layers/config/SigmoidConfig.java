package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.ActivationLayer;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "sigmoid"}}: the logistic sigmoid as a layer, the same as {@code {"type":
 * "activation", "activation": "sigmoid"}}.
 */
public record SigmoidConfig() implements LayerConfig {
  @Override
  public Layer build(LayerInput in) {
    return new ActivationLayer(Activation.SIGMOID);
  }
}
