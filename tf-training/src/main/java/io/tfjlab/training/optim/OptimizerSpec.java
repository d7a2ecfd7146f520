package io.tfjlab.training.optim;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An optimiser and its hyper-parameters, Keras names and defaults.
 *
 * @param name sgd, momentum, rmsprop or adam
 * @param learningRate base learning rate
 * @param momentum momentum (momentum, rmsprop)
 * @param beta1 Adam β1
 * @param beta2 Adam β2
 * @param epsilon Adam / RMSProp ε
 * @param rho RMSProp decay
 * @param epsilonInside Adam only: put ε under the square root, {@code m̂/√(v̂+ε)}, as
 *     Theano/Lasagne code and the Salimans et al. reference do, instead of TensorFlow's {@code
 *     m̂/(√v̂+ε̂)} (null = no)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptimizerSpec(
    String name,
    double learningRate,
    Double momentum,
    Double beta1,
    Double beta2,
    Double epsilon,
    Double rho,
    Boolean epsilonInside) {

  public OptimizerSpec {
    if (name == null) {
      name = "adam";
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("optimizer.learningRate must be > 0, got " + learningRate);
    }
    switch (name) {
      case "sgd" -> {}
      case "momentum" -> momentum = momentum == null ? 0.9 : momentum;
      case "rmsprop" -> {
        rho = rho == null ? 0.9 : rho;
        momentum = momentum == null ? 0.0 : momentum;
        epsilon = epsilon == null ? 1e-7 : epsilon;
      }
      case "adam" -> {
        beta1 = beta1 == null ? 0.9 : beta1;
        beta2 = beta2 == null ? 0.999 : beta2;
        epsilon = epsilon == null ? 1e-7 : epsilon;
      }
      default ->
          throw new IllegalArgumentException(
              "unknown optimizer '" + name + "'; use sgd, momentum, rmsprop or adam");
    }
    if (Boolean.TRUE.equals(epsilonInside) && !name.equals("adam")) {
      throw new IllegalArgumentException(
          "optimizer.epsilonInside applies to adam only, not " + name);
    }
    if (epsilonInside != null && !epsilonInside) {
      epsilonInside = null;
    }
    if (beta1 != null && (beta1 < 0 || beta1 >= 1)) {
      throw new IllegalArgumentException("optimizer.beta1 must be in [0, 1), got " + beta1);
    }
  }

  public static OptimizerSpec adam(double lr) {
    return new OptimizerSpec("adam", lr, null, null, null, null, null, null);
  }

  public static OptimizerSpec adam(double lr, double beta1) {
    return new OptimizerSpec("adam", lr, null, beta1, null, null, null, null);
  }

  public static OptimizerSpec sgd(double lr) {
    return new OptimizerSpec("sgd", lr, null, null, null, null, null, null);
  }

  public OptimizerSpec withLearningRate(double lr) {
    return new OptimizerSpec(name, lr, momentum, beta1, beta2, epsilon, rho, epsilonInside);
  }
}
