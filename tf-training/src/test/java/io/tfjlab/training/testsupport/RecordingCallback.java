package io.tfjlab.training.testsupport;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;

/** Records the loss of every training batch and the logs of every epoch of a run. */
public final class RecordingCallback implements Callback {
  private final List<Double> losses = new ArrayList<>();
  private final List<EpochLogs> epochs = new ArrayList<>();

  @Override
  public void onBatchEnd(TrainingContext ctx, int batch, int batches, double loss, double metric) {
    losses.add(loss);
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    epochs.add(logs);
  }

  /** The batch losses so far, in order. */
  public List<Double> losses() {
    return losses;
  }

  /** The epochs' logs so far, in order. */
  public List<EpochLogs> epochs() {
    return epochs;
  }
}
