package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.models.layers.Activation;

/**
 * The semi-supervised GAN (Salimans et al. 2016, feature matching).
 *
 * @param type sgan
 * @param preset default or paper: families/sgan.json
 * @param discriminator mlp (Salimans' permutation-invariant network) or cnn
 * @param labelSmoothing one-sided label smoothing, 0 = none: the unlabeled real term becomes
 *     −(1−value)·log D(x) − value·log(1 − D(x))
 * @param averageRate rate of the exponential moving average of discriminator weights used for
 *     evaluation; 0 = none
 * @param noiseDim size of the generator's noise vector
 * @param generatorOutput the generator's output activation, sigmoid (reference) or softplus
 * @param minibatchKernels minibatch discrimination (Salimans et al. 2016, 3.2) with this many
 *     kernels B before the classifier layer; 0 = off
 * @param minibatchDims dimensions C per minibatch-discrimination kernel (5 when it is on and this
 *     is not given); only with minibatchKernels &gt; 0
 * @param generator mlp (Salimans' 100-500-500-784 network) or conv (dense (H/4)x(W/4)x64 and two
 *     transposed convolutions)
 * @param consistency weight of a consistency term on the unlabeled images, 0 = off: the
 *     discriminator sees each unlabeled batch twice (two draws of its Gaussian noise and dropout)
 *     and its loss gains weight · the mean squared distance of the two class softmaxes (the
 *     Π-model's term; CT-GAN uses 0.1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record SganSpec(
    String type,
    String preset,
    String discriminator,
    Double labelSmoothing,
    Double averageRate,
    Integer noiseDim,
    Activation generatorOutput,
    Integer minibatchKernels,
    Integer minibatchDims,
    String generator,
    Double consistency)
    implements ModelSpec, SganSpecBuilder.With {

  /** The largest number of minibatch-discrimination kernels accepted (memory grows with it). */
  public static final int MAX_MINIBATCH_KERNELS = 1000;

  /** The largest number of dimensions per minibatch-discrimination kernel accepted. */
  public static final int MAX_MINIBATCH_DIMS = 100;

  public SganSpec {
    type = SpecChecks.type(type, "sgan");
    SpecChecks.oneOf("discriminator", discriminator, "mlp", "cnn");
    SpecChecks.oneOf("generator", generator, "mlp", "conv");
    SpecChecks.rate("labelSmoothing", labelSmoothing, 0.5);
    if (averageRate != null && (averageRate < 0 || averageRate > 1)) {
      throw new IllegalArgumentException("model.averageRate must be in [0, 1], got " + averageRate);
    }
    SpecChecks.positive("noiseDim", noiseDim);
    SpecChecks.within("minibatchKernels", minibatchKernels, 0, MAX_MINIBATCH_KERNELS, " (0 = off)");
    SpecChecks.within("minibatchDims", minibatchDims, 1, MAX_MINIBATCH_DIMS, "");
    if (consistency != null && !(consistency >= 0 && consistency <= MAX_CONSISTENCY)) {
      throw new IllegalArgumentException(
          "model.consistency must be in [0, "
              + MAX_CONSISTENCY
              + "] (0 = off), got "
              + consistency);
    }
    if (consistency != null
        && consistency > 0
        && minibatchKernels != null
        && minibatchKernels > 0) {
      throw new IllegalArgumentException(
          "model.consistency and model.minibatchKernels cannot be combined (minibatch"
              + " discrimination compares the rows of a batch, the consistency term doubles them);"
              + " set one of them to 0");
    }
  }

  /** The largest consistency weight accepted. */
  public static final double MAX_CONSISTENCY = 100;

  /** Whether the unlabeled consistency term is on. */
  public boolean usesConsistency() {
    return consistency != null && consistency > 0;
  }

  @Override
  public boolean usesMinibatchDiscrimination() {
    return minibatchKernels != null && minibatchKernels > 0;
  }
}
