package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.models.layers.Activation;

/**
 * The dense autoencoder (seed 001).
 *
 * @param type autoencoder
 * @param preset a named overlay of families/autoencoder.json, or null
 * @param activation the encoder's activation
 * @param codeSize the code size
 * @param reconstructionLoss mse or bce
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record AutoencoderSpec(
    String type, String preset, Activation activation, Integer codeSize, String reconstructionLoss)
    implements ModelSpec, AutoencoderOptions, AutoencoderSpecBuilder.With {
  public AutoencoderSpec {
    type = SpecChecks.type(type, "autoencoder");
    AutoencoderOptions.check(codeSize, reconstructionLoss);
  }
}
