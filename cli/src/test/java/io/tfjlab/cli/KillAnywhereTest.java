package io.tfjlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill at any moment: real {@code tfjlab train} child processes (the CLI's main, checkpoints best
 * and last at every epoch) are SIGKILLed at seeded random moments, at least {@value #KILLS} times
 * in all, so that kills land in JVM start-up, in steps and in checkpoint writes. After each kill
 * {@code evaluate --run} loads the best checkpoint (or says in one line that the run has not
 * finished an epoch yet), and {@code train --resume} continues the run, to be killed again. Every
 * run that reaches its end has the history (wall time aside), the test results and the predictions
 * of an uninterrupted run of the same spec.
 */
@Tag("integration")
class KillAnywhereTest {
  static final int KILLS = 50;
  static final int CHAINS = 2;
  static final long SEED = 16;
  static final String[] SPEC = {
    "--model",
    "xor",
    "--dataset",
    "toy-xor",
    "--epochs",
    "20",
    "--batch-size",
    "16",
    "--threads",
    "1"
  };

  @TempDir Path tmp;

  record Outcome(int exit, String out, String err) {}

  /** {@code tfjlab} in this JVM (evaluate, and the uninterrupted reference run). */
  static synchronized Outcome inProcess(String... args) {
    StringWriter err = new StringWriter();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    int exit;
    try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      var cl = TfjlabCommand.commandLine(args);
      cl.setErr(new PrintWriter(err, true));
      exit = cl.execute(args);
    } finally {
      System.setOut(saved);
    }
    return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString());
  }

  Process child(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp"));
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(TfjlabCommand.class.getName());
    cmd.add("train");
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return pb.start();
  }

  static String[] with(String[] base, String... more) {
    List<String> a = new ArrayList<>(List.of(base));
    a.addAll(List.of(more));
    return a.toArray(String[]::new);
  }

  static Optional<Path> onlyRun(Path runs) throws IOException {
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(runs)) {
      List<Path> all = s.filter(Files::isDirectory).toList();
      assertThat(all).as("one run folder per attempt").hasSizeLessThanOrEqualTo(1);
      return all.stream().findFirst();
    }
  }

  /** Whether checkpoint {@code name} is in place (or kept as .old-NAME by a save cut short). */
  static boolean checkpoint(Path run, String name) {
    return Files.isRegularFile(run.resolve("checkpoints/" + name + "/trainer-state.json"))
        || Files.isRegularFile(run.resolve("checkpoints/.old-" + name + "/trainer-state.json"));
  }

  static int rows(Path run) throws IOException {
    Path h = run.resolve("history.csv");
    return Files.isRegularFile(h) ? Math.max(0, Files.readAllLines(h).size() - 1) : 0;
  }

  /** Waits until the process has added a history row (or ended). */
  static void awaitNewEpoch(Path runs, int rowsBefore, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (p.isAlive() && System.nanoTime() < deadline) {
      Optional<Path> run = onlyRun(runs);
      if (run.isPresent() && rows(run.get()) > rowsBefore) {
        return;
      }
      Thread.sleep(10);
    }
  }

  /** History rows without the wall-time column. */
  static List<String> history(Path run) throws IOException {
    return Files.readAllLines(run.resolve("history.csv")).stream()
        .map(r -> r.substring(0, r.lastIndexOf(',')))
        .toList();
  }

  static String results(Path run) throws IOException {
    return Files.readString(run.resolve("results.json"))
        .replaceAll("\"trainSeconds\" : [0-9.Ee-]+", "")
        .replaceAll("\"run\" : \"[^\"]*\"", "");
  }

  /** What one chain of kills saw. */
  record Tally(int kills, int noEpochYet, int evaluated, int finishedRuns, int runs) {}

  @Test
  void sigkillAtRandomMomentsNeverCostsTheRun() throws Exception {
    Path refRuns = tmp.resolve("reference");
    Outcome ref =
        inProcess(with(with(new String[] {"train"}, SPEC), "--runs-dir", refRuns.toString()));
    assertThat(ref.exit()).as(ref.err()).isZero();
    Path reference = onlyRun(refRuns).orElseThrow();

    long t0 = System.nanoTime();
    // two chains at once (the machine's two cores): a child JVM's start-up is mostly one thread
    var pool = java.util.concurrent.Executors.newFixedThreadPool(CHAINS);
    List<java.util.concurrent.Future<Tally>> chains = new ArrayList<>();
    for (int c = 0; c < CHAINS; c++) {
      int chain = c;
      chains.add(pool.submit(() -> chain(chain, (KILLS + CHAINS - 1) / CHAINS, reference)));
    }
    int kills = 0;
    int noEpochYet = 0;
    int evaluated = 0;
    int finishedRuns = 0;
    int runsStarted = 0;
    try {
      for (var f : chains) {
        Tally t = f.get(600, TimeUnit.SECONDS);
        kills += t.kills();
        noEpochYet += t.noEpochYet();
        evaluated += t.evaluated();
        finishedRuns += t.finishedRuns();
        runsStarted += t.runs();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        java.util.Locale.ROOT,
        "kill test: %d SIGKILLs (seed %d, %d chains) over %d runs, %d of them before a run had a"
            + " checkpoint to resume from; %d evaluate checks; %d runs resumed to their end, each"
            + " with the history and results of the uninterrupted run; %.0f s%n",
        kills,
        SEED,
        CHAINS,
        runsStarted,
        noEpochYet,
        evaluated,
        finishedRuns,
        seconds);
    assertThat(kills).isGreaterThanOrEqualTo(KILLS);
    assertThat(finishedRuns).as("runs resumed to their end").isGreaterThanOrEqualTo(CHAINS);
  }

  /**
   * Kills, checks and resumes runs in {@code tmp/chain-N/} until {@code target} kills are done and
   * the run under way has been resumed to its end.
   */
  Tally chain(int chain, int target, Path reference) throws Exception {
    SplittableRandom rng = new SplittableRandom(SEED + chain);
    int kills = 0;
    int noEpochYet = 0;
    int finishedRuns = 0;
    int attempt = 0;
    int evaluated = 0;
    Files.createDirectories(tmp.resolve("chain-" + chain));
    while (kills < target) {
      Path runs = tmp.resolve("chain-" + chain).resolve("runs-" + attempt);
      Optional<Path> run = Optional.empty();
      int killsThisRun = 0;
      while (true) {
        Path log = tmp.resolve("chain-" + chain).resolve(attempt + "-" + killsThisRun + ".log");
        Process p =
            run.isEmpty()
                ? child(log, with(SPEC, "--runs-dir", runs.toString()))
                : child(log, "--resume", run.get().toString());
        // one kill in ten anywhere in the first 2 s (JVM start, data, graph, first epoch); the
        // others once this process has finished an epoch of its own, 0-300 ms later: inside a
        // step or one of the two checkpoint writes of every epoch (most of an epoch's time);
        // once the chain has its kills, the run is resumed to its end
        boolean last = kills >= target;
        boolean early = rng.nextInt(10) == 0;
        int rowsBefore = run.isPresent() ? rows(run.get()) : 0;
        if (!early && !last) {
          awaitNewEpoch(runs, rowsBefore, p);
        }
        long delay = last ? 300_000 : early ? rng.nextInt(2000) : rng.nextInt(300);
        boolean ended = p.waitFor(delay, TimeUnit.MILLISECONDS);
        if (!ended) {
          p.destroyForcibly(); // SIGKILL
          assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
          kills++;
          killsThisRun++;
        } else {
          String out = Files.readString(log);
          assertThat(p.exitValue()).as(out).isZero();
          assertThat(out).contains("Test (best checkpoint").doesNotContain("Exception", "\tat ");
        }
        run = onlyRun(runs);
        if (run.isEmpty() || !Files.isRegularFile(run.get().resolve("manifest.json"))) {
          // killed before the run folder had its manifest: nothing to keep, start again
          run.ifPresent(r -> io.tfjlab.data.io.Folders.deleteQuietly(r));
          run = Optional.empty();
          noEpochYet++;
          if (ended) {
            throw new AssertionError("a finished run left no run folder");
          }
          continue;
        }
        Outcome ev = inProcess("evaluate", "--run", run.get().toString());
        evaluated++;
        boolean hasBest = checkpoint(run.get(), "best");
        boolean hasLast = checkpoint(run.get(), "last");
        if (hasBest) {
          assertThat(ev.exit()).as(ev.err() + ev.out()).isZero();
          assertThat(ev.out()).containsPattern("\\(best checkpoint, epoch \\d+\\): test loss");
        } else {
          // killed before the first epoch's checkpoints: evaluate says so in one line
          assertThat(ev.exit()).as(ev.err()).isEqualTo(2);
          assertThat(ev.err().strip().lines()).hasSize(1);
          assertThat(ev.err())
              .contains(hasLast ? "has no 'best' checkpoint" : "has not finished an epoch yet");
        }
        if (!hasLast) {
          // nothing to resume from (--resume says so): start the run again
          io.tfjlab.data.io.Folders.deleteRecursively(run.get());
          run = Optional.empty();
          noEpochYet++;
          continue;
        }
        // killed after the run had finished (results.json, then the manifest's status, are its
        // last writes) but before the JVM exited: a finished run, as --resume would say
        boolean finished =
            Files.readString(run.get().resolve("manifest.json"))
                .contains("\"status\" : \"finished\"");
        if (finished) {
          assertThat(run.get().resolve("results.json")).isRegularFile();
        }
        if (ended || finished) {
          assertThat(history(run.get())).isEqualTo(history(reference));
          assertThat(results(run.get())).isEqualTo(results(reference));
          finishedRuns++;
          break;
        }
      }
      attempt++;
    }
    return new Tally(kills, noEpochYet, evaluated, finishedRuns, attempt);
  }
}
