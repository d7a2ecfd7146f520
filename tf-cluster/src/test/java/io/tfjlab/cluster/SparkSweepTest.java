package io.tfjlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.cli.TfjlabCommand;
import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.run.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tfjlab sweep --cluster local[2,3]}: Spark in local mode inside the test JVM (2 task slots,
 * up to 3 attempts a task), each task training a tiny toy run (XOR, 10 epochs, one thread) in a
 * child JVM and mirroring it into the store. Tests run in order: the second and third reuse the
 * first one's store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkSweepTest {
  @TempDir static Path dir;

  static final String GRID =
      "{\"name\": \"xor-seeds\", \"base\": {\"model\": {\"type\": \"xor\"}, \"dataset\":"
          + " \"toy-xor\", \"epochs\": 10}, \"axes\": {\"/seed\": %s}}";

  /** What one in-process command printed (standard output and error) and returned. */
  record Ran(int code, String out) {}

  static Ran tfjlab(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
    int code;
    try {
      code = TfjlabCommand.run(args);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String text = buf.toString(StandardCharsets.UTF_8);
    out.println(text);
    return new Ran(code, text);
  }

  static Path grid(String name, String seeds) throws IOException {
    Path f = dir.resolve(name + ".json");
    Files.writeString(f, String.format(GRID, seeds));
    return f;
  }

  static Ran sweep(Path grid, Path store, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "sweep",
                "--grid",
                grid.toString(),
                "--cluster",
                "local[2,3]",
                "--store",
                store.toUri().toString(),
                "--reports-dir",
                dir.resolve("reports").toString(),
                "--name",
                store.getFileName().toString(),
                "--task-java-options",
                "-Xmx512m"));
    args.addAll(Arrays.asList(more));
    return tfjlab(args.toArray(String[]::new));
  }

  /** A run folder of the store that finished: results, a finished manifest, a last checkpoint. */
  static void assertFinished(Path run) throws IOException {
    assertThat(run.resolve(RunLayout.RESULTS)).isRegularFile();
    assertThat(
            Json.MAPPER.readTree(run.resolve(RunLayout.MANIFEST).toFile()).path("status").asText())
        .isEqualTo("finished");
    assertThat(run.resolve(RunLayout.CHECKPOINTS).resolve(RunLayout.LAST)).isDirectory();
  }

  static List<Path> runFolders(Path store) throws IOException {
    try (Stream<Path> s = Files.list(store)) {
      return s.filter(p -> Files.isRegularFile(p.resolve(RunLayout.MANIFEST))).sorted().toList();
    }
  }

  static Path folderOfSeed(Path store, int seed) throws IOException {
    for (Path run : runFolders(store)) {
      if (Json.MAPPER
              .readTree(run.resolve(RunLayout.MANIFEST).toFile())
              .path("spec")
              .path("seed")
              .asInt()
          == seed) {
        return run;
      }
    }
    throw new AssertionError("no run of seed " + seed + " in " + store);
  }

  @Test
  @Order(1)
  void aGridOfThreeRunsGivesThreeFinishedRunFoldersInTheStoreAndTheTable() throws IOException {
    Path store = dir.resolve("store");
    Ran r = sweep(grid("three", "[1, 2, 3]"), store);
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("3 of 3 runs to train or resume")
        .contains("3 tasks on local[2,3]");
    List<Path> runs = runFolders(store);
    assertThat(runs).hasSize(3);
    for (Path run : runs) {
      assertFinished(run);
    }
    // the table, as the local command prints it: one line per point
    for (String id : List.of("seed=1", "seed=2", "seed=3")) {
      assertThat(r.out()).containsPattern("(?m)^" + id + " +all +\\d+\\.\\d\\d% +41 ");
    }
    Path report = dir.resolve("reports").resolve("store");
    assertThat(report.resolve("comparison.json")).isRegularFile();
    assertThat(report.resolve("report.ipynb")).isRegularFile();
  }

  @Test
  @Order(2)
  void theSameCommandAgainTrainsNothing() throws IOException {
    Path store = dir.resolve("store");
    List<Path> before = runFolders(store);
    List<String> results = results(before);
    Ran r = sweep(dir.resolve("three.json"), store);
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("0 of 3 runs to train or resume (3 finished in the store")
        .doesNotContain("tasks on local");
    assertThat(r.out().lines().filter(l -> l.startsWith("reusing "))).hasSize(3);
    assertThat(runFolders(store)).isEqualTo(before);
    assertThat(results(before)).isEqualTo(results);
  }

  @Test
  @Order(3)
  void aTaskWhoseChildIsKilledAfterItsFirstCheckpointResumesAndEndsAsTheUninterruptedRun()
      throws IOException {
    Path store = dir.resolve("faulty");
    Ran r = sweep(grid("one", "[1]"), store, "--fault-after-checkpoint", "seed=1");
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("task seed=1, attempt 0 failed: fault injection")
        .containsPattern("seed=1 +resumed +attempt 1 ");
    Path resumed = folderOfSeed(store, 1);
    JsonNode manifest = Json.MAPPER.readTree(resumed.resolve(RunLayout.MANIFEST).toFile());
    assertThat(manifest.path("resumes")).hasSize(1);
    assertThat(manifest.path("resumes").get(0).path("step").asLong()).isPositive();
    assertThat(manifest.path("resumes").get(0).path("epoch").asInt()).isBetween(1, 9);
    assertThat(store.resolve(".logs").resolve(resumed.getFileName() + ".attempt-1.log"))
        .isRegularFile();

    Path uninterrupted = folderOfSeed(dir.resolve("store"), 1);
    JsonNode a = Json.MAPPER.readTree(resumed.resolve(RunLayout.RESULTS).toFile());
    JsonNode b = Json.MAPPER.readTree(uninterrupted.resolve(RunLayout.RESULTS).toFile());
    assertThat(a.path("testLoss").asDouble()).isEqualTo(b.path("testLoss").asDouble());
    assertThat(a.path("testMetric").asDouble()).isEqualTo(b.path("testMetric").asDouble());
    assertThat(a.path("bestEpoch").asInt()).isEqualTo(b.path("bestEpoch").asInt());
    assertThat(historyWithoutSeconds(resumed)).isEqualTo(historyWithoutSeconds(uninterrupted));
  }

  private static List<String> results(List<Path> runs) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    for (Path run : runs) {
      out.add(Files.readString(run.resolve(RunLayout.RESULTS)));
    }
    return out;
  }

  /** history.csv without its last column (seconds per epoch). */
  private static List<String> historyWithoutSeconds(Path run) throws IOException {
    return Files.readAllLines(run.resolve(RunLayout.HISTORY)).stream()
        .map(l -> l.substring(0, l.lastIndexOf(',')))
        .collect(Collectors.toList());
  }
}
