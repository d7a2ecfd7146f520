package io.tfjlab.training.run;

import io.tfjlab.training.TrainerState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.tensorflow.Session;

/**
 * Saves and restores named checkpoints ({@code best}, {@code last}) under a run's {@code
 * checkpoints/}: every variable of the graph (optimizer slots, batch-norm statistics and step
 * counters included) plus the {@link TrainerState}. A checkpoint is written in a temporary folder
 * and swapped in by renames, so a crash never leaves a half-written checkpoint in place of a good
 * one.
 */
public final class Checkpointer implements CheckpointStore {
  private static final String PREFIX = "model";
  private static final String STATE = "trainer-state.json";
  private final Path root;

  public Checkpointer(Path root) {
    this.root = root;
  }

  public Path directory(String name) {
    return root.resolve(name);
  }

  @Override
  public boolean exists(String name) {
    return resolve(name).isPresent();
  }

  /**
   * The folder holding checkpoint {@code name}: its own, or {@code .old-<name>} when a save was
   * interrupted between its two renames.
   */
  private Optional<Path> resolve(String name) {
    for (Path dir : new Path[] {root.resolve(name), root.resolve(".old-" + name)}) {
      if (Files.isRegularFile(dir.resolve(STATE))) {
        return Optional.of(dir);
      }
    }
    return Optional.empty();
  }

  @Override
  public void save(Session session, String name, TrainerState state) {
    Path tmp = null;
    try {
      Files.createDirectories(root);
      tmp = Files.createTempDirectory(root, ".tmp-" + name + "-");
      try {
        session.save(tmp.resolve(PREFIX).toString());
      } catch (RuntimeException e) { // TensorFlow's own error (a full disk, a read-only folder)
        throw new IOException(Json.firstLine(e.getMessage()), e);
      }
      Json.write(tmp.resolve(STATE), state);
      Path target = root.resolve(name);
      Path old = root.resolve(".old-" + name);
      if (!Files.exists(target) && Files.exists(old)) {
        Files.move(
            old, target, StandardCopyOption.ATOMIC_MOVE); // the good copy an interrupted save left
      }
      io.tfjlab.data.io.Folders.deleteRecursively(old);
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
      io.tfjlab.data.io.Folders.deleteRecursively(old);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write checkpoint "
              + name
              + " in "
              + root
              + " ("
              + Json.firstLine(e.getMessage())
              + "); the previous '"
              + name
              + "' checkpoint is kept",
          e);
    } finally {
      if (tmp != null) {
        io.tfjlab.data.io.Folders.deleteQuietly(tmp);
      }
    }
  }

  /** Restores variables from a checkpoint and returns its trainer state. */
  @Override
  public TrainerState restore(Session session, String name) {
    Path dir =
        resolve(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no '"
                            + name
                            + "' checkpoint in "
                            + root
                            + "; the run has not finished an epoch yet"));
    TrainerState state;
    try {
      state = Json.read(dir.resolve(STATE), TrainerState.class);
      session.restore(dir.resolve(PREFIX).toString());
    } catch (RuntimeException e) { // a truncated state, or TensorFlow's own error on model.*
      throw new IllegalArgumentException(
          "checkpoint '"
              + name
              + "' in "
              + root
              + " is corrupt or incomplete ("
              + Json.firstLine(e.getMessage())
              + "); use the other checkpoint (--checkpoint best|last) or train the run again",
          e);
    }
    return state;
  }

  public Optional<TrainerState> state(String name) {
    return resolve(name).map(dir -> Json.read(dir.resolve(STATE), TrainerState.class));
  }
}
