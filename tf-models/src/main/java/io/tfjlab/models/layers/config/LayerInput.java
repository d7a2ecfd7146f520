package io.tfjlab.models.layers.config;

import io.tfjlab.models.graph.Shapes;
import java.util.Optional;

/**
 * What a layer is built for: the per-sample shape of its input (batch dimension left out) and, for
 * a first {@code standardize} layer, the per-pixel mean and standard deviation of the training
 * part.
 */
public record LayerInput(long[] shape, Optional<float[][]> pixelStats) {
  public LayerInput {
    shape = shape.clone();
  }

  public LayerInput(long[] shape) {
    this(shape, Optional.empty());
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public long size() {
    return Shapes.size(shape);
  }

  /** Keras-style text: {@code (None, 28, 28, 1)}. */
  public String describe() {
    return Shapes.describe(shape);
  }
}
