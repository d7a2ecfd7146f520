package io.tfjlab.cluster;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** Opens the store a {@link io.tfjlab.cli.cluster.ClusterJob} names. */
final class RunStores {
  private RunStores() {}

  /**
   * True when {@code store} is a URI whose scheme is not {@code file} (a Hadoop file system), false
   * for a path or a {@code file:} URI.
   */
  static boolean isHadoop(String store) {
    int colon = store.indexOf(':');
    if (colon < 2 || !store.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      return false; // a path (also C:\... on Windows)
    }
    return !store.substring(0, colon).equalsIgnoreCase("file");
  }

  /**
   * A local folder (a path or {@code file:} URI), or a Hadoop file system's folder with the
   * settings of {@link HadoopConf#settings}.
   */
  static RunStore open(String store, Map<String, String> hadoopSettings) {
    if (isHadoop(store)) {
      return HadoopRunStore.open(URI.create(store), HadoopConf.of(hadoopSettings));
    }
    Path root = store.startsWith("file:") ? Path.of(URI.create(store)) : Path.of(store);
    return new LocalRunStore(root);
  }
}
