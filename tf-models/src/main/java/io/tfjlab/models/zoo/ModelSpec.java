package io.tfjlab.models.zoo;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tfjlab.models.layers.Activation;
import java.util.List;

/**
 * A model of the zoo and its options, as JSON reads it. Fields a model does not use stay null;
 * each factory fills in its defaults and returns the resolved spec, which is what a run records.
 *
 * @param type the zoo name: linear, mlp, cnn, autoencoder, ae-classifier, perceptron, conv1d,
 *     linreg, blobs, xor
 * @param preset a named variant (mlp: seed002; cnn: seed003, seed001)
 * @param hidden hidden layer sizes (mlp, xor)
 * @param activation hidden activation (mlp)
 * @param dropout dropout rate after hidden layers, 0 = none
 * @param codeSize autoencoder code size
 * @param reconstructionLoss autoencoder loss: mse or bce
 * @param standardize put seed 003's input standardisation layer first
 * @param positiveClass perceptron: the class that is 1 (CIFAR-10 cat = 3)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(
    String type,
    String preset,
    List<Integer> hidden,
    Activation activation,
    Double dropout,
    Integer codeSize,
    String reconstructionLoss,
    Boolean standardize,
    Integer positiveClass) {

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
    if (reconstructionLoss != null && !reconstructionLoss.equals("mse") && !reconstructionLoss.equals("bce")) {
      throw new IllegalArgumentException("model.reconstructionLoss must be mse or bce, got " + reconstructionLoss);
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

  public static ModelSpec of(String type) {
    return new ModelSpec(type, null, null, null, null, null, null, null, null);
  }

  public ModelSpec withPreset(String p) {
    return new ModelSpec(type, p, hidden, activation, dropout, codeSize, reconstructionLoss, standardize, positiveClass);
  }

  public ModelSpec withHidden(List<Integer> h) {
    return new ModelSpec(type, preset, h, activation, dropout, codeSize, reconstructionLoss, standardize, positiveClass);
  }

  public ModelSpec withActivation(Activation a) {
    return new ModelSpec(type, preset, hidden, a, dropout, codeSize, reconstructionLoss, standardize, positiveClass);
  }

  public ModelSpec withDropout(Double d) {
    return new ModelSpec(type, preset, hidden, activation, d, codeSize, reconstructionLoss, standardize, positiveClass);
  }

  public ModelSpec withCodeSize(Integer c) {
    return new ModelSpec(type, preset, hidden, activation, dropout, c, reconstructionLoss, standardize, positiveClass);
  }

  public ModelSpec withReconstructionLoss(String l) {
    return new ModelSpec(type, preset, hidden, activation, dropout, codeSize, l, standardize, positiveClass);
  }

  public ModelSpec withStandardize(Boolean s) {
    return new ModelSpec(type, preset, hidden, activation, dropout, codeSize, reconstructionLoss, s, positiveClass);
  }

  public ModelSpec withPositiveClass(Integer c) {
    return new ModelSpec(type, preset, hidden, activation, dropout, codeSize, reconstructionLoss, standardize, c);
  }

  /** {@code value} if set, else {@code fallback}. */
  static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
