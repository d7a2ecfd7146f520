package io.tfjlab.training;

import io.tfjlab.models.graph.WeightAverage;
import io.tfjlab.models.zoo.Adversarial;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import java.util.Optional;
import java.util.function.Supplier;
import org.tensorflow.Session;

/**
 * The weights a phase is evaluated with: the live ones, or the weight average the model keeps for
 * it (Salimans et al. evaluate the semi-supervised GAN's discriminator with one). The one place the
 * average is swapped in: around each validation pass ({@link #during}), for the test read after
 * training and when a run is restored for evaluation or export ({@link #useAveraged}).
 */
public final class EvaluationWeights {
  private EvaluationWeights() {}

  /** The weight average a phase evaluates with, if any. */
  public static Optional<WeightAverage> of(Phase phase) {
    return phase.adversarial().flatMap(Adversarial::average);
  }

  /** A new run: every average starts at the live (initial) weights. */
  public static void reset(Session session, BuiltModel model) {
    model.phases().forEach(p -> of(p).ifPresent(a -> a.reset(session)));
  }

  /**
   * Runs {@code evaluation} with the phase's averaged weights live, then swaps the training weights
   * back.
   */
  public static <T> T during(Session session, Phase phase, Supplier<T> evaluation) {
    Optional<WeightAverage> average = of(phase);
    average.ifPresent(a -> a.swap(session));
    try {
      return evaluation.get();
    } finally {
      average.ifPresent(a -> a.swap(session));
    }
  }

  /**
   * Swaps the phase's averaged weights in for good (training is over: test read, evaluation,
   * export).
   */
  public static void useAveraged(Session session, Phase phase) {
    of(phase).ifPresent(a -> a.swap(session));
  }
}
