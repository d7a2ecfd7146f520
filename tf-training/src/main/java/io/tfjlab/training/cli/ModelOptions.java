package io.tfjlab.training.cli;

import io.tfjlab.models.layers.Activation;
import io.tfjlab.models.zoo.ModelSpec;
import java.util.List;
import picocli.CommandLine.Option;

/** The model options shared by {@code train} and {@code summary}; each overrides a spec file's value. */
public final class ModelOptions {
  @Option(names = "--model", paramLabel = "NAME", description = "Zoo model (./tfjlab models lists them).")
  String model;

  @Option(names = "--preset", description = "Model variant, e.g. mlp seed002, cnn seed001.")
  String preset;

  @Option(names = "--hidden", split = ",", paramLabel = "N[,N...]", description = "Hidden layer sizes (mlp, xor).")
  List<Integer> hidden;

  @Option(names = "--activation", description = "Hidden activation: relu, tanh, sigmoid, leaky_relu, softplus.")
  String activation;

  @Option(names = "--dropout", description = "Dropout rate after hidden layers.")
  Double dropout;

  @Option(names = "--code-size", description = "Autoencoder code size.")
  Integer codeSize;

  @Option(names = "--reconstruction-loss", paramLabel = "mse|bce", description = "Autoencoder loss.")
  String reconstructionLoss;

  @Option(names = "--standardize", description = "Standardise the input in the graph (seed 003).")
  Boolean standardize;

  @Option(names = "--positive-class", description = "Perceptron: the class that is 1.")
  Integer positiveClass;

  @Option(names = "--discriminator", description = "sgan: mlp (reference) or cnn.")
  String discriminator;

  @Option(names = "--freeze-body", description = "dcgan-transfer, ae-classifier: keep the pre-trained body fixed (true/false).", arity = "1")
  Boolean freezeBody;

  @Option(names = "--label-smoothing", description = "GANs: one-sided label smoothing (real target 1 - v); "
      + "dcgan default 0.1; sgan default 0, its unlabeled real term becomes -(1-v)*log D(x) - v*log(1-D(x)).")
  Double labelSmoothing;

  @Option(names = "--average-rate", description = "GANs: rate of the discriminator weight average (0 = none).")
  Double averageRate;

  @Option(names = "--noise-dim", description = "GANs: generator noise size.")
  Integer noiseDim;

  @Option(names = "--generator", description = "sgan: generator network, mlp (Salimans' 100-500-500-784) or conv "
      + "(dense (H/4)x(W/4)x64 + two 4x4/2 transposed convolutions); default mlp with --discriminator mlp, conv with cnn.")
  String generator;

  @Option(names = "--generator-output", description = "sgan: generator output activation, sigmoid (reference) or softplus.")
  String generatorOutput;

  @Option(names = "--minibatch-kernels", paramLabel = "B", arity = "0..1", fallbackValue = "100",
      description = "sgan: minibatch discrimination (Salimans et al. 2016, 3.2) before the classifier layer with B "
          + "kernels, 0..1000; alone 100 (the reference code's); 0 = off (the default). Training compares the "
          + "labeled, unlabeled and generated rows each among themselves; evaluation compares the rows of each "
          + "evaluated batch, so validation and test use batches of the training batch size, and a served model "
          + "should be fed batches of that size too.")
  Integer minibatchKernels;

  @Option(names = "--minibatch-dims", paramLabel = "C", description = "sgan: dimensions per minibatch "
      + "discrimination kernel, 1..100 (default 5, the reference code's); needs --minibatch-kernels.")
  Integer minibatchDims;

  /** {@code base} (from a spec file, may be null) with the options given here applied on top. */
  ModelSpec apply(ModelSpec base) {
    if (base == null && model == null) {
      throw new IllegalArgumentException("--model is required (or --spec FILE); ./tfjlab models lists the models");
    }
    ModelSpec s = base == null ? ModelSpec.of(model) : base;
    if (model != null && !model.equals(s.type())) {
      s = s.withType(model);
    }
    if (preset != null) {
      s = s.withPreset(preset);
    }
    if (hidden != null) {
      s = s.withHidden(hidden);
    }
    if (activation != null) {
      s = s.withActivation(Activation.parse(activation));
    }
    if (dropout != null) {
      s = s.withDropout(dropout);
    }
    if (codeSize != null) {
      s = s.withCodeSize(codeSize);
    }
    if (reconstructionLoss != null) {
      s = s.withReconstructionLoss(reconstructionLoss);
    }
    if (standardize != null) {
      s = s.withStandardize(standardize);
    }
    if (positiveClass != null) {
      s = s.withPositiveClass(positiveClass);
    }
    if (discriminator != null) {
      s = s.withDiscriminator(discriminator);
    }
    if (freezeBody != null) {
      s = s.withFreezeBody(freezeBody);
    }
    if (labelSmoothing != null) {
      s = s.withLabelSmoothing(labelSmoothing);
    }
    if (averageRate != null) {
      s = s.withAverageRate(averageRate);
    }
    if (noiseDim != null) {
      s = s.withNoiseDim(noiseDim);
    }
    if (generator != null) {
      s = s.withGenerator(generator);
    }
    if (generatorOutput != null) {
      s = s.withGeneratorOutput(Activation.parse(generatorOutput));
    }
    if (minibatchKernels != null) {
      s = s.withMinibatchKernels(minibatchKernels);
    }
    if (minibatchDims != null) {
      s = s.withMinibatchDims(minibatchDims);
    }
    return s;
  }
}
