package io.tfjlab.models.layers.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Layer;
import java.util.Locale;

/**
 * {@code {"type": "dense", "units": 128, "activation": "relu"}}: a fully connected layer on a flat
 * input.
 *
 * @param units output size (required)
 * @param activation default linear
 * @param kernelInitializer {@code kernel_initializer}: glorot_uniform (default, Keras'), he_normal
 *     or he_uniform
 */
public record DenseConfig(
    Integer units,
    Activation activation,
    @JsonProperty("kernel_initializer") String kernelInitializer)
    implements LayerConfig {

  public DenseConfig {
    Fields.positive(units, "units");
    activation = Fields.activation(activation);
    kernelInitializer =
        kernelInitializer == null
            ? "glorot_uniform"
            : kernelInitializer.trim().toLowerCase(Locale.ROOT);
    Fields.require(
        kernelInitializer.equals("glorot_uniform")
            || kernelInitializer.equals("he_normal")
            || kernelInitializer.equals("he_uniform"),
        "kernel_initializer must be glorot_uniform, he_normal or he_uniform, got \""
            + kernelInitializer
            + "\"");
  }

  public DenseConfig(int units, Activation activation) {
    this(units, activation, null);
  }

  @Override
  public Layer build(LayerInput in) {
    Fields.flat(in);
    Dense.Init init =
        switch (kernelInitializer) {
          case "he_normal" -> Dense.Init.HE_NORMAL;
          case "he_uniform" -> Dense.Init.HE_UNIFORM;
          default -> Dense.Init.GLOROT_UNIFORM;
        };
    return new Dense(units, activation, init);
  }
}
