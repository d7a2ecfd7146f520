package io.tfjlab.training;

import io.tfjlab.data.batch.Batch;
import io.tfjlab.data.batch.BatchSource;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;

/** Runs a loss and a metric over every batch of a source in inference mode; example-weighted means. */
public final class Evaluator {
  private Evaluator() {}

  /** Mean loss and metric over a data source. */
  public record Score(double loss, double metric, long examples) {}

  public static Score evaluate(Session session, Operand<TFloat32> input, Operand<TFloat32> target,
      Operand<TFloat32> loss, Operand<TFloat32> metric, BatchSource source) {
    double lossSum = 0;
    double metricSum = 0;
    long n = 0;
    for (Batch b : source.epoch(0)) {
      try (Result r = session.runner().feed(input, b.images()).feed(target, b.labels())
          .fetch(loss).fetch(metric).run()) {
        lossSum += ((TFloat32) r.get(0)).getFloat() * b.size();
        metricSum += ((TFloat32) r.get(1)).getFloat() * b.size();
      }
      n += b.size();
    }
    return new Score(lossSum / n, metricSum / n, n);
  }
}
