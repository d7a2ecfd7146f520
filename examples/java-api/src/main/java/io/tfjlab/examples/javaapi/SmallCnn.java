package io.tfjlab.examples.javaapi;

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

/**
 * A network defined in this project, not in tfjlab's zoo: conv 3x3x16 ReLU, max-pool 2, dense 64
 * ReLU, dense K logits. {@link ClassifierModel} adds the input, softmax, cross-entropy and accuracy.
 */
public class SmallCnn extends ClassifierModel {
  @Override
  public String name() {
    return "small-cnn";
  }

  @Override
  public String description() {
    return "conv 3x3x16 - max-pool 2 - dense 64 - dense K (defined in examples/java-api)";
  }

  @Override
  protected List<Layer> layers(ModelSpec spec, InputSpec input) {
    // new layer objects on every call: a layer owns the variables of the graph it is built in
    return List.of(
        new Conv2D(16, 3, 1, Padding.VALID, Activation.RELU),
        MaxPool.pool2d(2),
        Reshape.flatten(),
        new Dense(64, Activation.RELU),
        new Dense(input.numClasses(), Activation.LINEAR));
  }
}
