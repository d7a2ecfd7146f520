package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.ActivationLayer;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "activation", "activation": "relu"}}: an element-wise activation as a layer of
 * its own (Keras' {@code Activation}); {@code relu}, {@code leaky_relu}, {@code tanh}, {@code
 * sigmoid} and {@code softplus} are shorter types for the same.
 *
 * @param activation linear, relu, leaky_relu (slope 0.2), tanh, sigmoid, softplus or softmax
 *     (required)
 */
public record ActivationConfig(Activation activation) implements LayerConfig {
  public ActivationConfig {
    Fields.required(activation, "activation");
  }

  @Override
  public Layer build(LayerInput in) {
    return new ActivationLayer(activation);
  }
}
