package io.tfjlab.training.optim;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The learning rate of each epoch: constant, step decay ({@code lr·gamma^floor(epoch/every)}), or
 * linear decay from lr to {@code lr·finalFraction} over the run, or from epoch {@code start} on
 * (constant before it: the short GAN schedules train at full rate, then anneal).
 *
 * <p>The linear decay reaches {@code lr·finalFraction} at the end of the last epoch, as PyTorch's
 * {@code LinearLR} with {@code total_iters} = the decaying epochs: epoch {@code e} trains at {@code
 * lr·(1 − (1 − finalFraction)·(e − start)/(epochs − start))}, so with {@code finalFraction} 0 the
 * last epoch still trains (at {@code lr/(epochs − start)}) instead of running at rate 0.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningRateSchedule(
    String type, Integer every, Double gamma, Double finalFraction, Integer start) {
  public LearningRateSchedule {
    if (type == null) {
      type = "constant";
    }
    switch (type) {
      case "constant" -> {}
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
        if (start != null && start < 0) {
          throw new IllegalArgumentException(
              "schedule.start must be >= 0 (the 0-based epoch the decay starts at)");
        }
      }
      default ->
          throw new IllegalArgumentException(
              "unknown schedule '" + type + "'; use constant, step or linear");
    }
  }

  public static LearningRateSchedule constant() {
    return new LearningRateSchedule("constant", null, null, null, null);
  }

  public LearningRateSchedule(String type, Integer every, Double gamma, Double finalFraction) {
    this(type, every, gamma, finalFraction, null);
  }

  /**
   * Constant {@code lr} up to epoch {@code start} (0-based), then linear down to {@code
   * lr·finalFraction} at the end of the last epoch.
   */
  public static LearningRateSchedule linearFrom(int start, double finalFraction) {
    return new LearningRateSchedule("linear", null, null, finalFraction, start);
  }

  /** Learning rate for {@code epoch} (0-based) of {@code epochs}. */
  public double rate(double base, int epoch, int epochs) {
    return switch (type) {
      case "step" -> base * Math.pow(gamma, Math.floor((double) epoch / every));
      case "linear" -> {
        int from = start == null ? 0 : start;
        yield epoch <= from || epochs <= from
            ? base
            : base * (1 - (1 - finalFraction) * ((double) (epoch - from) / (epochs - from)));
      }
      default -> base;
    };
  }
}
