package io.tfjlab.training.optim;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The learning rate of each epoch: constant, step decay ({@code lr·gamma^floor(epoch/every)}), or
 * linear decay from lr to {@code lr·finalFraction} over the run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningRateSchedule(String type, Integer every, Double gamma, Double finalFraction) {
  public LearningRateSchedule {
    if (type == null) {
      type = "constant";
    }
    switch (type) {
      case "constant" -> { }
      case "step" -> {
        every = every == null ? 10 : every;
        gamma = gamma == null ? 0.5 : gamma;
        if (every <= 0 || gamma <= 0) {
          throw new IllegalArgumentException("step schedule needs every > 0 and gamma > 0");
        }
      }
      case "linear" -> {
        finalFraction = finalFraction == null ? 0.0 : finalFraction;
        if (finalFraction < 0 || finalFraction > 1) {
          throw new IllegalArgumentException("schedule.finalFraction must be in [0, 1]");
        }
      }
      default -> throw new IllegalArgumentException("unknown schedule '" + type + "'; use constant, step or linear");
    }
  }

  public static LearningRateSchedule constant() {
    return new LearningRateSchedule("constant", null, null, null);
  }

  /** Learning rate for {@code epoch} (0-based) of {@code epochs}. */
  public double rate(double base, int epoch, int epochs) {
    return switch (type) {
      case "step" -> base * Math.pow(gamma, Math.floor((double) epoch / every));
      case "linear" -> epochs <= 1 ? base
          : base * (1 - (1 - finalFraction) * ((double) epoch / (epochs - 1)));
      default -> base;
    };
  }
}
