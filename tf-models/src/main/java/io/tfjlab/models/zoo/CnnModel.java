package io.tfjlab.models.zoo;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Conv2D;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Dropout;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.MaxPool;
import io.tfjlab.models.layers.Padding;
import io.tfjlab.models.layers.Reshape;
import java.util.ArrayList;
import java.util.List;

/**
 * Convolutional classifiers. Architecture {@code seed003} (default): conv 5x5x64 ReLU → max-pool 2
 * → dense 128 → dense 64 → dense K. Architecture {@code seed001} (preset seed001, with dropout
 * 0.5): the baseline CNN of seed 001, whose figure gives no layer list; we use the classic Keras
 * MNIST CNN (conv 3x3x32, conv 3x3x64, max-pool 2, dropout 0.25, dense 128, dropout 0.5, dense K).
 * {@code dropout} adds dropout before each dense layer of seed003.
 */
public final class CnnModel extends ClassifierModel {
  @Override
  public String name() {
    return "cnn";
  }

  @Override
  public String description() {
    return "convolutional classifier (preset seed003: conv5x5x64-pool-128-64; seed001: conv32-conv64-pool-128)";
  }

  @Override
  protected List<Layer> layers(ModelSpec resolved, InputSpec input) {
    // defaults and presets (seed003: the default network, seed001: seed 001's): families/cnn.json
    CnnSpec spec = SpecChecks.as(resolved, CnnSpec.class);
    List<Layer> layers = new ArrayList<>(Heads.maybeStandardize(spec, input));
    double dropout = spec.dropout();
    if (spec.architecture().equals("seed001")) {
      layers.add(new Conv2D(32, 3, 1, Padding.VALID, Activation.RELU));
      layers.add(new Conv2D(64, 3, 1, Padding.VALID, Activation.RELU));
      layers.add(MaxPool.pool2d(2));
      layers.add(new Dropout(dropout / 2));
      layers.add(Reshape.flatten());
      layers.add(new Dense(128, Activation.RELU));
      layers.add(new Dropout(dropout));
      layers.add(new Dense(input.numClasses(), Activation.LINEAR));
      return layers;
    }
    layers.add(new Conv2D(64, 5, 1, Padding.VALID, Activation.RELU));
    layers.add(MaxPool.pool2d(2));
    layers.add(Reshape.flatten());
    for (int units : new int[] {128, 64}) {
      if (dropout > 0) {
        layers.add(new Dropout(dropout));
      }
      layers.add(new Dense(units, Activation.RELU));
    }
    if (dropout > 0) {
      layers.add(new Dropout(dropout));
    }
    layers.add(new Dense(input.numClasses(), Activation.LINEAR));
    return layers;
  }
}
