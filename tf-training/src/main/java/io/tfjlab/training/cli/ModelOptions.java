package io.tfjlab.training.cli;

import io.tfjlab.models.zoo.ModelSpec;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The model options shared by {@code train} and {@code summary}; each sets the spec field its
 * {@link SpecPath} names.
 */
public final class ModelOptions {
  @SpecPath("model.type")
  @Option(
      names = "--model",
      paramLabel = "NAME",
      description = "Zoo model (./tfjlab models lists them).")
  String model;

  @SpecPath("model.preset")
  @Option(
      names = "--preset",
      description =
          "A named overlay of the model family (./tfjlab models lists them), e.g. mlp seed002, cnn seed001, sgan paper.")
  String preset;

  @SpecPath("model.hidden")
  @Option(
      names = "--hidden",
      split = ",",
      paramLabel = "N[,N...]",
      description = "Hidden layer sizes (mlp, xor).")
  List<Integer> hidden;

  @SpecPath("model.activation")
  @Option(
      names = "--activation",
      description = "Hidden activation: relu, tanh, sigmoid, leaky_relu, softplus.")
  String activation;

  @SpecPath("model.dropout")
  @Option(names = "--dropout", description = "Dropout rate after hidden layers.")
  Double dropout;

  @SpecPath("model.codeSize")
  @Option(names = "--code-size", description = "Autoencoder code size.")
  Integer codeSize;

  @SpecPath("model.reconstructionLoss")
  @Option(
      names = "--reconstruction-loss",
      paramLabel = "mse|bce",
      description = "Autoencoder loss.")
  String reconstructionLoss;

  @SpecPath("model.standardize")
  @Option(names = "--standardize", description = "Standardise the input in the graph (seed 003).")
  Boolean standardize;

  @SpecPath("model.positiveClass")
  @Option(names = "--positive-class", description = "Perceptron: the class that is 1.")
  Integer positiveClass;

  @SpecPath("model.discriminator")
  @Option(names = "--discriminator", description = "sgan: mlp (reference) or cnn.")
  String discriminator;

  @SpecPath("model.freezeBody")
  @Option(
      names = "--freeze-body",
      description = "dcgan-transfer, ae-classifier: keep the pre-trained body fixed (true/false).",
      arity = "1")
  Boolean freezeBody;

  @SpecPath("model.labelSmoothing")
  @Option(
      names = "--label-smoothing",
      description =
          "GANs: one-sided label smoothing (real target 1 - v); "
              + "dcgan default 0.1; sgan default 0, its unlabeled real term becomes -(1-v)*log D(x) - v*log(1-D(x)).")
  Double labelSmoothing;

  @SpecPath("model.consistency")
  @Option(
      names = "--consistency",
      paramLabel = "W",
      description =
          "sgan: weight of a consistency term on the unlabeled images (each batch through the"
              + " discriminator twice, two noise and dropout draws; loss + W x the mean squared"
              + " distance of the two class softmaxes); 0 = off (the default).")
  Double consistency;

  @SpecPath("model.averageRate")
  @Option(
      names = "--average-rate",
      description = "GANs: rate of the discriminator weight average (0 = none).")
  Double averageRate;

  @SpecPath("model.noiseDim")
  @Option(names = "--noise-dim", description = "GANs: generator noise size.")
  Integer noiseDim;

  @SpecPath("model.generator")
  @Option(
      names = "--generator",
      description =
          "sgan: generator network, mlp (Salimans' 100-500-500-784) or conv "
              + "(dense (H/4)x(W/4)x64 + two 4x4/2 transposed convolutions); default mlp with --discriminator mlp, conv with cnn.")
  String generator;

  @SpecPath("model.generatorOutput")
  @Option(
      names = "--generator-output",
      description = "sgan: generator output activation, sigmoid (reference) or softplus.")
  String generatorOutput;

  @SpecPath("model.minibatchKernels")
  @Option(
      names = "--minibatch-kernels",
      paramLabel = "B",
      arity = "0..1",
      fallbackValue = "100",
      description =
          "sgan: minibatch discrimination (Salimans et al. 2016, 3.2) before the classifier layer with B "
              + "kernels, 0..1000; alone 100 (the reference code's); 0 = off (the default). Training compares the "
              + "labeled, unlabeled and generated rows each among themselves; evaluation compares the rows of each "
              + "evaluated batch, so validation and test use batches of the training batch size, and a served model "
              + "should be fed batches of that size too.")
  Integer minibatchKernels;

  @SpecPath("model.minibatchDims")
  @Option(
      names = "--minibatch-dims",
      paramLabel = "C",
      description =
          "sgan: dimensions per minibatch "
              + "discrimination kernel, 1..100 (default 5, the reference code's); needs --minibatch-kernels.")
  Integer minibatchDims;

  /**
   * The model these options name (not yet resolved), for commands that build a model without a run.
   */
  ModelSpec modelSpec() {
    if (model == null) {
      throw new IllegalArgumentException("--model is required; ./tfjlab models lists the models");
    }
    return io.tfjlab.models.spec.ModelFamily.of(model)
        .read(OptionLayer.of(this).values().get("model"));
  }
}
