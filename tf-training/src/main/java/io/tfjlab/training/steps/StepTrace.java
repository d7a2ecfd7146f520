package io.tfjlab.training.steps;

import java.util.function.Consumer;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;

/**
 * How a step runs its session calls: plainly, or — for one chosen global step — with TensorFlow's
 * full trace and the executed (partition) graphs, handing each call's {@link RunMetadata} to a sink
 * (the bench counts the step's FLOPs from it). Also serves {@code -Dtfjlab.profileStep=N} ({@link
 * StepProfile}). Tracing records what ran; it changes no value the step computes.
 */
public final class StepTrace {
  /** Traces nothing (beyond {@code -Dtfjlab.profileStep}). */
  public static final StepTrace NONE = new StepTrace(-1, m -> {});

  private final long step;
  private final Consumer<RunMetadata> sink;

  private StepTrace(long step, Consumer<RunMetadata> sink) {
    this.step = step;
    this.sink = sink;
  }

  /** Traces every session call of global step {@code step} (0-based) into {@code sink}. */
  public static StepTrace of(long step, Consumer<RunMetadata> sink) {
    if (step < 0) {
      throw new IllegalArgumentException("the traced step must be >= 0, got " + step);
    }
    return new StepTrace(step, sink);
  }

  /** Runs one session call of global step {@code step}; {@code label} names it in a profile. */
  public Result run(Session.Runner runner, long step, String label) {
    boolean profile = StepProfile.wanted(step);
    boolean traced = step == this.step;
    if (!profile && !traced) {
      return runner.run();
    }
    runner.setOptions(
        RunOptions.newBuilder()
            .setTraceLevel(RunOptions.TraceLevel.FULL_TRACE)
            .setOutputPartitionGraphs(traced)
            .build());
    long t0 = System.nanoTime();
    Result r = runner.runAndFetchMetadata();
    double ms = (System.nanoTime() - t0) / 1e6;
    r.getMetadata()
        .ifPresent(
            m -> {
              if (profile) {
                StepProfile.print(m, label + " " + step, ms);
              }
              if (traced) {
                sink.accept(m);
              }
            });
    return r;
  }
}
