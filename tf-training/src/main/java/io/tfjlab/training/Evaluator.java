package io.tfjlab.training;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.data.batch.BatchSource;
import io.tfjlab.models.zoo.BuiltModel;
import io.tfjlab.models.zoo.Phase;
import io.tfjlab.models.zoo.Task;
import java.util.Optional;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/**
 * Runs a loss and a metric over every batch of a source in inference mode; example-weighted means.
 * Optionally also collects, in the same pass, each example's true and predicted class.
 */
public final class Evaluator {
  private Evaluator() {}

  /** Mean loss and metric over a data source. */
  public record Score(double loss, double metric, long examples) {}

  /** True and predicted class per example, in the source's order. */
  public record Predictions(int[] actual, int[] predicted) {
    public Predictions {
      if (actual.length != predicted.length) {
        throw new IllegalArgumentException(
            "actual and predicted differ in length: " + actual.length + " vs " + predicted.length);
      }
    }
  }

  /** A score, with the predictions when class probabilities were asked for. */
  public record Evaluation(Score score, Optional<Predictions> predictions) {}

  /**
   * A built model's final phase over {@code source} (its evaluation loss and metric), with the
   * predicted classes when the model is a classifier: what the test read of a run computes.
   */
  public static Evaluation evaluateFinalPhase(
      Session session, BuiltModel model, BatchSource source) {
    Phase fin = model.finalPhase();
    return evaluate(
        session,
        model.input(),
        model.target(),
        fin.evalLoss(),
        fin.evalMetric(),
        model.task() == Task.CLASSIFY ? Optional.of(model.output()) : Optional.empty(),
        source);
  }

  public static Score evaluate(
      Session session,
      Operand<TFloat32> input,
      Operand<TFloat32> target,
      Operand<TFloat32> loss,
      Operand<TFloat32> metric,
      BatchSource source) {
    return evaluate(session, input, target, loss, metric, Optional.empty(), source).score();
  }

  /**
   * One pass over {@code source}: loss, metric and, if {@code probabilities} is given, the argmax
   * of the probabilities and of the one-hot targets per example.
   */
  public static Evaluation evaluate(
      Session session,
      Operand<TFloat32> input,
      Operand<TFloat32> target,
      Operand<TFloat32> loss,
      Operand<TFloat32> metric,
      Optional<Operand<TFloat32>> probabilities,
      BatchSource source) {
    double lossSum = 0;
    double metricSum = 0;
    long n = 0;
    IntStream.Builder actual = IntStream.builder();
    IntStream.Builder predicted = IntStream.builder();
    for (Batch b : source.epoch(0)) {
      Session.Runner runner =
          session
              .runner()
              .feed(input, b.images())
              .feed(target, b.labels())
              .fetch(loss)
              .fetch(metric);
      probabilities.ifPresent(runner::fetch);
      try (Result r = runner.run()) {
        lossSum += ((TFloat32) r.get(0)).getFloat() * b.size();
        metricSum += ((TFloat32) r.get(1)).getFloat() * b.size();
        if (probabilities.isPresent()) {
          argmaxRows((TFloat32) r.get(2), b.size(), predicted);
          argmaxRows(b.labels(), b.size(), actual);
        }
      }
      n += b.size();
    }
    Optional<Predictions> p =
        probabilities.map(
            x -> new Predictions(actual.build().toArray(), predicted.build().toArray()));
    return new Evaluation(new Score(lossSum / n, metricSum / n, n), p);
  }

  /**
   * The index of the largest value of each of the first {@code rows} rows of a [rows, k] tensor.
   */
  private static void argmaxRows(TFloat32 t, int rows, IntStream.Builder out) {
    long k = t.shape().size(1);
    for (int i = 0; i < rows; i++) {
      int best = 0;
      float max = t.getFloat(i, 0);
      for (int j = 1; j < k; j++) {
        float v = t.getFloat(i, j);
        if (v > max) {
          max = v;
          best = j;
        }
      }
      out.add(best);
    }
  }
}
