package io.tfjlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} without Spark: locally one run after another, {@code --cluster slurm} (a script,
 * nothing trained), and {@code --cluster MASTER} refused in one line when tf-cluster is not on the
 * classpath (the cli's own classpath never has it).
 */
class SweepCommandTest {
  @TempDir Path dir;

  private Path grid() throws IOException {
    Path f = dir.resolve("xor.json");
    Files.writeString(
        f,
        "{\"name\": \"xor\", \"base\": {\"model\": {\"type\": \"xor\"}, \"dataset\": \"toy-xor\","
            + " \"epochs\": 2, \"threads\": 1}, \"axes\": {\"/seed\": [1, 2]}}");
    return f;
  }

  private String[] sweep(String... more) throws IOException {
    String[] base = {
      "sweep",
      "--grid",
      grid().toString(),
      "--runs-dir",
      dir.resolve("runs").toString(),
      "--reports-dir",
      dir.resolve("reports").toString()
    };
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }

  @Test
  void withoutClusterThePointsTrainHereOneAfterAnotherThenAreReused() throws IOException {
    BadInputTest.Outcome o = BadInputTest.run(sweep());
    assertThat(o.exit()).as(o.err()).isZero();
    try (var s = Files.list(dir.resolve("runs"))) {
      assertThat(s.filter(p -> Files.isRegularFile(p.resolve("results.json")))).hasSize(2);
    }
    assertThat(dir.resolve("reports").resolve("xor").resolve("comparison.md"))
        .content()
        .contains("seed=1")
        .contains("seed=2");
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    java.io.PrintStream stdout = System.out;
    System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(BadInputTest.run(sweep("--status")).exit()).isZero();
    } finally {
      System.setOut(stdout);
    }
    assertThat(buf.toString(java.nio.charset.StandardCharsets.UTF_8))
        .containsPattern("seed=1 +finished  test acc \\d\\.\\d{4}")
        .contains("2 of 2 points finished");
    BadInputTest.Outcome again = BadInputTest.run(sweep());
    assertThat(again.exit()).as(again.err()).isZero();
    try (var s = Files.list(dir.resolve("runs"))) {
      assertThat(s).hasSize(2); // nothing new trained
    }
  }

  @Test
  void aSparkMasterWithoutTheClusterModuleIsRefusedInOneLine() throws IOException {
    String err =
        BadInputTest.refused("needs the tf-cluster module", sweep("--cluster", "local[2]"));
    assertThat(err).contains("run the command through ./tfjlab");
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  @Test
  void theCliClasspathHasNoSparkAndNoClusterBackend() {
    assertThat(io.tfjlab.cli.cluster.ClusterBackend.find()).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> Class.forName("org.apache.spark.SparkConf"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void aHadoopStoreWithoutASparkClusterIsRefusedInOneLineNamingTheFix() throws IOException {
    String err =
        BadInputTest.refused(
            "--store hdfs://namenode/runs: a hdfs: store is a Hadoop file system, which tfjlab"
                + " reaches only through Spark",
            sweep("--store", "hdfs://namenode/runs"));
    assertThat(err).contains("add --cluster local[N]").contains("or give a file:///PATH store");
    BadInputTest.refused(
        "--store s3a://bucket/runs: a s3a: store is a Hadoop file system",
        sweep("--status", "--store", "s3a://bucket/runs"));
    BadInputTest.refused(
        "--cluster slurm needs a folder every node mounts (file:///PATH or PATH)",
        sweep("--cluster", "slurm", "--store", "hdfs://namenode/runs"));
    BadInputTest.refused(
        "--store hdfs://name node/runs is not a URI",
        sweep("--cluster", "local[2]", "--store", "hdfs://name node/runs"));
    assertThat(dir.resolve("runs")).doesNotExist();
    assertThat(dir.resolve("reports")).doesNotExist();
  }

  @Test
  void aHadoopStoreWithASparkMasterNeedsTheClusterModule() throws IOException {
    // the cli decides only "file store or not" and leaves the Hadoop store to tf-cluster
    BadInputTest.refused(
        "needs the tf-cluster module",
        sweep("--cluster", "local[2]", "--store", "hdfs://namenode/runs"));
    assertThat(
            ClusterOptions.localCopy(
                Path.of("/w/runs"), java.net.URI.create("hdfs://nn:8020/a/b/")))
        .isEqualTo(Path.of("/w/runs/store-hdfs-nn-8020-a-b"));
  }

  @Test
  void slurmWritesAnArrayJobOverTheSameSpecsAndTrainsNothing() throws IOException {
    BadInputTest.Outcome o =
        BadInputTest.run(
            sweep("--cluster", "slurm", "--threads", "2", "--store", dir.resolve("st").toString()));
    assertThat(o.exit()).as(o.err()).isZero();
    Path job = dir.resolve("reports").resolve("xor").resolve("slurm");
    String script = Files.readString(job.resolve("tfjlab.sbatch"));
    assertThat(script)
        .contains("#SBATCH --array=0-1%4")
        .contains("#SBATCH --requeue")
        .contains("#SBATCH --cpus-per-task=2")
        .contains("ROWS=( 'seed=1' 'seed=2' )")
        .contains(" compare --plan " + job.resolve("plan.json").toAbsolutePath())
        .contains("--only \"$ROW\" --runs-dir " + dir.resolve("st").toAbsolutePath());
    String plan = Files.readString(job.resolve("plan.json"));
    assertThat(plan)
        .contains("\"id\" : \"seed=1\"")
        .contains("\"id\" : \"seed=2\"")
        .contains("\"threads\" : 2");
    assertThat(dir.resolve("st")).isDirectory(); // its .logs folder, for the array's output
    assertThat(dir.resolve("st").resolve(".logs")).isDirectory();
    try (var s = Files.list(dir.resolve("st"))) {
      assertThat(s.filter(p -> !p.getFileName().toString().startsWith("."))).isEmpty();
    }
  }
}
