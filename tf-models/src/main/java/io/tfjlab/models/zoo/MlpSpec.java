package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.models.layers.Activation;
import java.util.List;

/**
 * The multi-layer perceptron.
 *
 * @param type mlp
 * @param preset seed003 (150-150 ReLU, the default) or seed002 (tanh 128-64): families/mlp.json
 * @param hidden hidden layer sizes
 * @param activation hidden activation
 * @param dropout dropout rate after each hidden layer, 0 = none
 * @param standardize put seed 003's input standardisation layer first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record MlpSpec(
    String type,
    String preset,
    List<Integer> hidden,
    Activation activation,
    Double dropout,
    Boolean standardize)
    implements ModelSpec, HiddenLayers, MlpSpecBuilder.With {
  public MlpSpec {
    type = SpecChecks.type(type, "mlp");
    hidden = SpecChecks.hidden(hidden);
    SpecChecks.rate("dropout", dropout, 1);
  }

  @Override
  public boolean standardizesInput() {
    return Boolean.TRUE.equals(standardize);
  }
}
