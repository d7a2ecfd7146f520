package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.models.layers.Activation;
import java.util.List;

/**
 * The one-output perceptron of seed 004 (CIFAR-10 "cat or not cat").
 *
 * @param type perceptron
 * @param preset a named overlay of families/perceptron.json, or null
 * @param hidden hidden layer sizes ([] = none)
 * @param activation hidden activation
 * @param positiveClass the class that is 1 (CIFAR-10 cat = 3)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record PerceptronSpec(
    String type, String preset, List<Integer> hidden, Activation activation, Integer positiveClass)
    implements ModelSpec, HiddenLayers, PerceptronSpecBuilder.With {
  public PerceptronSpec {
    type = SpecChecks.type(type, "perceptron");
    hidden = SpecChecks.hidden(hidden);
    if (positiveClass != null && positiveClass < 0) {
      throw new IllegalArgumentException("model.positiveClass must be >= 0, got " + positiveClass);
    }
  }
}
