package io.tfjlab.cli.cluster;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What a cluster backend runs: one task per run, each training its resolved spec in a child JVM
 * ({@code tfjlab train --spec ... --threads K}) and mirroring its run folder into the store.
 *
 * @param name the sweep's or comparison's name (the cluster application's name)
 * @param master where to run: {@code local[N]}, {@code local[N,F]}, {@code spark://host:7077},
 *     {@code yarn}, {@code k8s://...}
 * @param store the folder every task writes its run folder into: an absolute path (on a real
 *     cluster a folder every worker mounts at the same path), or the URI of a folder on a Hadoop
 *     file system the cluster reaches ({@code hdfs://...}, {@code s3a://...})
 * @param threads TensorFlow threads of each run, and the cores a task claims ({@code
 *     spark.task.cpus})
 * @param runs the runs not yet finished in the store, in plan order
 * @param childJavaOptions JVM options of each training child (e.g. {@code -Xmx4g}), split on spaces
 * @param childClasspath the training child's classpath; empty: the executor's own {@code
 *     java.class.path} (the same machine or a shared folder with the same paths)
 * @param dataDir the data set cache root the children use; empty: their default
 * @param sparkConf extra settings for the cluster ({@code --conf key=value})
 * @param faultAfterCheckpoint test hook: run ids whose first task attempt kills its child once its
 *     first checkpoint is mirrored, and fails (the retry must resume); empty in normal use
 */
public record ClusterJob(
    String name,
    String master,
    String store,
    int threads,
    List<ClusterRun> runs,
    String childJavaOptions,
    String childClasspath,
    String dataDir,
    Map<String, String> sparkConf,
    List<String> faultAfterCheckpoint)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  public ClusterJob {
    runs = List.copyOf(runs);
    sparkConf = Map.copyOf(sparkConf);
    faultAfterCheckpoint = List.copyOf(faultAfterCheckpoint);
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
    }
  }

  /**
   * One run of the job.
   *
   * @param id the row id (a plan row with label seed, or a sweep point)
   * @param folder the run folder's name in the store (stable for a spec and code: a retried task,
   *     and the same command run again, find it there)
   * @param spec the resolved spec as a spec file (JSON; unset values that mean something are
   *     explicit nulls, as in a manifest)
   */
  public record ClusterRun(String id, String folder, String spec) implements Serializable {
    private static final long serialVersionUID = 1L;
  }
}
