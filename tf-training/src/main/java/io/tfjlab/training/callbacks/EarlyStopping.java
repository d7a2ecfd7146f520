package io.tfjlab.training.callbacks;

import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;

/**
 * Keras' {@code EarlyStopping}: stops the phase once {@code patience} epochs in a row have not
 * improved the monitored metric (the state's {@code sinceBest}, kept by {@link BestEpoch}, which
 * must run before it). The phase then ends after best epoch + patience epochs; the stop is recorded
 * in the state, so a resumed run stays stopped.
 */
public final class EarlyStopping implements Callback {
  private final int patience;

  public EarlyStopping(int patience) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience must be 0 or more, got " + patience);
    }
    this.patience = patience;
  }

  public int patience() {
    return patience;
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    if (ctx.state().sinceBest() >= patience) {
      ctx.requestStop();
    }
  }
}
