package io.tfjlab.cluster;

import io.tfjlab.cli.cluster.ClusterBackend;
import io.tfjlab.cli.cluster.ClusterJob;
import io.tfjlab.cli.cluster.RemoteStore;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Apache Spark backend of {@code --cluster}: one Spark task per run ({@link RunTask}), {@code
 * spark.task.cpus} = the runs' thread count, no speculative execution (two attempts of one run at
 * once would only race for its lease). The driver is this JVM; {@code local[N]} runs the executor
 * in it too, {@code spark://}, {@code yarn} and {@code k8s://} masters run tasks on their workers,
 * which must see the tfjlab classpath at the same paths, and the store: a folder they mount at the
 * same path, or a Hadoop file system ({@code hdfs://}, {@code s3a://}: {@link HadoopRunStore}, with
 * the driver's {@link HadoopConf} settings sent to every task).
 */
public final class SparkBackend implements ClusterBackend {
  /**
   * A failed job in one line (Spark's message holds the task's stack trace): the task's error,
   * where the attempts' output is, and that the same command resumes.
   */
  private static IllegalStateException failed(ClusterJob job, SparkException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    String why = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    String logs =
        RunStores.isHadoop(job.store())
            ? job.store().replaceAll("/+$", "") + "/.logs"
            : java.nio.file.Path.of(job.store()).resolve(".logs").toString();
    return new IllegalStateException(
        "the cluster job failed: "
            + why.lines().findFirst().orElse("")
            + " (each attempt's output is in "
            + logs
            + "; the same command again resumes every run from its last mirrored checkpoint)",
        e);
  }

  @Override
  public RemoteStore store(String uri, Map<String, String> conf) {
    if (!RunStores.isHadoop(uri)) {
      throw new IllegalArgumentException(
          "--store " + uri + " is a local folder, not a remote store");
    }
    return new HadoopRemoteStore(uri, RunStores.open(uri, HadoopConf.settings(conf)));
  }

  @Override
  public void run(ClusterJob job, PrintStream out) {
    // a store on a Hadoop file system: the tasks build the driver's Hadoop configuration
    Map<String, String> hadoop =
        RunStores.isHadoop(job.store()) ? HadoopConf.settings(job.sparkConf()) : Map.of();
    SparkConf conf =
        new SparkConf()
            .setMaster(job.master())
            .setAppName("tfjlab " + job.name())
            .set("spark.task.cpus", Integer.toString(job.threads()))
            .set("spark.speculation", "false")
            .set("spark.ui.enabled", "false")
            .set("spark.ui.showConsoleProgress", "false");
    if (job.master().startsWith("local")) {
      conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
    } else {
      // executors load RunTask from the same jars (the same machine, or a shared folder)
      conf.set("spark.executor.extraClassPath", System.getProperty("java.class.path"));
    }
    job.sparkConf().forEach(conf::set);
    long t0 = System.nanoTime();
    List<TaskOutcome> outcomes;
    try (JavaSparkContext sc = new JavaSparkContext(conf)) {
      sc.setLogLevel("WARN");
      out.printf(
          Locale.ROOT,
          "Spark %s: %d tasks on %s (spark.task.cpus=%d, %d s to start)%n",
          sc.version(),
          job.runs().size(),
          job.master(),
          job.threads(),
          Math.round((System.nanoTime() - t0) / 1e9));
      try {
        outcomes =
            sc.parallelize(job.runs(), job.runs().size())
                .map(r -> RunTask.run(job, hadoop, r))
                .collect();
      } catch (Exception e) { // Spark's SparkException, which the Java API does not declare
        if (e instanceof SparkException failure) {
          throw failed(job, failure);
        }
        throw e;
      }
    }
    for (TaskOutcome o : outcomes) {
      out.printf(
          Locale.ROOT,
          "  %-40s %-16s attempt %d on %s, %.1f s, %d mirrors → %s%n",
          o.id(),
          o.how(),
          o.attempt(),
          o.host(),
          o.seconds(),
          o.mirrors(),
          o.folder());
    }
    out.printf(
        Locale.ROOT,
        "Cluster job: %d runs in %.1f s (Spark context included)%n",
        outcomes.size(),
        (System.nanoTime() - t0) / 1e9);
  }
}
