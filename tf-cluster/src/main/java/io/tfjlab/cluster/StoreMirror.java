package io.tfjlab.cluster;

import io.tfjlab.runs.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Copies a run folder that a child is training (on the executor's disk) into the store (a local
 * folder or a Hadoop file system, {@link RunStore}), so that a retried task resumes from the last
 * mirrored checkpoint. Every write is atomic: a checkpoint is copied to a temporary folder and
 * swapped in by two renames (as the trainer itself does: {@code .old-<name>} covers a stop between
 * them), every other file is copied to a temporary name and put in place of the old one; {@code
 * results.json} is written last and only once the child has finished, so a store folder with
 * results is a finished run and one without is resumable. Checkpoints are mirrored before the other
 * files: the history mirrored is never behind the checkpoint (a resume trims it back to the
 * checkpoint's epoch).
 */
final class StoreMirror {
  static final String TRAINER_STATE = "trainer-state.json";

  private final RunStore store;
  private final String folder;
  private final Map<String, String> mirroredStates = new HashMap<>();
  private final Map<String, String> uploaded = new HashMap<>();
  private int mirrors;

  /**
   * @param store the store
   * @param folder the run's folder in the store
   */
  StoreMirror(RunStore store, String folder) {
    this.store = store;
    this.folder = folder;
  }

  /** The trainer state of the local {@code last} checkpoint, if it has one. */
  static Optional<String> lastState(Path local) {
    return state(local.resolve(RunLayout.CHECKPOINTS).resolve(RunLayout.LAST));
  }

  /** The trainer state of the {@code last} checkpoint of a run folder in the store, if any. */
  static Optional<String> lastState(RunStore store, String folder) throws IOException {
    return store.readString(
        String.join("/", folder, RunLayout.CHECKPOINTS, RunLayout.LAST, TRAINER_STATE));
  }

  /**
   * True when the local run's {@code last} checkpoint (the one a resume starts from; the trainer
   * writes {@code best} before it in an epoch) is newer than the store's: the next {@link #mirror}
   * copies it.
   */
  boolean hasNewCheckpoint(Path local) {
    Optional<String> s = lastState(local);
    return s.isPresent() && !s.get().equals(mirroredStates.get(RunLayout.LAST));
  }

  /**
   * Mirrors the local run folder: new checkpoints, then changed files, then (when {@code finished})
   * {@code results.json}. Returns false when a file vanished under the copy (the child was
   * replacing it): the next call copies it.
   */
  boolean mirror(Path local, boolean finished) {
    String checkpoints = RunStore.join(folder, RunLayout.CHECKPOINTS);
    try {
      store.mkdirs(checkpoints);
      for (Path dir : checkpoints(local)) {
        String name = dir.getFileName().toString();
        Optional<String> s = state(dir);
        if (s.isPresent() && !s.get().equals(mirroredStates.get(name))) {
          if (!copyCheckpoint(dir, RunStore.join(checkpoints, name), s.get())) {
            return false; // the child swapped in a newer checkpoint during the copy
          }
          mirroredStates.put(name, s.get());
        }
      }
      for (Path file : files(local)) {
        Path rel = local.relativize(file);
        if (rel.startsWith(RunLayout.CHECKPOINTS) || rel.toString().equals(RunLayout.RESULTS)) {
          continue;
        }
        copyIfChanged(file, RunStore.join(folder, rel.toString().replace('\\', '/')));
      }
      if (finished) {
        copyIfChanged(local.resolve(RunLayout.RESULTS), RunStore.join(folder, RunLayout.RESULTS));
      }
      mirrors++;
      return true;
    } catch (NoSuchFileException vanished) {
      return false;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof NoSuchFileException) {
        return false;
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot mirror " + local + " to " + store.describe(folder) + ": " + e.getMessage(), e);
    }
  }

  int mirrors() {
    return mirrors;
  }

  /**
   * Copies a checkpoint folder next to its target, then swaps it in with two renames. The copy is
   * dropped (false) when the folder's trainer state is no longer {@code state} after it: the child
   * swapped in a newer checkpoint under the copy, whose files may then come from both.
   */
  private boolean copyCheckpoint(Path from, String target, String state) throws IOException {
    String parent = RunStore.parent(target);
    String name = RunStore.name(target);
    String tmp = RunStore.join(parent, ".tmp-" + name + "-" + UUID.randomUUID());
    try {
      store.uploadTree(from, tmp);
      if (!state(from).equals(Optional.of(state))) {
        return false;
      }
      String old = RunStore.join(parent, ".old-" + name);
      if (!store.exists(target) && store.exists(old)) {
        store.rename(old, target);
      }
      store.delete(old);
      if (store.exists(target)) {
        store.rename(target, old);
      }
      store.rename(tmp, target);
      store.delete(old);
      return true;
    } finally {
      store.delete(tmp);
    }
  }

  /**
   * A file copied to a temporary name beside the target and put in its place, if it changed since
   * this mirror copied it (or, the first time, if the store's copy has another size or time).
   */
  private void copyIfChanged(Path from, String to) throws IOException {
    BasicFileAttributes a = Files.readAttributes(from, BasicFileAttributes.class);
    String seen = a.size() + " " + a.lastModifiedTime().toMillis();
    if (seen.equals(uploaded.get(to))) {
      return;
    }
    Optional<long[]> b = store.sizeAndTime(to);
    if (b.isEmpty() || b.get()[0] != a.size() || b.get()[1] != a.lastModifiedTime().toMillis()) {
      store.upload(from, to);
    }
    uploaded.put(to, seen);
  }

  private static List<Path> checkpoints(Path local) {
    Path root = local.resolve(RunLayout.CHECKPOINTS);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(root)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      return List.of();
    }
  }

  /** Regular files of the run folder, temporary ones left out. */
  private static List<Path> files(Path local) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(local)) {
      s.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith(".tmp"))
          .forEach(out::add);
    }
    return out;
  }

  private static Optional<String> state(Path checkpoint) {
    try {
      return Optional.of(
          Files.readString(checkpoint.resolve(TRAINER_STATE), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
