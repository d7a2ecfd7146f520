package io.tfjlab.models.zoo;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.Dense;
import io.tfjlab.models.layers.Dropout;
import io.tfjlab.models.layers.Layer;
import io.tfjlab.models.layers.Reshape;
import java.util.ArrayList;
import java.util.List;

/**
 * Multi-layer perceptron: default 150-150 ReLU (seed 003: 141,910 parameters); preset
 * {@code seed002} is the tanh 128-64 network. Optional dropout after each hidden layer; L2 is a
 * training option.
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
  public ModelSpec resolve(ModelSpec s) {
    String preset = ModelSpec.or(s.preset(), "seed003");
    List<Integer> hidden;
    Activation act;
    switch (preset) {
      case "seed003" -> {
        hidden = List.of(150, 150);
        act = Activation.RELU;
      }
      case "seed002" -> {
        hidden = List.of(128, 64);
        act = Activation.TANH;
      }
      default -> throw new IllegalArgumentException("unknown mlp preset '" + preset + "'; use seed003 or seed002");
    }
    return s.withPreset(preset)
        .withHidden(ModelSpec.or(s.hidden(), hidden))
        .withActivation(ModelSpec.or(s.activation(), act))
        .withDropout(ModelSpec.or(s.dropout(), 0.0))
        .withStandardize(ModelSpec.or(s.standardize(), false));
  }

  @Override
  protected List<Layer> layers(ModelSpec spec, InputSpec input) {
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
