package io.tfjlab.training.callbacks;

import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.EpochLogs;
import io.tfjlab.training.TrainerState;
import io.tfjlab.training.TrainingContext;
import io.tfjlab.training.run.CheckpointStore;
import org.tensorflow.Session;

/**
 * Keras' {@code ModelCheckpoint(save_best_only=True)} plus a {@code last} checkpoint: after every
 * epoch saves {@code last} (for resuming) and, when the epoch improved the monitored metric of a
 * validated phase ({@link TrainingContext#improved()}, set by {@link BestEpoch}, which runs first),
 * {@code best}. Only the final phase writes {@code best}: earlier phases (pre-training) are not
 * selected on. At a phase boundary {@link #phaseDone} writes {@code last} at the next phase's
 * start; after training {@link #restoreForTest} picks the checkpoint the test set reads.
 */
public final class ModelCheckpoint implements Callback {
  public static final String BEST = RunLayout.BEST;
  public static final String LAST = RunLayout.LAST;

  private final CheckpointStore store;
  private final int finalPhase;

  public ModelCheckpoint(CheckpointStore store, int finalPhase) {
    this.store = store;
    this.finalPhase = finalPhase;
  }

  @Override
  public void onEpochEnd(TrainingContext ctx, EpochLogs logs) {
    if (ctx.improved() && ctx.state().phase() == finalPhase) {
      store.save(ctx.session(), BEST, ctx.state());
    }
    store.save(ctx.session(), LAST, ctx.state());
  }

  /**
   * A stop inside an epoch: saves {@code last} with the position in the epoch ({@code best} is
   * written only at an epoch's end, so it and the selection's numbers stay as they were).
   */
  @Override
  public void onStop(TrainingContext ctx) {
    store.save(ctx.session(), LAST, ctx.state());
  }

  /**
   * A phase before the final one is done: saves {@code last} at the start of the next phase and
   * returns that state (a run interrupted now resumes with the next phase).
   */
  public TrainerState phaseDone(Session session, TrainerState state) {
    TrainerState next = state.nextPhase();
    store.save(session, LAST, next);
    return next;
  }

  /**
   * The checkpoint the test set is read with, and the epoch it holds.
   *
   * @param checkpoint the checkpoint that was used ({@code best} or {@code last})
   * @param state its trainer state
   * @param epoch its epoch: the best epoch of {@code best}, the last epoch run of {@code last}
   */
  public record Choice(String checkpoint, TrainerState state, int epoch) {}

  /**
   * After training: with {@code wanted = best} and a {@code best} checkpoint written, restores it
   * into the session; otherwise ({@code last}, or no validation and so no {@code best}) keeps the
   * session as training left it, the last epoch.
   */
  public Choice restoreForTest(Session session, String wanted, TrainerState last) {
    if (wanted.equals(BEST) && store.exists(BEST)) {
      TrainerState best = store.restore(session, BEST);
      return new Choice(BEST, best, best.bestEpoch());
    }
    return new Choice(LAST, last, last.epoch());
  }
}
