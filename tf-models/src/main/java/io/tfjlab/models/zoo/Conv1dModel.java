package io.tfjlab.models.zoo;

import io.tfjlab.models.graph.Shapes;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Conv1D;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.MaxPool;
import io.tfjlab.models.layers.Padding;
import io.tfjlab.models.layers.Reshape;
import java.util.List;

/**
 * Seed 002's USPS network: the 16x16 image as a sequence of 256 values → Conv1D(32 filters, kernel
 * 3) → MaxPool1D(2) → Linear(4064, 100) → ReLU → Linear(100, K).
 */
public final class Conv1dModel extends ClassifierModel {
  @Override
  public String name() {
    return "conv1d";
  }

  @Override
  public String description() {
    return "seed 002's USPS Conv1D(3, 32) → MaxPool1D(2) → 100 ReLU → K";
  }

  @Override
  protected List<Layer> layers(ModelSpec spec, InputSpec input) {
    return List.of(
        Reshape.to(Shapes.size(input.shape()), 1),
        new Conv1D(32, 3, 1, Padding.VALID, Activation.LINEAR),
        MaxPool.pool1d(2),
        Reshape.flatten(),
        new Dense(100, Activation.RELU),
        new Dense(input.numClasses(), Activation.LINEAR));
  }
}
