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
 * Saves and restores named checkpoints ({@code best}, {@code last}) under a run's
 * {@code checkpoints/}: every variable of the graph (optimizer slots, batch-norm statistics and
 * step counters included) plus the {@link TrainerState}. A checkpoint is written in a temporary
 * folder and swapped in by renames, so a crash never leaves a half-written checkpoint in place of a
 * good one.
 */
public final class Checkpointer {
  private static final String PREFIX = "model";
  private static final String STATE = "trainer-state.json";
  private final Path root;

  public Checkpointer(Path root) {
    this.root = root;
  }

  public Path directory(String name) {
    return root.resolve(name);
  }

  public boolean exists(String name) {
    return Files.isRegularFile(root.resolve(name).resolve(STATE))
        || Files.isRegularFile(root.resolve(".old-" + name).resolve(STATE));
  }

  public void save(Session session, String name, TrainerState state) {
    try {
      Files.createDirectories(root);
      Path tmp = Files.createTempDirectory(root, ".tmp-" + name + "-");
      session.save(tmp.resolve(PREFIX).toString());
      Json.write(tmp.resolve(STATE), state);
      Path target = root.resolve(name);
      Path old = root.resolve(".old-" + name);
      io.tfjlab.data.io.Folders.deleteRecursively(old);
      if (Files.exists(target)) {
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      io.tfjlab.data.io.Folders.deleteRecursively(old);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write checkpoint " + name + " in " + root + ": " + e.getMessage(), e);
    }
  }

  /** Restores variables from a checkpoint and returns its trainer state. */
  public TrainerState restore(Session session, String name) {
    Path dir = root.resolve(name);
    if (!Files.isRegularFile(dir.resolve(STATE))) {
      Path old = root.resolve(".old-" + name); // a crash between the two renames of save()
      if (Files.isRegularFile(old.resolve(STATE))) {
        dir = old;
      } else {
        throw new IllegalArgumentException("no '" + name + "' checkpoint in " + root
            + "; the run has not finished an epoch yet");
      }
    }
    session.restore(dir.resolve(PREFIX).toString());
    return Json.read(dir.resolve(STATE), TrainerState.class);
  }

  public Optional<TrainerState> state(String name) {
    Path f = root.resolve(name).resolve(STATE);
    return Files.isRegularFile(f) ? Optional.of(Json.read(f, TrainerState.class)) : Optional.empty();
  }

}
