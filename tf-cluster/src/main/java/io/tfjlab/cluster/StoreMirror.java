package io.tfjlab.cluster;

import io.tfjlab.runs.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Copies a run folder that a child is training (on the executor's disk) into the store, so that a
 * retried task resumes from the last mirrored checkpoint. Every write is atomic: a checkpoint is
 * copied to a temporary folder and swapped in by two renames (as the trainer itself does: {@code
 * .old-<name>} covers a stop between them), every other file is copied to a temporary name and
 * renamed over the old one; {@code results.json} is written last and only once the child has
 * finished, so a store folder with results is a finished run and one without is resumable.
 * Checkpoints are mirrored before the other files: the history mirrored is never behind the
 * checkpoint (a resume trims it back to the checkpoint's epoch).
 */
final class StoreMirror {
  private static final String TRAINER_STATE = "trainer-state.json";

  private final Path store;
  private final Map<String, String> mirroredStates = new HashMap<>();
  private int mirrors;

  /**
   * @param store the run's folder in the store
   */
  StoreMirror(Path store) {
    this.store = store;
  }

  /** The trainer state of the local {@code last} checkpoint, if it has one. */
  static Optional<String> lastState(Path local) {
    return state(local.resolve(RunLayout.CHECKPOINTS).resolve(RunLayout.LAST));
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
    try {
      Files.createDirectories(store.resolve(RunLayout.CHECKPOINTS));
      for (Path dir : checkpoints(local)) {
        String name = dir.getFileName().toString();
        Optional<String> s = state(dir);
        if (s.isPresent() && !s.get().equals(mirroredStates.get(name))) {
          copyCheckpoint(dir, store.resolve(RunLayout.CHECKPOINTS).resolve(name));
          mirroredStates.put(name, s.get());
        }
      }
      for (Path file : files(local)) {
        Path rel = local.relativize(file);
        if (rel.startsWith(RunLayout.CHECKPOINTS) || rel.toString().equals(RunLayout.RESULTS)) {
          continue;
        }
        copyIfChanged(file, store.resolve(rel.toString()));
      }
      if (finished) {
        copyIfChanged(local.resolve(RunLayout.RESULTS), store.resolve(RunLayout.RESULTS));
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
          "cannot mirror " + local + " to " + store + ": " + e.getMessage(), e);
    }
  }

  int mirrors() {
    return mirrors;
  }

  /** Copies a checkpoint folder next to its target, then swaps it in with two renames. */
  private static void copyCheckpoint(Path from, Path target) throws IOException {
    Path parent = target.getParent();
    String name = target.getFileName().toString();
    Path tmp = parent.resolve(".tmp-" + name + "-" + UUID.randomUUID());
    try {
      copyTree(from, tmp);
      Path old = parent.resolve(".old-" + name);
      if (!Files.exists(target) && Files.exists(old)) {
        Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      }
      deleteTree(old);
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      deleteTree(old);
    } finally {
      deleteTree(tmp);
    }
  }

  /** A file copied to a temporary name beside the target and renamed over it, if it changed. */
  private static void copyIfChanged(Path from, Path to) throws IOException {
    BasicFileAttributes a = Files.readAttributes(from, BasicFileAttributes.class);
    if (Files.isRegularFile(to)) {
      BasicFileAttributes b = Files.readAttributes(to, BasicFileAttributes.class);
      if (a.size() == b.size() && a.lastModifiedTime().equals(b.lastModifiedTime())) {
        return;
      }
    }
    Files.createDirectories(to.getParent());
    Path tmp = to.resolveSibling(".tmp-" + to.getFileName() + "-" + UUID.randomUUID());
    try {
      Files.copy(from, tmp, StandardCopyOption.COPY_ATTRIBUTES);
      Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Copies a store folder to the executor's disk (a retried task resumes the copy). */
  static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(from) && dir.getFileName().toString().startsWith(".tmp-")) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (!file.getFileName().toString().startsWith(".tmp-")) {
              Files.copy(
                  file,
                  to.resolve(from.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES,
                  StandardCopyOption.REPLACE_EXISTING);
            }
            return FileVisitResult.CONTINUE;
          }
        });
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
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
