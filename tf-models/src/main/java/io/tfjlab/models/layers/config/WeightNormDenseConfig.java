package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.WeightNormDense;

/**
 * {@code {"type": "wn_dense", "units": 250, "activation": "relu"}}: a weight-normalised dense layer
 * (Salimans and Kingma 2016) with its data-dependent initialisation, run on training images before
 * the first step, as the semi-supervised GAN's discriminator.
 *
 * @param units output size (required)
 * @param activation default linear
 * @param trainScale {@code train_scale}: train the scale g after its initialisation, default true
 * @param initStd {@code init_std}: standard deviation of the initial directions V, > 0, default 0.1
 */
public record WeightNormDenseConfig(
    Integer units,
    Activation activation,
    @JsonProperty("train_scale") Boolean trainScale,
    @JsonProperty("init_std") Double initStd)
    implements LayerConfig {

  public WeightNormDenseConfig {
    Fields.positive(units, "units");
    activation = Fields.activation(activation);
    trainScale = Fields.orTrue(trainScale);
    initStd = Fields.initStd(initStd, 0.1);
  }

  @Override
  public Layer build(LayerInput in) {
    Fields.flat(in);
    return new WeightNormDense(units, activation, trainScale, initStd);
  }
}
