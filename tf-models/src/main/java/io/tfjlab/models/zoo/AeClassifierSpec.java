package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.models.layers.Activation;

/**
 * The autoencoder pretrained on every image, then its encoder under a softmax head trained on the
 * labels.
 *
 * @param type ae-classifier
 * @param preset a named overlay of families/ae-classifier.json, or null
 * @param activation the encoder's activation
 * @param codeSize the code size
 * @param reconstructionLoss mse or bce
 * @param freezeBody keep the encoder fixed while the head learns
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record AeClassifierSpec(
    String type,
    String preset,
    Activation activation,
    Integer codeSize,
    String reconstructionLoss,
    Boolean freezeBody)
    implements ModelSpec, AutoencoderOptions, AeClassifierSpecBuilder.With {
  public AeClassifierSpec {
    type = SpecChecks.type(type, "ae-classifier");
    AutoencoderOptions.check(codeSize, reconstructionLoss);
  }
}
