package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Conv1D;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "conv1d", "filters": 32, "kernel": 3}}: a 1-D convolution over (length,
 * channels), Glorot-uniform kernel, with a bias (the layer has no {@code use_bias} switch).
 *
 * @param filters output channels (required)
 * @param kernel kernel length (required; {@code kernel_size} also accepted)
 * @param strides default 1
 * @param padding "valid" (default) or "same"
 * @param activation default linear
 */
public record Conv1DConfig(
    Integer filters,
    @JsonAlias("kernel_size") Integer kernel,
    Integer strides,
    String padding,
    Activation activation)
    implements LayerConfig {

  public Conv1DConfig {
    Fields.filtersAndKernel(filters, kernel);
    strides = Fields.positive(strides, "strides", 1);
    padding = Fields.padding(padding);
    activation = Fields.activation(activation);
  }

  @Override
  public Layer build(LayerInput in) {
    Fields.require(
        in.rank() == 2,
        "needs a (length, channels) input, got "
            + in.describe()
            + "; add {\"type\": \"reshape\", \"target_shape\": ["
            + in.size()
            + ", 1]} before it");
    Fields.windowFits(in, 1, kernel, padding, "kernel");
    return new Conv1D(filters, kernel, strides, Fields.paddingOf(padding), activation);
  }
}
