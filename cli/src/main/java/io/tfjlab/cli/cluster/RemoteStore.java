package io.tfjlab.cli.cluster;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A store that is not a local folder (a Hadoop file system: {@code hdfs://}, {@code s3a://}, ...),
 * seen from the driver through its cluster backend ({@link ClusterBackend#store}): the cli holds no
 * Hadoop class. The driver copies the run folders finished there into a local folder, over which
 * the table, the report folder and the notebook are made as with a file store.
 */
public interface RemoteStore {
  /** The store's URI. */
  String uri();

  /**
   * Whether the run folder {@code folder} is finished in the store ({@code results.json} and a
   * {@code finished} manifest); if so, it is copied to {@code local/folder} unless a finished copy
   * is already there (the copy is made under a temporary name, then renamed into place).
   */
  boolean fetchFinished(String folder, Path local);

  /**
   * The trainer state ({@code trainer-state.json}) of the {@code last} checkpoint of a run folder
   * in the store, if it has one.
   */
  Optional<String> lastCheckpointState(String folder);
}
