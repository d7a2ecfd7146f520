package io.tfjlab.eval.compare;

import io.tfjlab.training.run.FolderLock;
import java.nio.file.Path;

/**
 * A second process for {@link ConcurrentLedgerTest}: holds the lock of the folder given as its
 * argument, prints {@code locked}, and releases it when its standard input closes.
 */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (FolderLock lock = FolderLock.tryAcquire(Path.of(args[0])).orElseThrow()) {
      System.out.println("locked");
      System.out.flush();
      System.in.read();
    }
  }
}
