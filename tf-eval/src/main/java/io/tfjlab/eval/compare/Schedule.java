package io.tfjlab.eval.compare;

import io.tfjlab.models.zoo.ModelSpec;
import io.tfjlab.training.RunSpec;

/**
 * A run's schedule in a few words for the comparison table, so that a reader sees a short run as
 * short: {@code 30 ep × 20 steps}, {@code 4 ep}, {@code pretrain 5 + 100 ep × 10 steps}, {@code 1
 * ep ≤ 3 batches}.
 */
final class Schedule {
  private Schedule() {}

  static String of(RunSpec s) {
    StringBuilder b = new StringBuilder();
    if (pretrains(s.model())) {
      b.append("pretrain ").append(s.pretrainEpochs()).append(" + ");
    }
    b.append(s.epochs()).append(" ep");
    if (s.stepsPerEpoch() != null) {
      b.append(" × ").append(s.stepsPerEpoch()).append(" steps");
    }
    if (s.limitBatches() != null) {
      b.append(" ≤ ").append(s.limitBatches()).append(" batches");
    }
    return b.toString();
  }

  /** The two-phase models, whose first phase runs {@code pretrainEpochs}. */
  private static boolean pretrains(ModelSpec m) {
    return m instanceof io.tfjlab.models.zoo.AeClassifierSpec
        || m instanceof io.tfjlab.models.zoo.DcganTransferSpec;
  }
}
