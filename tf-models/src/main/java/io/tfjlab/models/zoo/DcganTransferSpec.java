package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Seed 000's DCGAN, then its discriminator body under a softmax head trained on the labels.
 *
 * @param type dcgan-transfer
 * @param preset default or paper: families/dcgan-transfer.json
 * @param dropout dropout rate of the dense heads
 * @param freezeBody keep the discriminator body fixed while the new head learns
 * @param labelSmoothing one-sided label smoothing, the real target becomes 1 - value
 * @param noiseDim size of the generator's noise vector
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record DcganTransferSpec(
    String type,
    String preset,
    Double dropout,
    Boolean freezeBody,
    Double labelSmoothing,
    Integer noiseDim)
    implements ModelSpec, GanOptions, DcganTransferSpecBuilder.With {
  public DcganTransferSpec {
    type = SpecChecks.type(type, "dcgan-transfer");
    GanOptions.check(dropout, labelSmoothing, noiseDim);
  }
}
