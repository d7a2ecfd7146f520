package io.tfjlab.training;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where training stands; saved with every checkpoint so that a resumed run continues exactly. All
 * randomness (data order, augmentation, dropout and noise masks) is a pure function of the run
 * seed, the epoch and the step, so these counters are the complete RNG state. The loop keeps {@code
 * phase}, {@code epoch} and {@code step}; the selection callbacks keep {@code best}, {@code
 * bestEpoch} and {@code sinceBest} ({@link io.tfjlab.training.callbacks.BestEpoch}) and {@code
 * stopped} ({@link io.tfjlab.training.callbacks.EarlyStopping}).
 *
 * @param phase index of the phase in progress
 * @param epoch the next epoch to run within that phase (0-based)
 * @param step global training step count (all phases)
 * @param best the best monitored value in the phase so far (NaN before the first epoch)
 * @param bestEpoch the epoch (1-based) that reached it, 0 if none
 * @param sinceBest epochs since the last improvement (early stopping counter)
 * @param stopped early stopping ended the phase
 * @param skipped steps skipped so far because their numbers were not finite ({@code nonFinite:
 *     "skip"}, all phases); not written when 0, so a run that skips nothing has the state it had
 *     before this field existed
 * @param position where a stop request (SIGINT, SIGTERM) left the epoch {@code epoch}: the batches
 *     it had run and its running sums, so that the resumed run continues with the next batch; null
 *     (and not written) at an epoch's end, which is every checkpoint but the one a stop writes, so
 *     the states of older runs read as before
 */
public record TrainerState(
    int phase,
    int epoch,
    long step,
    double best,
    int bestEpoch,
    int sinceBest,
    boolean stopped,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) long skipped,
    @JsonInclude(JsonInclude.Include.NON_NULL) EpochProgress position) {
  @JsonCreator
  public TrainerState {}

  /** A state at an epoch's end with no skipped step. */
  public TrainerState(
      int phase, int epoch, long step, double best, int bestEpoch, int sinceBest, boolean stopped) {
    this(phase, epoch, step, best, bestEpoch, sinceBest, stopped, 0, null);
  }

  public static TrainerState start() {
    return new TrainerState(0, 0, 0, Double.NaN, 0, 0, false);
  }

  public TrainerState nextPhase() {
    return new TrainerState(phase + 1, 0, step, Double.NaN, 0, 0, false, skipped, null);
  }

  /**
   * The same state after an epoch of phase {@code phase}: {@code epoch} epochs done, {@code step}
   * steps in all; no position within an epoch.
   */
  public TrainerState withProgress(int phase, int epoch, long step) {
    return new TrainerState(phase, epoch, step, best, bestEpoch, sinceBest, stopped, skipped, null);
  }

  /** The same state with the selection's numbers. */
  public TrainerState withBest(double best, int bestEpoch, int sinceBest) {
    return new TrainerState(
        phase, epoch, step, best, bestEpoch, sinceBest, stopped, skipped, position);
  }

  /** The same state, stopped early. */
  public TrainerState withStop() {
    return new TrainerState(
        phase, epoch, step, best, bestEpoch, sinceBest, true, skipped, position);
  }

  /** The same state with {@code n} skipped steps in all. */
  public TrainerState withSkipped(long n) {
    return new TrainerState(phase, epoch, step, best, bestEpoch, sinceBest, stopped, n, position);
  }

  /**
   * The state inside epoch {@code epoch} of phase {@code phase} at global step {@code step}, at
   * {@code position} (null: at the epoch's start).
   */
  public TrainerState withPosition(int phase, int epoch, long step, EpochProgress position) {
    return new TrainerState(
        phase, epoch, step, best, bestEpoch, sinceBest, stopped, skipped, position);
  }
}
