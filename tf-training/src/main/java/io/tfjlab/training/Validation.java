package io.tfjlab.training;

import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import org.tensorflow.Session;

/**
 * The validation pass at the end of an epoch: the phase's evaluation loss and metric over a source.
 */
@FunctionalInterface
public interface Validation {
  Evaluator.Score validate(Phase phase, BatchSource source);

  /**
   * The standard pass: {@link Evaluator} over the phase's {@code evalLoss}/{@code evalMetric} in
   * inference mode, with the weights the phase is evaluated with ({@link EvaluationWeights}).
   */
  static Validation of(Session session, BuiltModel model) {
    return (phase, source) ->
        EvaluationWeights.during(
            session,
            phase,
            () ->
                Evaluator.evaluate(
                    session,
                    model.input(),
                    model.target(),
                    phase.evalLoss(),
                    phase.evalMetric(),
                    source));
  }
}
