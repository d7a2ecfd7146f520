package io.tfjlab.models.zoo;

import io.tfjlab.models.layers.Activation;

/** The options autoencoder and ae-classifier share: the dense encoder and its loss. */
public interface AutoencoderOptions {
  /** The encoder's activation. */
  Activation activation();

  /** The code size. */
  Integer codeSize();

  /** The reconstruction loss: mse or bce. */
  String reconstructionLoss();

  /** Checks the shared options. */
  static void check(Integer codeSize, String reconstructionLoss) {
    SpecChecks.positive("codeSize", codeSize);
    SpecChecks.oneOf("reconstructionLoss", reconstructionLoss, "mse", "bce");
  }
}
