package io.tfjlab.models.layers.config;

import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Standardize;

/**
 * {@code {"type": "standardize"}}: seed 003's input standardisation {@code (x − mean) / (std +
 * epsilon)} with the per-pixel statistics of the training part, stored in the graph (so checkpoints
 * and the SavedModel carry it). Only as the first layer: the statistics are those of the input
 * pixels.
 *
 * @param epsilon added to the standard deviation, > 0, default 1/255 (seed 003's {@code std + 1} on
 *     0..255 pixels)
 */
public record StandardizeConfig(Double epsilon) implements LayerConfig {
  public StandardizeConfig {
    epsilon = epsilon == null ? (double) Standardize.SEED003_EPSILON : epsilon;
    Fields.require(epsilon > 0, "epsilon must be > 0, got " + epsilon);
  }

  public StandardizeConfig() {
    this(null);
  }

  @Override
  public Layer build(LayerInput in) {
    float[][] stats =
        in.pixelStats()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "needs the training part's pixel statistics, which only the first layer gets"));
    return new Standardize(stats[0], stats[1], epsilon.floatValue());
  }
}
