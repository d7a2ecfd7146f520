package io.tfjlab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --store} URI that no Hadoop file system serves, or that cannot be reached, is refused in
 * one line (exit 2, no stack trace) before any Spark context starts or anything trains.
 */
class HadoopStoreRefusalTest {
  @TempDir Path dir;

  private SparkSweepTest.Ran sweep(String store, String... conf) throws IOException {
    Path grid = dir.resolve("g.json");
    Files.writeString(grid, String.format(SparkSweepTest.GRID, "[1]"));
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of(
                "sweep",
                "--grid",
                grid.toString(),
                "--cluster",
                "local[1]",
                "--store",
                store,
                "--runs-dir",
                dir.resolve("runs").toString(),
                "--reports-dir",
                dir.resolve("reports").toString()));
    for (String c : conf) {
      args.add("--conf");
      args.add(c);
    }
    return SparkSweepTest.tfjlab(args.toArray(String[]::new));
  }

  private static void assertOneLineRefusal(SparkSweepTest.Ran r, String expected) {
    assertThat(r.code()).as(r.out()).isEqualTo(2);
    String error = r.out().lines().filter(l -> l.startsWith("error: ")).findFirst().orElseThrow();
    assertThat(error).contains(expected).doesNotContain("Exception");
    assertThat(r.out()).doesNotContain("\tat ").doesNotContain("tasks on local");
  }

  @Test
  void aSchemeNoHadoopFileSystemServesIsRefusedInOneLine() throws IOException {
    SparkSweepTest.Ran r = sweep("nosuchfs://host/runs");
    assertOneLineRefusal(
        r, "--store nosuchfs://host/runs: no Hadoop file system for the scheme 'nosuchfs'");
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void anUnreachableHdfsIsRefusedInOneLine() throws IOException {
    // a closed port, and no retries (Hadoop's client retries 10 times a second by default)
    SparkSweepTest.Ran r =
        sweep(
            "hdfs://127.0.0.1:1/tfjlab",
            "spark.hadoop.ipc.client.connect.max.retries=0",
            "spark.hadoop.ipc.client.connect.max.retries.on.timeouts=0");
    assertOneLineRefusal(
        r, "--store hdfs://127.0.0.1:1/tfjlab: cannot reach the Hadoop file system (");
  }
}
