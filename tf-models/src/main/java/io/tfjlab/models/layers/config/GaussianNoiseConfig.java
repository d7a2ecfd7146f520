package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.GaussianNoise;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "gaussian_noise", "stddev": 0.3}}: adds N(0, stddev²) noise in training only.
 *
 * @param stddev standard deviation, >= 0 (required)
 */
public record GaussianNoiseConfig(Double stddev) implements LayerConfig {
  public GaussianNoiseConfig {
    Fields.required(stddev, "stddev");
    Fields.require(stddev >= 0, "stddev must be >= 0, got " + stddev);
  }

  @Override
  public Layer build(LayerInput in) {
    return new GaussianNoise(stddev);
  }
}
