package io.tfjlab.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Which task attempt owns a run folder of the store: {@code <store>/.leases/<folder>.lease} holds
 * the attempt's id. A new attempt takes the lease (written to a temporary name, then renamed over
 * the old one); an earlier attempt that is still running (a lost executor that is not dead) sees
 * that it no longer holds it before each mirror, stops its child and writes nothing more.
 */
final class Lease {
  private final Path file;
  private final String id;

  private Lease(Path file, String id) {
    this.file = file;
    this.id = id;
  }

  /** Takes the lease of {@code folder} for this attempt (described by {@code who}). */
  static Lease take(Path store, String folder, String who) {
    String id = UUID.randomUUID() + " " + who;
    Path file = store.resolve(".leases").resolve(folder + ".lease");
    try {
      Files.createDirectories(file.getParent());
      Path tmp = Files.createTempFile(file.getParent(), ".tmp-" + folder, ".lease");
      Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lease " + file + ": " + e.getMessage(), e);
    }
    return new Lease(file, id);
  }

  /** True while the lease file still names this attempt. */
  boolean held() {
    try {
      return Files.readString(file, StandardCharsets.UTF_8).strip().equals(id);
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lease " + file + ": " + e.getMessage(), e);
    }
  }

  /** Fails (ending the task) when another attempt has taken the lease. */
  void check() {
    if (!held()) {
      throw new LeaseLostException(
          "another attempt took the lease "
              + file
              + " (this one: "
              + id
              + "); this attempt stops without writing");
    }
  }

  /** Thrown when an attempt finds that a newer one owns its run folder. */
  static final class LeaseLostException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LeaseLostException(String message) {
      super(message);
    }
  }
}
