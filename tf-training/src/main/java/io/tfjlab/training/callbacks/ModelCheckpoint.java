package io.tfjlab.training.callbacks;

import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.run.Checkpointer;

/**
 * Keras' {@code ModelCheckpoint(save_best_only=True)} plus a {@code last} checkpoint: after every
 * epoch saves {@code last} (for resuming) and, when the monitored metric improved, {@code best}.
 * Only the final phase writes {@code best}: earlier phases (pre-training) are not selected on.
 */
public final class ModelCheckpoint implements Callback {
  public static final String BEST = RunLayout.BEST;
  public static final String LAST = RunLayout.LAST;

  private final Checkpointer checkpointer;
  private final int finalPhase;

  public ModelCheckpoint(Checkpointer checkpointer, int finalPhase) {
    this.checkpointer = checkpointer;
    this.finalPhase = finalPhase;
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    if (ctx.improved() && ctx.state().phase() == finalPhase) {
      checkpointer.save(ctx.session(), BEST, ctx.state());
    }
    checkpointer.save(ctx.session(), LAST, ctx.state());
  }
}
