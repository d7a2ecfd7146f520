package io.tfjlab.cli.cluster;

import java.io.PrintStream;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Runs the runs of a {@link ClusterJob} on a cluster until each is finished in the job's store. The
 * cli holds only this interface: the Apache Spark implementation lives in the {@code tf-cluster}
 * module, found through {@link ServiceLoader} only when that module is on the classpath ({@code
 * ./tfjlab} puts it there when a command is given {@code --cluster}), so {@code ./tfjlab train} and
 * every other command never load Spark.
 */
public interface ClusterBackend {
  /**
   * Trains, or resumes from its last mirrored checkpoint, every run of the job that is not finished
   * in the store; returns once every run is finished there, or throws naming the run that failed.
   */
  void run(ClusterJob job, PrintStream out);

  /**
   * The store at {@code uri}, a URI whose scheme is not {@code file} (a Hadoop file system the
   * cluster reaches), opened with the cluster settings {@code conf} ({@code --conf}; {@code
   * spark.hadoop.KEY} settings are Hadoop's {@code KEY}); throws a one-line {@link
   * IllegalArgumentException} when no file system serves the scheme or the store cannot be reached.
   */
  RemoteStore store(String uri, java.util.Map<String, String> conf);

  /** The backend on the classpath, if the tf-cluster module is there. */
  static Optional<ClusterBackend> find() {
    return ServiceLoader.load(ClusterBackend.class).findFirst();
  }

  /** The backend, or a one-line error saying how to put tf-cluster on the classpath. */
  static ClusterBackend require(String master) {
    return find()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "--cluster "
                        + master
                        + " needs the tf-cluster module (Apache Spark) on the classpath: run the"
                        + " command through ./tfjlab, which builds and adds it when --cluster is"
                        + " given, or java -cp"
                        + " tf-cluster/target/tfjlab-cluster.jar:$(cat tf-cluster/target/classpath.txt)"
                        + " io.tfjlab.cli.TfjlabCommand ..."));
  }
}
