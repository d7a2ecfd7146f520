package io.tfjlab.training;

import io.tfjlab.models.zoo.Phase;
import org.tensorflow.Session;

/**
 * What callbacks see: the session, the phase and its epoch count, and the mutable trainer state.
 */
public final class TrainingContext {
  private final Session session;
  private final Phase phase;
  private final int epochs;
  private final String monitor;
  private TrainerState state;
  private boolean improved;

  public TrainingContext(Session session, Phase phase, int epochs, String monitor, TrainerState state) {
    this.session = session;
    this.phase = phase;
    this.epochs = epochs;
    this.monitor = monitor;
    this.state = state;
  }

  public Session session() {
    return session;
  }

  public Phase phase() {
    return phase;
  }

  public int epochs() {
    return epochs;
  }

  /** The metric followed for the best model, e.g. {@code val_loss}. */
  public String monitor() {
    return monitor;
  }

  public TrainerState state() {
    return state;
  }

  public void state(TrainerState s) {
    this.state = s;
  }

  /** Whether the epoch just ended improved the monitored metric. */
  public boolean improved() {
    return improved;
  }

  void improved(boolean v) {
    this.improved = v;
  }

  /** Asks the loop to stop after this epoch (early stopping). */
  public void requestStop() {
    state = new TrainerState(state.phase(), state.epoch(), state.step(), state.best(), state.bestEpoch(),
        state.sinceBest(), true);
  }
}
