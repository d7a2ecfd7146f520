package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.layers.config.LayerConfig;
import java.util.List;

/**
 * A model of the zoo and its options, as JSON reads it. Fields a model does not use stay null; each
 * factory fills in its defaults and returns the resolved spec, which is what a run records.
 *
 * @param type the zoo name: linear, mlp, cnn, conv1d, autoencoder, ae-classifier, perceptron,
 *     blobs, xor, linreg, dcgan, dcgan-transfer, sgan
 * @param preset a named variant (mlp: seed002; cnn: seed003, seed001)
 * @param hidden hidden layer sizes (mlp, xor)
 * @param activation hidden activation (mlp, autoencoder)
 * @param dropout dropout rate after hidden layers, 0 = none
 * @param codeSize autoencoder code size
 * @param reconstructionLoss autoencoder loss: mse or bce
 * @param standardize put seed 003's input standardisation layer first
 * @param positiveClass perceptron: the class that is 1 (CIFAR-10 cat = 3)
 * @param discriminator sgan: mlp (Salimans' permutation-invariant network) or cnn
 * @param freezeBody dcgan-transfer: keep the discriminator body fixed while the new head learns
 * @param labelSmoothing GANs: one-sided label smoothing, the real target becomes 1 - value (dcgan:
 *     default 0.1; sgan: default 0, its unlabeled real term becomes −(1−value)·log D(x) −
 *     value·log(1 − D(x)))
 * @param averageRate GANs: rate of the exponential moving average of discriminator weights used for
 *     evaluation; 0 = none
 * @param noiseDim GANs: size of the generator's noise vector
 * @param generatorOutput sgan: the generator's output activation, sigmoid (reference) or softplus
 * @param minibatchKernels sgan: minibatch discrimination (Salimans et al. 2016, 3.2) with this many
 *     kernels B before the classifier layer; null or 0 = off (the default)
 * @param minibatchDims sgan: dimensions C per minibatch-discrimination kernel (default 5 when it is
 *     on)
 * @param generator sgan: mlp (Salimans' 100-500-500-784 network, the default with the mlp
 *     discriminator) or conv (dense (H/4)x(W/4)x64, 7x7x64 on MNIST, and two transposed
 *     convolutions, the default with the cnn discriminator); the resolved spec leaves it out for
 *     the reference pair (mlp discriminator, mlp generator)
 * @param layers the layers model: its network from input to logits, one {@link LayerConfig} per
 *     layer (Keras-like JSON)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.soabase.recordbuilder.core.RecordBuilder
public record ModelSpec(
    String type,
    String preset,
    List<Integer> hidden,
    Activation activation,
    Double dropout,
    Integer codeSize,
    String reconstructionLoss,
    Boolean standardize,
    Integer positiveClass,
    String discriminator,
    Boolean freezeBody,
    Double labelSmoothing,
    Double averageRate,
    Integer noiseDim,
    Activation generatorOutput,
    Integer minibatchKernels,
    Integer minibatchDims,
    String generator,
    List<LayerConfig> layers)
    implements ModelSpecBuilder.With {

  /** The largest number of minibatch-discrimination kernels accepted (memory grows with it). */
  public static final int MAX_MINIBATCH_KERNELS = 1000;

  /** The largest number of dimensions per minibatch-discrimination kernel accepted. */
  public static final int MAX_MINIBATCH_DIMS = 100;

  public ModelSpec {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("model type is required (see ./tfjlab models)");
    }
    if (dropout != null && (dropout < 0 || dropout >= 1)) {
      throw new IllegalArgumentException("model.dropout must be in [0, 1), got " + dropout);
    }
    if (codeSize != null && codeSize <= 0) {
      throw new IllegalArgumentException("model.codeSize must be > 0, got " + codeSize);
    }
    if (reconstructionLoss != null
        && !reconstructionLoss.equals("mse")
        && !reconstructionLoss.equals("bce")) {
      throw new IllegalArgumentException(
          "model.reconstructionLoss must be mse or bce, got " + reconstructionLoss);
    }
    if (discriminator != null && !discriminator.equals("mlp") && !discriminator.equals("cnn")) {
      throw new IllegalArgumentException(
          "model.discriminator must be mlp or cnn, got " + discriminator);
    }
    if (generator != null && !generator.equals("mlp") && !generator.equals("conv")) {
      throw new IllegalArgumentException("model.generator must be mlp or conv, got " + generator);
    }
    if (labelSmoothing != null && (labelSmoothing < 0 || labelSmoothing >= 0.5)) {
      throw new IllegalArgumentException(
          "model.labelSmoothing must be in [0, 0.5), got " + labelSmoothing);
    }
    if (averageRate != null && (averageRate < 0 || averageRate > 1)) {
      throw new IllegalArgumentException("model.averageRate must be in [0, 1], got " + averageRate);
    }
    if (noiseDim != null && noiseDim <= 0) {
      throw new IllegalArgumentException("model.noiseDim must be > 0, got " + noiseDim);
    }
    if (minibatchKernels != null
        && (minibatchKernels < 0 || minibatchKernels > MAX_MINIBATCH_KERNELS)) {
      throw new IllegalArgumentException(
          "model.minibatchKernels must be in [0, "
              + MAX_MINIBATCH_KERNELS
              + "] (0 = off), got "
              + minibatchKernels);
    }
    if (minibatchDims != null && (minibatchDims < 1 || minibatchDims > MAX_MINIBATCH_DIMS)) {
      throw new IllegalArgumentException(
          "model.minibatchDims must be in [1, " + MAX_MINIBATCH_DIMS + "], got " + minibatchDims);
    }
    if (hidden != null) {
      hidden = List.copyOf(hidden);
      for (int h : hidden) {
        if (h <= 0) {
          throw new IllegalArgumentException("model.hidden sizes must be > 0, got " + hidden);
        }
      }
    }
  }

  /** A model of the zoo with nothing but its type given. */
  public static ModelSpec of(String type) {
    return ModelSpecBuilder.builder().type(type).build();
  }

  /** Whether minibatch discrimination is on: its features depend on the other rows of a batch. */
  public boolean usesMinibatchDiscrimination() {
    return minibatchKernels != null && minibatchKernels > 0;
  }

  /** {@code value} if set, else {@code fallback}. */
  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
