package io.tfjlab.training;

import java.util.concurrent.TimeUnit;

/**
 * A request to stop training cleanly. The {@code tfjlab} command installs {@link
 * #installShutdownHook()}: on SIGINT or SIGTERM the JVM runs the hook, which raises the request and
 * waits (at most {@link #WAIT_SECONDS}) while a run is inside {@link #enter()}; the {@link
 * EpochLoop} polls the request before each step, so the step under way finishes, a checkpoint being
 * written is completed, and the loop stops with a {@link TrainingStoppedException}. The run
 * executor then prints how to resume and closes its {@link Guard}, the hook returns, and the JVM
 * exits with 128 + the signal number (130 for SIGINT, 143 for SIGTERM), as it always does on those
 * signals. Without the hook (the Java API, tests) {@link #request()} stops a loop the same way.
 */
public final class StopSignal {
  /** How long the hook waits for a run to stop before the JVM exits anyway. */
  public static final long WAIT_SECONDS = 120;

  private static final StopSignal GLOBAL = new StopSignal();

  private volatile boolean requested;
  private volatile boolean shuttingDown;
  private int active;
  private boolean hookInstalled;

  StopSignal() {}

  /** The process-wide request that the loop polls. */
  public static StopSignal global() {
    return GLOBAL;
  }

  /** Installs the JVM shutdown hook (once; later calls do nothing). */
  public synchronized void installShutdownHook() {
    if (!hookInstalled) {
      Runtime.getRuntime().addShutdownHook(new Thread(this::onShutdown, "tfjlab-stop-signal"));
      hookInstalled = true;
    }
  }

  /** True once a stop was requested. */
  public boolean requested() {
    return requested;
  }

  /** True when the request came from the JVM shutting down (a signal), not from code. */
  public boolean shuttingDown() {
    return shuttingDown;
  }

  /** Requests a stop: the loop stops before its next step. */
  public void request() {
    requested = true;
  }

  /** Withdraws a request made by {@link #request()} (tests, or an API user who caught it). */
  public void clear() {
    if (!shuttingDown) {
      requested = false;
    }
  }

  /**
   * Marks a run as under way until the returned guard is closed: the shutdown hook waits for it.
   */
  public Guard enter() {
    synchronized (this) {
      active++;
    }
    return new Guard();
  }

  private void onShutdown() {
    shuttingDown = true;
    requested = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    synchronized (this) {
      while (active > 0) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          System.err.println(
              "tfjlab: the run did not stop within " + WAIT_SECONDS + " s; exiting anyway");
          return;
        }
        try {
          wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Closes the span of one run; see {@link #enter()}. */
  public final class Guard implements AutoCloseable {
    private boolean closed;

    private Guard() {}

    /**
     * Ends the span. When the JVM is shutting down on a signal and this was the last run, the
     * calling thread then waits for the exit instead of going on (so nothing more is printed).
     */
    @Override
    public void close() {
      boolean last;
      synchronized (StopSignal.this) {
        if (closed) {
          return;
        }
        closed = true;
        active--;
        last = active == 0;
        StopSignal.this.notifyAll();
      }
      if (last && shuttingDown) {
        System.out.flush();
        System.err.flush();
        while (true) { // the hook returns now and the JVM halts with 128 + the signal
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException e) {
            // keep waiting for the exit
          }
        }
      }
    }
  }
}
