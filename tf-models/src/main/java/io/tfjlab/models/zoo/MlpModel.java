package io.tfjlab.models.zoo;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Dropout;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Reshape;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-layer perceptron: default 150-150 ReLU (seed 003: 141,910 parameters); preset {@code
 * seed002} is the tanh 128-64 network. Optional dropout after each hidden layer; L2 is a training
 * option.
 */
public final class MlpModel extends ClassifierModel {
  @Override
  public String name() {
    return "mlp";
  }

  @Override
  public String description() {
    return "dense hidden layers (default 150-150 ReLU, seed 003; preset seed002: tanh 128-64)";
  }

  @Override
  protected List<Layer> layers(ModelSpec resolved, InputSpec input) {
    // defaults and presets: io/tfjlab/models/families/mlp.json
    MlpSpec spec = SpecChecks.as(resolved, MlpSpec.class);
    List<Layer> layers = new ArrayList<>(Heads.maybeStandardize(spec, input));
    layers.add(Reshape.flatten());
    for (int units : spec.hidden()) {
      layers.add(new Dense(units, spec.activation()));
      if (spec.dropout() > 0) {
        layers.add(new Dropout(spec.dropout()));
      }
    }
    layers.add(new Dense(input.numClasses(), Activation.LINEAR));
    return layers;
  }
}
