package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tfjlab.models.layers.Layer;

/**
 * One layer of a {@code "type": "layers"} model as a JSON spec gives it, Keras {@code Sequential}
 * style: {@code {"type": "conv2d", "filters": 32, "kernel": 3, "activation": "relu"}}. Jackson
 * picks the record by {@code type}; each record fills in its defaults and checks its fields when it
 * is made (so a resolved spec, and the manifest, holds every field), and builds the tfjlab {@link
 * Layer} once the input shape is known. Unknown types and fields are errors ({@link ConfigErrors}
 * words them).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DenseConfig.class, name = "dense"),
  @JsonSubTypes.Type(value = Conv1DConfig.class, name = "conv1d"),
  @JsonSubTypes.Type(value = Conv2DConfig.class, name = "conv2d"),
  @JsonSubTypes.Type(value = Conv2DTransposeConfig.class, name = "conv2d_transpose"),
  @JsonSubTypes.Type(value = MaxPoolConfig.class, name = "maxpool"),
  @JsonSubTypes.Type(value = BatchNormConfig.class, name = "batch_norm"),
  @JsonSubTypes.Type(value = DropoutConfig.class, name = "dropout"),
  @JsonSubTypes.Type(value = GaussianNoiseConfig.class, name = "gaussian_noise"),
  @JsonSubTypes.Type(value = ReshapeConfig.class, name = "reshape"),
  @JsonSubTypes.Type(value = FlattenConfig.class, name = "flatten"),
  @JsonSubTypes.Type(value = ActivationConfig.class, name = "activation"),
  @JsonSubTypes.Type(value = ReluConfig.class, name = "relu"),
  @JsonSubTypes.Type(value = LeakyReluConfig.class, name = "leaky_relu"),
  @JsonSubTypes.Type(value = TanhConfig.class, name = "tanh"),
  @JsonSubTypes.Type(value = SigmoidConfig.class, name = "sigmoid"),
  @JsonSubTypes.Type(value = SoftplusConfig.class, name = "softplus"),
  @JsonSubTypes.Type(value = WeightNormDenseConfig.class, name = "wn_dense"),
  @JsonSubTypes.Type(value = WeightNormConv2DConfig.class, name = "wn_conv2d"),
  @JsonSubTypes.Type(value = StandardizeConfig.class, name = "standardize")
})
public sealed interface LayerConfig
    permits DenseConfig,
        Conv1DConfig,
        Conv2DConfig,
        Conv2DTransposeConfig,
        MaxPoolConfig,
        BatchNormConfig,
        DropoutConfig,
        GaussianNoiseConfig,
        ReshapeConfig,
        FlattenConfig,
        ActivationConfig,
        ReluConfig,
        LeakyReluConfig,
        TanhConfig,
        SigmoidConfig,
        SoftplusConfig,
        WeightNormDenseConfig,
        WeightNormConv2DConfig,
        StandardizeConfig {

  /**
   * A new tfjlab layer for an input of this per-sample shape. Throws {@link
   * IllegalArgumentException} naming the problem (a shape the layer cannot take, a window larger
   * than its input) and the fix; the caller adds the layer's index ({@link LayerStack}).
   */
  Layer build(LayerInput input);
}
