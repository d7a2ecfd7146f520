package io.tfjlab.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * Which task attempt owns a run folder of the store: {@code <store>/.leases/<folder>.lease} holds
 * the attempt's id. A new attempt takes the lease (written to a temporary name, then put in place
 * of the old one, {@link RunStore#writeString}); an earlier attempt that is still running (a lost
 * executor that is not dead) sees that it no longer holds it before each mirror, stops its child
 * and writes nothing more.
 */
final class Lease {
  private final RunStore store;
  private final String file;
  private final String id;

  private Lease(RunStore store, String file, String id) {
    this.store = store;
    this.file = file;
    this.id = id;
  }

  /** Takes the lease of {@code folder} for this attempt (described by {@code who}). */
  static Lease take(RunStore store, String folder, String who) {
    String id = UUID.randomUUID() + " " + who;
    String file = ".leases/" + folder + ".lease";
    try {
      store.mkdirs(".leases");
      store.writeString(file, id + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot take the lease " + store.describe(file) + ": " + e.getMessage(), e);
    }
    return new Lease(store, file, id);
  }

  /** True while the lease file still names this attempt. */
  boolean held() {
    try {
      return store.readString(file).map(s -> s.strip().equals(id)).orElse(false);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the lease " + store.describe(file) + ": " + e.getMessage(), e);
    }
  }

  /** Fails (ending the task) when another attempt has taken the lease. */
  void check() {
    if (!held()) {
      throw new LeaseLostException(
          "another attempt took the lease "
              + store.describe(file)
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
