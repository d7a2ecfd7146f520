package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Conv2DTranspose;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "conv2d_transpose", "filters": 32, "kernel": 4, "strides": 2, "padding":
 * "same"}}: a transposed 2-D convolution (the generators' upsampling layer), Glorot-uniform kernel.
 *
 * @param filters output channels (required)
 * @param kernel kernel side (required; {@code kernel_size} also accepted)
 * @param strides upsampling factor, default 1
 * @param padding "valid" (default) or "same"
 * @param activation default linear
 * @param useBias {@code use_bias}, default true
 */
public record Conv2DTransposeConfig(
    Integer filters,
    @JsonAlias("kernel_size") Integer kernel,
    Integer strides,
    String padding,
    Activation activation,
    @JsonProperty("use_bias") Boolean useBias)
    implements LayerConfig {

  public Conv2DTransposeConfig {
    Fields.filtersAndKernel(filters, kernel);
    strides = Fields.positive(strides, "strides", 1);
    padding = Fields.padding(padding);
    activation = Fields.activation(activation);
    useBias = Fields.orTrue(useBias);
  }

  @Override
  public Layer build(LayerInput in) {
    Fields.image(in);
    return new Conv2DTranspose(
        filters, kernel, strides, Fields.paddingOf(padding), activation, useBias);
  }
}
