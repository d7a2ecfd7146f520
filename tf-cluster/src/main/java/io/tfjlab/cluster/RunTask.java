package io.tfjlab.cluster;

import io.tfjlab.cli.cluster.ClusterJob;
import io.tfjlab.runs.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;

/**
 * One Spark task: one run of the job, trained in a child JVM ({@code tfjlab train --spec FILE
 * --threads K}, or {@code train --resume} of a copy of the store's folder when an earlier attempt
 * mirrored a checkpoint) on the executor's disk, and mirrored into the store after each checkpoint
 * and at the end ({@link StoreMirror}). The store is a local folder or a Hadoop file system ({@link
 * RunStore}; for the latter the task gets the driver's {@link HadoopConf} settings). A native crash
 * or a memory blow-up of the training ends the child, and so the task, not the executor; Spark's
 * retry then resumes. A {@link Lease} keeps an earlier, still-running attempt from writing over the
 * folder.
 */
final class RunTask {
  private static final long POLL_MS = 100;

  private RunTask() {}

  /**
   * Runs (or resumes, or finds finished) the run; returns once it is finished in the store. A
   * failed attempt says so in one line on standard error (the driver's, in local mode) and throws,
   * and Spark retries the task.
   */
  static TaskOutcome run(
      ClusterJob job, Map<String, String> hadoopSettings, ClusterJob.ClusterRun run) {
    try {
      return attempt(job, RunStores.open(job.store(), hadoopSettings), run);
    } catch (RuntimeException e) {
      TaskContext ctx = TaskContext.get();
      System.err.printf(
          "task %s, attempt %d failed: %s%n",
          run.id(),
          ctx == null ? 0 : ctx.attemptNumber(),
          e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse(""));
      throw e;
    }
  }

  private static TaskOutcome attempt(ClusterJob job, RunStore store, ClusterJob.ClusterRun run) {
    long t0 = System.nanoTime();
    TaskContext ctx = TaskContext.get();
    int attempt = ctx == null ? 0 : ctx.attemptNumber();
    String host = io.tfjlab.training.run.Manifest.currentHost();
    String target = run.folder();
    Lease lease =
        Lease.take(
            store,
            run.folder(),
            "attempt " + attempt + " on " + host + " pid " + ProcessHandle.current().pid());
    if (finished(store, target)) {
      return new TaskOutcome(
          run.id(), run.folder(), "already finished", attempt, host, seconds(t0), 0);
    }
    Path scratch;
    try {
      scratch = Files.createTempDirectory("tfjlab-task-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder: " + e.getMessage(), e);
    }
    TaskLog log = null;
    try {
      boolean resume = StoreMirror.lastState(store, target).isPresent();
      List<String> trainArgs = new ArrayList<>(List.of("train"));
      Path local;
      if (resume) {
        // the store's copy (up to its last mirrored checkpoint) onto the executor's disk
        local = scratch.resolve("resume").resolve(run.folder());
        store.downloadTree(target, local);
        trainArgs.addAll(List.of("--resume", local.toString()));
      } else {
        store.delete(target); // a start that never reached a checkpoint
        Path spec = scratch.resolve("spec.json");
        Files.writeString(spec, run.spec(), StandardCharsets.UTF_8);
        trainArgs.addAll(
            List.of("--spec", spec.toString(), "--runs-dir", scratch.resolve("runs").toString()));
        local = null;
      }
      trainArgs.addAll(List.of("--threads", Integer.toString(job.threads())));
      if (!job.dataDir().isEmpty()) {
        trainArgs.addAll(List.of("--data-dir", job.dataDir()));
      }
      log = new TaskLog(store, ".logs/" + run.folder() + ".attempt-" + attempt + ".log", scratch);
      Process child = start(job, trainArgs, log.file());
      boolean fault = attempt == 0 && job.faultAfterCheckpoint().contains(run.id());
      StoreMirror mirror = new StoreMirror(store, target);
      try {
        // the fault hook polls faster: it must see the first checkpoint before a tiny run ends
        long poll = fault ? 10 : POLL_MS;
        while (!child.waitFor(poll, TimeUnit.MILLISECONDS)) {
          lease.check();
          if (local == null) {
            local = created(scratch.resolve("runs")).orElse(null);
          }
          if (local != null && mirror.hasNewCheckpoint(local)) {
            if (fault) {
              child.destroyForcibly().waitFor();
              while (!mirror.mirror(local, false)) {
                Thread.onSpinWait();
              }
              throw new IllegalStateException(
                  "fault injection: killed the training child of "
                      + run.id()
                      + " after its first checkpoint, mirrored it (attempt 0); the retry resumes");
            }
            mirror.mirror(local, false);
            log.publish();
          }
        }
      } finally {
        if (child.isAlive()) {
          child.destroyForcibly().waitFor();
        }
      }
      if (child.exitValue() != 0) {
        throw new IllegalStateException(
            "training "
                + run.id()
                + " ended with exit code "
                + child.exitValue()
                + " (attempt "
                + attempt
                + "); last lines of "
                + log.where()
                + ":\n"
                + tail(log.file()));
      }
      if (local == null) {
        local =
            created(scratch.resolve("runs"))
                .orElseThrow(() -> new IllegalStateException("the child wrote no run folder"));
      }
      lease.check();
      while (!mirror.mirror(local, true)) {
        Thread.onSpinWait();
      }
      return new TaskOutcome(
          run.id(),
          run.folder(),
          resume ? "resumed" : "trained",
          attempt,
          host,
          seconds(t0),
          mirror.mirrors());
    } catch (IOException e) {
      throw new UncheckedIOException(run.id() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(run.id() + ": task interrupted", e);
    } finally {
      if (log != null) {
        log.publish();
      }
      try {
        LocalRunStore.deleteTree(scratch);
      } catch (IOException ignored) {
        // the executor's temporary folder: left for the OS
      }
    }
  }

  /**
   * The attempt's log: written in the store's {@code .logs/} as it goes when the store is a local
   * folder, else on the executor's disk and copied to the store after each mirror and at the end.
   */
  private static final class TaskLog {
    private final RunStore store;
    private final String rel;
    private final Path file;
    private final boolean inStore;

    TaskLog(RunStore store, String rel, Path scratch) throws IOException {
      this.store = store;
      this.rel = rel;
      Optional<Path> direct = store.localPath(rel);
      this.inStore = direct.isPresent();
      this.file = direct.orElse(scratch.resolve("attempt.log"));
      Files.createDirectories(file.getParent());
      if (!inStore) {
        // an earlier command's attempt of the same number: appended to, as in a local store
        Optional<String> earlier = store.readString(rel);
        if (earlier.isPresent()) {
          Files.writeString(file, earlier.get(), StandardCharsets.UTF_8);
        }
      }
    }

    Path file() {
      return file;
    }

    String where() {
      return store.describe(rel);
    }

    /** Copies the log to the store (a Hadoop store; best effort: the log only informs). */
    void publish() {
      if (inStore || !Files.isRegularFile(file)) {
        return;
      }
      try {
        store.upload(file, rel);
      } catch (IOException | RuntimeException e) {
        System.err.println("cannot copy the task log to " + where() + ": " + e.getMessage());
      }
    }
  }

  /**
   * The training child: {@code java OPTIONS -Dtfjlab.parentPid=PID -cp CP
   * io.tfjlab.cluster.TrainingChild train ...} ({@code tfjlab train}, ending with this JVM).
   */
  private static Process start(ClusterJob job, List<String> trainArgs, Path log)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String o : job.childJavaOptions().trim().split("\\s+")) {
      if (!o.isEmpty()) {
        cmd.add(o);
      }
    }
    cmd.add("-D" + TrainingChild.PARENT_PID + "=" + ProcessHandle.current().pid());
    cmd.add("-cp");
    cmd.add(
        job.childClasspath().isEmpty()
            ? System.getProperty("java.class.path")
            : job.childClasspath());
    cmd.add(TrainingChild.class.getName());
    cmd.addAll(trainArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Files.writeString(
        log,
        "# "
            + String.join(" ", trainArgs)
            + " (task JVM "
            + ManagementFactory.getRuntimeMXBean().getName()
            + ")\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
    return pb.start();
  }

  /** The run folder a fresh child created under its runs folder. */
  private static Optional<Path> created(Path runs) {
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(RunLayout.MANIFEST))).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean finished(RunStore store, String run) throws UncheckedIOException {
    try {
      if (store.readString(RunStore.join(run, RunLayout.RESULTS)).isEmpty()) {
        return false;
      }
      Optional<String> manifest = store.readString(RunStore.join(run, RunLayout.MANIFEST));
      return manifest.isPresent()
          && "finished"
              .equals(
                  io.tfjlab.training.run.Json.MAPPER
                      .readTree(manifest.get())
                      .path("status")
                      .asText());
    } catch (IOException e) {
      return false;
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
