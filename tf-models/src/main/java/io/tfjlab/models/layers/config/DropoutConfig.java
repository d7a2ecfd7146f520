package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.Dropout;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "dropout", "rate": 0.25}}: inverted dropout in training, identity otherwise.
 *
 * @param rate fraction of values dropped, in [0, 1) (required)
 */
public record DropoutConfig(Double rate) implements LayerConfig {
  public DropoutConfig {
    Fields.required(rate, "rate");
    Fields.require(rate >= 0 && rate < 1, "rate must be in [0, 1), got " + rate);
  }

  @Override
  public Layer build(LayerInput in) {
    return new Dropout(rate);
  }
}
