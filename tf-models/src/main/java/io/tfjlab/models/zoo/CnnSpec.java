package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The convolutional classifier.
 *
 * @param type cnn
 * @param preset seed003 (the default) or seed001: families/cnn.json
 * @param architecture the layers: seed003 (conv 5x5x64, max-pool 2, dense 128, dense 64) or seed001
 *     (conv 3x3x32, conv 3x3x64, max-pool 2, dense 128: the Keras MNIST CNN)
 * @param dropout seed003: dropout before each dense layer, 0 = none; seed001: the rate before the
 *     last dense layer (half of it after the pooling)
 * @param standardize put seed 003's input standardisation layer first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record CnnSpec(
    String type, String preset, String architecture, Double dropout, Boolean standardize)
    implements ModelSpec, CnnSpecBuilder.With {
  public CnnSpec {
    type = SpecChecks.type(type, "cnn");
    SpecChecks.oneOf("architecture", architecture, "seed003", "seed001");
    SpecChecks.rate("dropout", dropout, 1);
  }

  @Override
  public boolean standardizesInput() {
    return Boolean.TRUE.equals(standardize);
  }
}
