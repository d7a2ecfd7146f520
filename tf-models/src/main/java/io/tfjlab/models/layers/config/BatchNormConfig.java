package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.BatchNorm;
import io.tfjlab.models.layers.Layer;

/**
 * {@code {"type": "batch_norm"}}: batch normalisation over the last axis (batch statistics in
 * training, moving averages in inference), Keras defaults.
 *
 * @param momentum of the moving averages, in [0, 1), default 0.99
 * @param epsilon added to the variance, > 0, default 0.001
 * @param center learn an offset beta, default true
 * @param scale learn a scale gamma, default true
 */
public record BatchNormConfig(Double momentum, Double epsilon, Boolean center, Boolean scale)
    implements LayerConfig {

  public BatchNormConfig {
    momentum = momentum == null ? 0.99 : momentum;
    epsilon = epsilon == null ? 1e-3 : epsilon;
    center = Fields.orTrue(center);
    scale = Fields.orTrue(scale);
    Fields.require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1), got " + momentum);
    Fields.require(epsilon > 0, "epsilon must be > 0, got " + epsilon);
  }

  public BatchNormConfig() {
    this(null, null, null, null);
  }

  @Override
  public Layer build(LayerInput in) {
    return new BatchNorm(momentum, epsilon, center, scale);
  }
}
