package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Conv2D;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "conv2d", "filters": 32, "kernel": 3, "activation": "relu"}}: a 2-D convolution
 * over (height, width, channels), square kernel and stride, Glorot-uniform kernel.
 *
 * @param filters output channels (required)
 * @param kernel kernel side (required; {@code kernel_size} also accepted)
 * @param strides stride on both sides, default 1
 * @param padding "valid" (default) or "same"
 * @param activation default linear
 * @param useBias {@code use_bias}, default true
 */
public record Conv2DConfig(
    Integer filters,
    @JsonAlias("kernel_size") Integer kernel,
    Integer strides,
    String padding,
    Activation activation,
    @JsonProperty("use_bias") Boolean useBias)
    implements LayerConfig {

  public Conv2DConfig {
    Fields.filtersAndKernel(filters, kernel);
    strides = Fields.positive(strides, "strides", 1);
    padding = Fields.padding(padding);
    activation = Fields.activation(activation);
    useBias = Fields.orTrue(useBias);
  }

  public Conv2DConfig(int filters, int kernel, int strides, String padding, Activation activation) {
    this(filters, kernel, strides, padding, activation, null);
  }

  @Override
  public Layer build(LayerInput in) {
    Fields.image(in);
    Fields.windowFits(in, 2, kernel, padding, "kernel");
    return new Conv2D(filters, kernel, strides, Fields.paddingOf(padding), activation, useBias);
  }
}
