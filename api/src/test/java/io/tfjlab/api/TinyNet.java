package io.tfjlab.api;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Conv2D;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.MaxPool;
import io.tfjlab.models.layers.Padding;
import io.tfjlab.models.layers.Reshape;
import io.tfjlab.models.zoo.ClassifierModel;
import io.tfjlab.models.zoo.InputSpec;
import io.tfjlab.models.zoo.ModelSpec;
import java.util.List;

/** A network defined in a user's code: conv 3x3x8, max-pool 2, dense K. */
class TinyNet extends ClassifierModel {
  @Override
  public String name() {
    return "tiny-net";
  }

  @Override
  public String description() {
    return "conv 3x3x8 - max-pool 2 - dense K (a test network)";
  }

  @Override
  protected List<Layer> layers(ModelSpec spec, InputSpec input) {
    return List.of(
        new Conv2D(8, 3, 1, Padding.VALID, Activation.RELU),
        MaxPool.pool2d(2),
        Reshape.flatten(),
        new Dense(input.numClasses(), Activation.LINEAR));
  }
}
