package io.tfjlab.training.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * An exclusive, inter-process lock on a run or report folder, held while one tfjlab process trains
 * (or resumes) a run or writes a report: a second process that would resume the same run, or write
 * the same report, sees it busy. The lock is an OS file lock ({@link FileChannel#tryLock}) on a
 * file named by the SHA-256 of the folder's real path in {@code <java.io.tmpdir>/tfjlab-locks/}, so
 * the folders themselves hold no extra file; the lock goes with the process (a killed process never
 * leaves a stale lock). Lock files are never deleted (deleting one could let two processes lock two
 * different files of the same name).
 */
public final class FolderLock implements AutoCloseable {
  private final Path folder;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(Path folder, FileChannel channel, FileLock lock) {
    this.folder = folder;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock of {@code folder} if no other process (or other holder in this JVM) has it. */
  public static Optional<FolderLock> tryAcquire(Path folder) {
    FileChannel channel = open(folder);
    try {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        return Optional.empty();
      }
      return Optional.of(new FolderLock(folder, channel, lock));
    } catch (OverlappingFileLockException heldHere) {
      closeQuietly(channel);
      return Optional.empty();
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + folder + ": " + e.getMessage(), e);
    }
  }

  /**
   * The lock of {@code folder}, waiting for another process to release it; {@code onWait} is called
   * once if it has to wait.
   */
  public static FolderLock acquire(Path folder, Runnable onWait) {
    Optional<FolderLock> now = tryAcquire(folder);
    if (now.isPresent()) {
      return now.get();
    }
    onWait.run();
    while (true) {
      FileChannel channel = open(folder);
      try {
        return new FolderLock(folder, channel, channel.lock());
      } catch (OverlappingFileLockException heldHere) {
        closeQuietly(channel); // another thread of this JVM: poll
        sleep();
      } catch (IOException e) {
        closeQuietly(channel);
        throw new UncheckedIOException("cannot lock " + folder + ": " + e.getMessage(), e);
      }
    }
  }

  /** True when another process (or another holder in this JVM) holds the lock of {@code folder}. */
  public static boolean isBusy(Path folder) {
    Optional<FolderLock> probe = tryAcquire(folder);
    probe.ifPresent(FolderLock::close);
    return probe.isEmpty();
  }

  public Path folder() {
    return folder;
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel's close below releases it too
    }
    closeQuietly(channel);
  }

  private static FileChannel open(Path folder) {
    try {
      Path dir =
          Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "tfjlab-locks"));
      Path file = dir.resolve(key(folder) + ".lock");
      return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + folder + ": " + e.getMessage(), e);
    }
  }

  /** The folder's real path (or absolute normalized path if it does not exist yet), hashed. */
  static String key(Path folder) {
    Path p;
    try {
      p = folder.toRealPath();
    } catch (IOException e) {
      p = folder.toAbsolutePath().normalize();
    }
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256")
              .digest(p.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a folder lock", e);
    }
  }

  private static void closeQuietly(FileChannel c) {
    try {
      c.close();
    } catch (IOException e) {
      // nothing to do
    }
  }
}
