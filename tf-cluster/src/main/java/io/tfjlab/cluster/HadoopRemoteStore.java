package io.tfjlab.cluster;

import io.tfjlab.cli.cluster.RemoteStore;
import io.tfjlab.runs.RunLayout;
import io.tfjlab.training.run.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * The driver's view of a store on a Hadoop file system ({@link RemoteStore}): finished run folders
 * copied to a local folder, the last checkpoint of the others read.
 */
final class HadoopRemoteStore implements RemoteStore {
  private final String uri;
  private final RunStore store;

  HadoopRemoteStore(String uri, RunStore store) {
    this.uri = uri;
    this.store = store;
  }

  @Override
  public String uri() {
    return uri;
  }

  @Override
  public boolean fetchFinished(String folder, Path local) {
    try {
      if (!finished(store.readString(RunStore.join(folder, RunLayout.MANIFEST)))
          || store.readString(RunStore.join(folder, RunLayout.RESULTS)).isEmpty()) {
        return false;
      }
      Path target = local.resolve(folder);
      if (Files.isRegularFile(target.resolve(RunLayout.RESULTS))
          && finished(readLocal(target.resolve(RunLayout.MANIFEST)))) {
        return true;
      }
      Files.createDirectories(local);
      Path tmp = local.resolve(".tmp-" + folder + "-" + UUID.randomUUID());
      try {
        store.downloadTree(folder, tmp);
        LocalRunStore.deleteTree(target); // a partial copy
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        LocalRunStore.deleteTree(tmp);
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot copy " + store.describe(folder) + " to " + local + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<String> lastCheckpointState(String folder) {
    try {
      return StoreMirror.lastState(store, folder);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + store.describe(folder) + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> readLocal(Path file) throws IOException {
    return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
  }

  private static boolean finished(Optional<String> manifest) throws IOException {
    return manifest.isPresent()
        && "finished".equals(Json.MAPPER.readTree(manifest.get()).path("status").asText());
  }
}
