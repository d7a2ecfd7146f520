package io.tfjlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.run.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code tfjlab sweep --cluster local[2,3] --store tfjtest:///...}: the store on a Hadoop file
 * system ({@link TfjTestFileSystem}, registered with {@code --conf spark.hadoop.fs.tfjtest.impl}),
 * so the tasks mirror, lease and resume through the Hadoop API, and the driver copies the finished
 * runs into {@code <runs-dir>/store-tfjtest-...} before the table. The store's URI path is {@code
 * /<temp folder name>/...}: used as a local path it would land outside the file system's root.
 * Tests run in order: the second and third reuse the first one's store.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HadoopStoreSweepTest {
  @TempDir static Path dir;

  static Path root() {
    return dir.resolve("hfs-root");
  }

  /** The store's URI path: a folder name that exists nowhere but under the root. */
  static String storePath(String name) {
    return "/" + dir.getFileName() + "-" + name;
  }

  /** Where the file system keeps the store {@code name} on the local disk. */
  static Path storeOnDisk(String name) {
    return root().resolve(storePath(name).substring(1));
  }

  static SparkSweepTest.Ran sweep(String master, Path grid, String name, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sweep",
                "--grid",
                grid.toString(),
                "--cluster",
                master,
                "--store",
                "tfjtest://" + storePath(name),
                "--conf",
                "spark.hadoop.fs.tfjtest.impl=" + TfjTestFileSystem.class.getName(),
                "--conf",
                "spark.hadoop.fs.tfjtest.root=" + root(),
                "--conf",
                "spark.hadoop.fs.tfjtest.impl.disable.cache=true",
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--reports-dir",
                dir.resolve("reports").toString(),
                "--name",
                name,
                "--task-java-options",
                "-Xmx512m"));
    args.addAll(Arrays.asList(more));
    return SparkSweepTest.tfjlab(args.toArray(String[]::new));
  }

  static Path grid(String name, String seeds) throws IOException {
    Path f = dir.resolve(name + ".json");
    Files.writeString(f, String.format(SparkSweepTest.GRID, seeds));
    return f;
  }

  /** The local copy of the store {@code name}'s finished runs. */
  static Path localCopy(String name) {
    return dir.resolve("runs").resolve("store-tfjtest-" + storePath(name).substring(1));
  }

  @Test
  @Order(1)
  void aGridOnAHadoopStoreGivesFinishedRunFoldersInTheStoreAndTheTable() throws IOException {
    long renames = TfjTestFileSystem.renames.get();
    long creates = TfjTestFileSystem.creates.get();
    SparkSweepTest.Ran r = sweep("local[2,3]", grid("two", "[1, 2]"), "hstore");
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("2 of 2 runs to train or resume (0 finished in the store tfjtest:")
        .contains("2 tasks on local[2,3]")
        .contains("Copied the finished runs from tfjtest:");
    Path store = storeOnDisk("hstore");
    List<Path> runs = SparkSweepTest.runFolders(store);
    assertThat(runs).hasSize(2);
    for (Path run : runs) {
      SparkSweepTest.assertFinished(run);
      assertThat(store.resolve(".leases").resolve(run.getFileName() + ".lease")).isRegularFile();
      assertThat(store.resolve(".logs").resolve(run.getFileName() + ".attempt-0.log"))
          .content()
          .contains("# train --spec");
      // the driver's copy, which the table and the report were made from
      Path copy = localCopy("hstore").resolve(run.getFileName().toString());
      assertThat(copy.resolve(RunLayout.RESULTS))
          .hasSameTextualContentAs(run.resolve("results.json"));
    }
    try (Stream<Path> s = Files.list(store)) {
      assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".tmp-")))
          .isEmpty();
    }
    // every write went through the Hadoop API: temporary names, then renames
    assertThat(TfjTestFileSystem.creates.get() - creates).isGreaterThan(20);
    assertThat(TfjTestFileSystem.renames.get() - renames).isGreaterThan(10);
    assertThat(Path.of(storePath("hstore"))).doesNotExist();
    for (String id : List.of("seed=1", "seed=2")) {
      assertThat(r.out()).containsPattern("(?m)^" + id + " +all +\\d+\\.\\d\\d% +41 ");
    }
    Path report = dir.resolve("reports").resolve("hstore");
    assertThat(report.resolve("comparison.json"))
        .content()
        .contains(localCopy("hstore").toString());
    assertThat(report.resolve("report.ipynb")).isRegularFile();
  }

  @Test
  @Order(2)
  void theSameCommandAgainTrainsNothingEvenWithoutTheLocalCopy() throws IOException {
    Path store = storeOnDisk("hstore");
    List<Path> before = SparkSweepTest.runFolders(store);
    List<String> results = new ArrayList<>();
    for (Path run : before) {
      results.add(Files.readString(run.resolve(RunLayout.RESULTS)));
    }
    LocalRunStore.deleteTree(localCopy("hstore"));
    SparkSweepTest.Ran r = sweep("local[2,3]", dir.resolve("two.json"), "hstore");
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("0 of 2 runs to train or resume (2 finished in the store tfjtest:")
        .doesNotContain("tasks on local");
    assertThat(r.out().lines().filter(l -> l.startsWith("reusing "))).hasSize(2);
    assertThat(SparkSweepTest.runFolders(localCopy("hstore"))).hasSize(2);
    assertThat(SparkSweepTest.runFolders(store)).isEqualTo(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(Files.readString(before.get(i).resolve(RunLayout.RESULTS)))
          .isEqualTo(results.get(i));
    }
    SparkSweepTest.Ran status = sweep("local[2,3]", dir.resolve("two.json"), "hstore", "--status");
    assertThat(status.code()).as(status.out()).isZero();
    assertThat(status.out())
        .containsPattern("seed=1 +finished  test acc \\d\\.\\d{4}")
        .contains("2 of 2 points finished");
  }

  @Test
  @Order(3)
  void aTaskKilledAfterItsFirstCheckpointResumesFromTheHadoopStoreAndEndsAsTheUninterruptedRun()
      throws IOException {
    SparkSweepTest.Ran r =
        sweep("local[2,3]", grid("one", "[1]"), "hfaulty", "--fault-after-checkpoint", "seed=1");
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("task seed=1, attempt 0 failed: fault injection")
        .containsPattern("seed=1 +resumed +attempt 1 ");
    Path store = storeOnDisk("hfaulty");
    Path resumed = SparkSweepTest.folderOfSeed(store, 1);
    JsonNode manifest = Json.MAPPER.readTree(resumed.resolve(RunLayout.MANIFEST).toFile());
    assertThat(manifest.path("resumes")).hasSize(1);
    assertThat(manifest.path("resumes").get(0).path("step").asLong()).isPositive();
    assertThat(manifest.path("resumes").get(0).path("epoch").asInt()).isBetween(1, 9);
    assertThat(store.resolve(".logs").resolve(resumed.getFileName() + ".attempt-0.log"))
        .isRegularFile();
    assertThat(store.resolve(".logs").resolve(resumed.getFileName() + ".attempt-1.log"))
        .content()
        .contains("# train --resume");
    assertSameAsUninterrupted(resumed);
  }

  @Test
  @Order(4)
  void aCommandStoppedAfterAMirroredCheckpointIsResumedByTheSameCommandAgain() throws IOException {
    // one attempt a task: the fault ends the job (as a killed driver would), a checkpoint mirrored
    Path grid = grid("again", "[1]");
    SparkSweepTest.Ran failed =
        sweep("local[2,1]", grid, "hagain", "--fault-after-checkpoint", "seed=1");
    assertThat(failed.code()).as(failed.out()).isNotZero();
    assertThat(failed.out())
        .containsPattern(
            "(?m)^error: the cluster job failed: fault injection: killed the training child of"
                + " seed=1 .* \\(each attempt's output is in tfjtest:///.*-hagain/\\.logs; the"
                + " same command again resumes every run from its last mirrored checkpoint\\)$")
        .doesNotContain("\tat ");
    Path store = storeOnDisk("hagain");
    Path partial = SparkSweepTest.folderOfSeed(store, 1);
    assertThat(partial.resolve(RunLayout.RESULTS)).doesNotExist();
    assertThat(partial.resolve(RunLayout.CHECKPOINTS).resolve(RunLayout.LAST)).isDirectory();
    SparkSweepTest.Ran status = sweep("local[2,1]", grid, "hagain", "--status");
    assertThat(status.out()).containsPattern("seed=1 +resumable \\(last checkpoint: phase 1");

    SparkSweepTest.Ran again = sweep("local[2,1]", grid, "hagain");
    assertThat(again.code()).as(again.out()).isZero();
    assertThat(again.out())
        .contains("1 of 1 runs to train or resume (0 finished in the store")
        .containsPattern("seed=1 +resumed +attempt 0 ");
    // the attempt 0 log of each command, the second appended to the first
    assertThat(store.resolve(".logs").resolve(partial.getFileName() + ".attempt-0.log"))
        .content()
        .contains("# train --spec")
        .contains("# train --resume");
    assertSameAsUninterrupted(SparkSweepTest.folderOfSeed(store, 1));
  }

  /**
   * Results and history (wall time aside) as the uninterrupted run of seed 1 in the first store.
   */
  private static void assertSameAsUninterrupted(Path resumed) throws IOException {
    Path uninterrupted = SparkSweepTest.folderOfSeed(storeOnDisk("hstore"), 1);
    JsonNode a = Json.MAPPER.readTree(resumed.resolve(RunLayout.RESULTS).toFile());
    JsonNode b = Json.MAPPER.readTree(uninterrupted.resolve(RunLayout.RESULTS).toFile());
    assertThat(a.path("testLoss").asDouble()).isEqualTo(b.path("testLoss").asDouble());
    assertThat(a.path("testMetric").asDouble()).isEqualTo(b.path("testMetric").asDouble());
    assertThat(a.path("bestEpoch").asInt()).isEqualTo(b.path("bestEpoch").asInt());
    assertThat(history(resumed)).isEqualTo(history(uninterrupted));
  }

  /** history.csv without its last column (seconds per epoch). */
  private static List<String> history(Path run) throws IOException {
    return Files.readAllLines(run.resolve(RunLayout.HISTORY)).stream()
        .map(l -> l.substring(0, l.lastIndexOf(',')))
        .collect(Collectors.toList());
  }
}
