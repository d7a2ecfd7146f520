package io.tfjlab.training;

/**
 * Training stopped because a stop was requested ({@link StopSignal}: SIGINT, SIGTERM or code),
 * after the step under way finished. The interrupted epoch is not logged; when it had run a batch,
 * its position was saved in the {@code last} checkpoint first ({@link TrainerState#position()}),
 * and the resumed run continues with the next batch; otherwise it resumes at that epoch's start.
 */
public final class TrainingStoppedException extends RuntimeException {
  private final String phase;
  private final int epoch;
  private final int batchesDone;
  private final long step;

  /**
   * @param epoch the interrupted epoch, counting from 1
   * @param batchesDone batches of that epoch finished before the stop
   * @param step global steps finished
   */
  public TrainingStoppedException(String phase, int epoch, int batchesDone, long step) {
    this(
        "stop requested: training stopped at phase "
            + phase
            + ", epoch "
            + epoch
            + " after "
            + batchesDone
            + " batches (step "
            + step
            + ")",
        phase,
        epoch,
        batchesDone,
        step);
  }

  private TrainingStoppedException(
      String message, String phase, int epoch, int batchesDone, long step) {
    super(message);
    this.phase = phase;
    this.epoch = epoch;
    this.batchesDone = batchesDone;
    this.step = step;
  }

  /** The same stop with another message (the executor's, naming the run and how to resume). */
  public TrainingStoppedException withMessage(String message) {
    return new TrainingStoppedException(message, phase, epoch, batchesDone, step);
  }

  public String phase() {
    return phase;
  }

  public int epoch() {
    return epoch;
  }

  public int batchesDone() {
    return batchesDone;
  }

  public long step() {
    return step;
  }
}
