package io.tfjlab.models.zoo;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Reshape;
import java.util.ArrayList;
import java.util.List;

/** Softmax regression 784→10 (seed 003: 7,850 parameters), optionally on standardised input. */
public final class LinearModel extends ClassifierModel {
  @Override
  public String name() {
    return "linear";
  }

  @Override
  public String description() {
    return "softmax regression on raw (or standardised) pixels (seed 003)";
  }

  @Override
  protected List<Layer> layers(ModelSpec spec, InputSpec input) {
    List<Layer> layers = new ArrayList<>(Heads.maybeStandardize(spec, input));
    layers.add(Reshape.flatten());
    layers.add(new Dense(input.numClasses(), Activation.LINEAR));
    return layers;
  }
}
