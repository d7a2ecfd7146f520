package io.tfjlab.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
              + " --runs-dir), or with a Spark --cluster a Hadoop file system's folder"
              + " (hdfs://HOST/PATH, s3a://...). Tasks mirror their run folder there after each"
              + " checkpoint.")
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

  /**
   * The store's URI when it is not a local folder ({@code hdfs://}, {@code s3a://}, ...: a URI
   * whose scheme is not {@code file}), else empty. Refused in one line without a Spark {@code
   * --cluster} (only the tf-cluster module reaches a Hadoop file system) and with {@code --cluster
   * slurm}.
   */
  Optional<URI> remoteStore() {
    if (store == null || !(store.contains("://") || store.startsWith("file:"))) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(store);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "--store "
              + store
              + " is not a URI ("
              + e.getReason()
              + "); give file:///PATH, a path, or hdfs://HOST/PATH");
    }
    if (uri.getScheme() == null || "file".equalsIgnoreCase(uri.getScheme())) {
      return Optional.empty();
    }
    if (slurm()) {
      throw new IllegalArgumentException(
          "--store "
              + store
              + ": --cluster slurm needs a folder every node mounts (file:///PATH or PATH); a "
              + uri.getScheme()
              + ": store is a Hadoop file system, which only a Spark --cluster MASTER reaches");
    }
    if (!spark()) {
      throw new IllegalArgumentException(
          "--store "
              + store
              + ": a "
              + uri.getScheme()
              + ": store is a Hadoop file system, which tfjlab reaches only through Spark; add"
              + " --cluster local[N] (this machine) or --cluster MASTER, or give a file:///PATH"
              + " store");
    }
    return Optional.of(uri);
  }

  /**
   * The local folder of a remote store's finished run folders (copied there from the store): {@code
   * <runs-dir>/store-<scheme>-<host>-<path>}.
   */
  static Path localCopy(Path runsDir, URI store) {
    String name =
        (store.getScheme()
                + "-"
                + (store.getAuthority() == null ? "" : store.getAuthority())
                + "-"
                + (store.getPath() == null ? "" : store.getPath()))
            .replaceAll("[^A-Za-z0-9._]+", "-")
            .replaceAll("-+$", "");
    return runsDir.toAbsolutePath().normalize().resolve("store-" + name);
  }

  /**
   * The store as a local folder: {@code --store} (file: URI or path), else the runs folder; for a
   * remote store ({@link #remoteStore}) the local copy of its finished runs ({@link #localCopy}).
   */
  Path storeFolder(Path runsDir) {
    Optional<URI> remote = remoteStore();
    if (remote.isPresent()) {
      return localCopy(runsDir, remote.get());
    }
    if (store == null) {
      return runsDir.toAbsolutePath().normalize();
    }
    if (store.contains("://") || store.startsWith("file:")) {
      return Path.of(URI.create(store)).toAbsolutePath().normalize();
    }
    return Path.of(store).toAbsolutePath().normalize();
  }
}
