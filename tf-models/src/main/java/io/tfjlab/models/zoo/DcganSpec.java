package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Seed 000's DCGAN (generator and discriminator, trained adversarially).
 *
 * @param type dcgan
 * @param preset default or paper: families/dcgan.json
 * @param dropout dropout rate of the discriminator's dense head
 * @param labelSmoothing one-sided label smoothing, the real target becomes 1 - value
 * @param noiseDim size of the generator's noise vector
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record DcganSpec(
    String type, String preset, Double dropout, Double labelSmoothing, Integer noiseDim)
    implements ModelSpec, GanOptions, DcganSpecBuilder.With {
  public DcganSpec {
    type = SpecChecks.type(type, "dcgan");
    GanOptions.check(dropout, labelSmoothing, noiseDim);
  }
}
