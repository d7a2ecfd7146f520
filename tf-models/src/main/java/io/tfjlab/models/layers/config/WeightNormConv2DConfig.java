package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.WeightNormConv2D;

/**
 * {@code {"type": "wn_conv2d", "filters": 32, "kernel": 3, "strides": 2, "padding": "same"}}: a
 * weight-normalised 2-D convolution with its data-dependent initialisation (see {@link
 * WeightNormDenseConfig}).
 *
 * @param filters output channels (required)
 * @param kernel kernel side (required; {@code kernel_size} also accepted)
 * @param strides default 1
 * @param padding "valid" (default) or "same"
 * @param activation default linear
 * @param trainScale {@code train_scale}: train the scale g after its initialisation, default true
 * @param initStd {@code init_std}: standard deviation of the initial directions V, > 0, default
 *     0.05
 */
public record WeightNormConv2DConfig(
    Integer filters,
    @JsonAlias("kernel_size") Integer kernel,
    Integer strides,
    String padding,
    Activation activation,
    @JsonProperty("train_scale") Boolean trainScale,
    @JsonProperty("init_std") Double initStd)
    implements LayerConfig {

  public WeightNormConv2DConfig {
    Fields.filtersAndKernel(filters, kernel);
    strides = Fields.positive(strides, "strides", 1);
    padding = Fields.padding(padding);
    activation = Fields.activation(activation);
    trainScale = Fields.orTrue(trainScale);
    initStd = Fields.initStd(initStd, 0.05);
  }

  @Override
  public Layer build(LayerInput in) {
    Fields.image(in);
    Fields.windowFits(in, 2, kernel, padding, "kernel");
    return new WeightNormConv2D(
        filters, kernel, strides, Fields.paddingOf(padding), activation, trainScale, initStd);
  }
}
