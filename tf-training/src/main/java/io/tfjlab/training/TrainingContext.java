package io.tfjlab.training;

import io.tfjlab.models.zoo.Phase;
import org.tensorflow.Session;

/**
 * What callbacks see: the session, the phase and its epoch count, whether the phase is validated,
 * and the mutable trainer state. The selection callback ({@link
 * io.tfjlab.training.callbacks.BestEpoch}) sets the monitored metric and whether an epoch improved
 * it; the others read them.
 */
public final class TrainingContext {
  private final Session session;
  private final Phase phase;
  private final int epochs;
  private final boolean validated;
  private String monitor;
  private TrainerState state;
  private boolean improved;

  /**
   * @param validated whether every epoch of the phase ends with a validation pass ({@code
   *     val_loss}, {@code val_<metric>} in the logs)
   */
  public TrainingContext(
      Session session, Phase phase, int epochs, boolean validated, TrainerState state) {
    this.session = session;
    this.phase = phase;
    this.epochs = epochs;
    this.validated = validated;
    this.monitor = validated ? "val_loss" : "loss";
    this.state = state;
  }

  public Session session() {
    return session;
  }

  public Phase phase() {
    return phase;
  }

  /** The phase's epoch count (0 in {@code onTrainBegin}/{@code onTrainEnd}, which span phases). */
  public int epochs() {
    return epochs;
  }

  /**
   * Whether the phase's epochs end with a validation pass (false in {@code onTrainBegin}/{@code
   * onTrainEnd}).
   */
  public boolean validated() {
    return validated;
  }

  /**
   * The metric followed for the best model, e.g. {@code val_loss} ({@code loss} without
   * validation).
   */
  public String monitor() {
    return monitor;
  }

  /** Sets the followed metric (the selection callback, when the phase begins). */
  public void monitor(String m) {
    this.monitor = m;
  }

  public TrainerState state() {
    return state;
  }

  public void state(TrainerState s) {
    this.state = s;
  }

  /**
   * Whether the epoch just ended improved the monitored metric of a validated phase (a new best
   * checkpoint).
   */
  public boolean improved() {
    return improved;
  }

  /**
   * Sets {@link #improved()} (the loop clears it before each epoch's callbacks, the selection sets
   * it).
   */
  public void improved(boolean v) {
    this.improved = v;
  }

  /** Asks the loop to stop after this epoch (early stopping). */
  public void requestStop() {
    state = state.withStop();
  }
}
