package io.tfjlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tfjlab train} in a real child JVM (the CLI's main on this module's test classpath) gets
 * SIGTERM or SIGINT mid-run: the step under way finishes, the checkpoint and history of the last
 * finished epoch are in place, one line says how to resume, the exit code is 143 or 130, no stack
 * trace is printed, and {@code --resume} then finishes the run.
 */
class SignalStopTest {
  @TempDir Path tmp;

  Process train(Path runs, Path log, String... more) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx1g");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(TfjlabCommand.class.getName());
    cmd.add("train");
    cmd.addAll(List.of(more));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    return pb.start();
  }

  Process xor(Path runs, Path log) throws IOException {
    return train(
        runs,
        log,
        "--model",
        "xor",
        "--dataset",
        "toy-xor",
        "--epochs",
        "30",
        "--batch-size",
        "16",
        "--threads",
        "1",
        "--runs-dir",
        runs.toString());
  }

  /** Waits until the run has written its {@code last} checkpoint, and returns the run folder. */
  static Path awaitFirstCheckpoint(Path runs, Process p) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && p.isAlive()) {
      if (Files.isDirectory(runs)) {
        try (Stream<Path> s = Files.list(runs)) {
          for (Path run : s.toList()) {
            if (Files.isRegularFile(run.resolve("checkpoints/last/trainer-state.json"))) {
              return run;
            }
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no checkpoint within 120 s; alive " + p.isAlive());
  }

  void signalledRunStopsCleanly(String signal, int expectedExit, boolean resume) throws Exception {
    Path runs = tmp.resolve("runs-" + signal);
    Path log = tmp.resolve(signal + ".log");
    Process p = xor(runs, log);
    Path run = awaitFirstCheckpoint(runs, p);
    Thread.sleep(300); // into a later epoch
    assertThat(p.isAlive()).as("still training when signalled").isTrue();
    new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    System.out.println(signal + " -> exit " + p.exitValue() + "; " + lastLine(out));
    assertThat(p.exitValue()).isEqualTo(expectedExit);
    assertThat(out)
        .containsPattern(
            "Stopped at phase classifier, epoch \\d+ after \\d+ batches \\(step \\d+\\);"
                + " checkpoint 'last' holds phase 1, epoch \\d+( after \\d+ batches)?\\. Resume with:"
                + " \\./tfjlab train"
                + " --resume "
                + java.util.regex.Pattern.quote(run.toString()))
        .doesNotContain("Exception", "\tat ");
    String state = Files.readString(run.resolve("checkpoints/last/trainer-state.json"));
    int epoch = Integer.parseInt(state.replaceAll("(?s).*\"epoch\" : (\\d+).*", "$1"));
    // epochs finished = history rows; a stop inside an epoch also saves its position there
    assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(epoch + 1);
    System.out.println(
        signal
            + ": last checkpoint "
            + (state.contains("\"position\"")
                ? "inside epoch "
                    + (epoch + 1)
                    + ", "
                    + state.replaceAll("(?s).*\"batches\" : (\\d+).*", "$1")
                    + " batches done"
                : "at the end of epoch " + epoch));
    assertThat(run.resolve("results.json")).doesNotExist();
    if (resume) {
      Path resumeLog = tmp.resolve(signal + "-resume.log");
      Process r = train(runs, resumeLog, "--resume", run.toString(), "--threads", "1");
      assertThat(r.waitFor(180, TimeUnit.SECONDS)).isTrue();
      String resumed = Files.readString(resumeLog);
      assertThat(r.exitValue()).as(resumed).isZero();
      assertThat(resumed).contains("Resuming", "Test (best checkpoint");
      assertThat(Files.readAllLines(run.resolve("history.csv"))).hasSize(31);
      assertThat(run.resolve("results.json")).isRegularFile();
      // the same numbers as an uninterrupted run of the same command
      Path ref = tmp.resolve("reference");
      String[] args = {
        "train",
        "--model",
        "xor",
        "--dataset",
        "toy-xor",
        "--epochs",
        "30",
        "--batch-size",
        "16",
        "--threads",
        "1",
        "--runs-dir",
        ref.toString()
      };
      assertThat(TfjlabCommand.commandLine(args).execute(args)).isZero();
      Path refRun;
      try (Stream<Path> s = Files.list(ref)) {
        refRun = s.findFirst().orElseThrow();
      }
      assertThat(withoutWallTime(run.resolve("history.csv")))
          .isEqualTo(withoutWallTime(refRun.resolve("history.csv")));
      assertThat(withoutSeconds(run.resolve("results.json")))
          .isEqualTo(withoutSeconds(refRun.resolve("results.json")));
      System.out.println(
          signal
              + ": resumed run = uninterrupted run: "
              + withoutSeconds(run.resolve("results.json")));
    }
  }

  static java.util.List<String> withoutWallTime(Path history) throws IOException {
    return Files.readAllLines(history).stream()
        .map(l -> String.join(",", java.util.List.of(l.split(",")).subList(0, 7)))
        .toList();
  }

  static java.util.List<String> withoutSeconds(Path results) throws IOException {
    return Files.readAllLines(results).stream()
        .filter(l -> !l.contains("Seconds"))
        .map(String::strip)
        .toList();
  }

  static String lastLine(String s) {
    return s.strip().lines().reduce((a, b) -> b).orElse("");
  }

  @Test
  void sigtermFinishesTheStepSaysHowToResumeAndExits143() throws Exception {
    signalledRunStopsCleanly("TERM", 143, true);
  }

  @Test
  void sigintExits130() throws Exception {
    // a background job of a non-interactive shell (nohup cmd &) starts with SIGINT ignored, and so
    // do its children: the JVM then installs no handler and Ctrl-C cannot reach the run
    org.junit.jupiter.api.Assumptions.assumeFalse(
        sigintIgnored(),
        "SIGINT is ignored in this process tree (a background job); TERM is tested");
    signalledRunStopsCleanly("INT", 130, false);
  }

  /**
   * Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), as children will.
   */
  static boolean sigintIgnored() throws java.io.IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return false;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("SigIgn:")) {
        return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2L) != 0;
      }
    }
    return false;
  }
}
