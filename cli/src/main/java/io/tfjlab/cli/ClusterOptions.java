package io.tfjlab.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the runs of a comparison or sweep train: on this machine one after another (no {@code
 * --cluster}), as Apache Spark tasks ({@code --cluster MASTER}), or as a SLURM array job ({@code
 * --cluster slurm}: a script is written, nothing trains).
 */
final class ClusterOptions {
  @Option(
      names = "--cluster",
      paramLabel = "MASTER",
      description =
          "Train each run as an Apache Spark task: local[N] (N slots on this machine; local[N,F]: up"
              + " to F attempts a task), spark://HOST:7077, yarn, k8s://...; or slurm: write a SLURM"
              + " array-job script over the same specs. Default: one run after another here.")
  String master;

  @Option(
      names = "--store",
      paramLabel = "URI",
      description =
          "The run folders' store, a folder every worker reaches (file:///PATH or PATH; default:"
              + " --runs-dir). Tasks mirror their run folder there after each checkpoint.")
  String store;

  @Option(
      names = "--threads",
      paramLabel = "K",
      defaultValue = "1",
      description =
          "With --cluster: TensorFlow threads of each run, and the cores each task claims"
              + " (spark.task.cpus; default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--conf",
      paramLabel = "KEY=VALUE",
      description = "With --cluster: a Spark setting (repeatable), e.g. spark.executor.memory=8g.")
  Map<String, String> conf = new java.util.LinkedHashMap<>();

  @Option(
      names = "--task-java-options",
      paramLabel = "OPTIONS",
      defaultValue = "-Xmx4g",
      description =
          "With --cluster: JVM options of each training child (default: ${DEFAULT-VALUE}).")
  String taskJavaOptions;

  @Option(
      names = "--slurm-parallel",
      paramLabel = "P",
      defaultValue = "4",
      description =
          "With --cluster slurm: array tasks running at once (%%P; default: ${DEFAULT-VALUE}).")
  int slurmParallel;

  /** Test hook: rows whose first task attempt is killed after its first checkpoint. */
  @Option(names = "--fault-after-checkpoint", hidden = true, split = ",")
  List<String> faultAfterCheckpoint = new java.util.ArrayList<>();

  /** True when the runs go to Spark. */
  boolean spark() {
    return master != null && !slurm();
  }

  boolean slurm() {
    return "slurm".equals(master);
  }

  /** The store as a local folder: {@code --store} (file: URI or path), else the runs folder. */
  Path storeFolder(Path runsDir) {
    if (store == null) {
      return runsDir.toAbsolutePath().normalize();
    }
    if (store.contains("://") || store.startsWith("file:")) {
      URI uri = URI.create(store);
      if (!"file".equals(uri.getScheme())) {
        throw new IllegalArgumentException(
            "--store "
                + store
                + ": only file: stores are supported (a folder every worker mounts at the same"
                + " path, e.g. file:///shared/tfjlab-runs); "
                + uri.getScheme()
                + ": is not");
      }
      return Path.of(uri).toAbsolutePath().normalize();
    }
    return Path.of(store).toAbsolutePath().normalize();
  }
}
