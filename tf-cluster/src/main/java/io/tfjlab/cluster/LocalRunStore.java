package io.tfjlab.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A store that is a local folder ({@code file:} store: on a cluster, a folder every worker mounts
 * at the same path). Files are replaced atomically ({@code ATOMIC_MOVE} over the old one) and keep
 * their modification time.
 */
final class LocalRunStore implements RunStore {
  private final Path root;

  LocalRunStore(Path root) {
    this.root = root;
  }

  private Path path(String rel) {
    return rel.isEmpty() ? root : root.resolve(rel);
  }

  @Override
  public String describe(String rel) {
    return path(rel).toString();
  }

  @Override
  public Optional<Path> localPath(String rel) {
    return Optional.of(path(rel));
  }

  @Override
  public boolean exists(String rel) {
    return Files.exists(path(rel));
  }

  @Override
  public Optional<String> readString(String rel) throws IOException {
    Optional<Path> p = existing(root, rel);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(p.get(), StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** {@code rel} under {@code root}, each missing part taken from its {@code .old-} copy. */
  static Optional<Path> existing(Path root, String rel) {
    Path p = root.resolve(rel);
    if (Files.exists(p)) {
      return Optional.of(p);
    }
    Path at = root;
    for (String part : rel.split("/")) {
      Path next = at.resolve(part);
      if (!Files.exists(next)) {
        next = at.resolve(".old-" + part);
        if (!Files.exists(next)) {
          return Optional.empty();
        }
      }
      at = next;
    }
    return Optional.of(at);
  }

  @Override
  public Optional<long[]> sizeAndTime(String rel) throws IOException {
    Path p = path(rel);
    if (!Files.isRegularFile(p)) {
      return Optional.empty();
    }
    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
    return Optional.of(new long[] {a.size(), a.lastModifiedTime().toMillis()});
  }

  @Override
  public void mkdirs(String rel) throws IOException {
    Files.createDirectories(path(rel));
  }

  @Override
  public void upload(Path local, String rel) throws IOException {
    Path to = path(rel);
    Files.createDirectories(to.getParent());
    Path tmp = to.resolveSibling(".tmp-" + to.getFileName() + "-" + UUID.randomUUID());
    try {
      Files.copy(local, tmp, StandardCopyOption.COPY_ATTRIBUTES);
      Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public void writeString(String rel, String text) throws IOException {
    Path to = path(rel);
    Files.createDirectories(to.getParent());
    Path tmp = Files.createTempFile(to.getParent(), ".tmp-" + to.getFileName(), "");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  @Override
  public void uploadTree(Path local, String rel) throws IOException {
    copyTree(local, path(rel));
  }

  @Override
  public void downloadTree(String rel, Path local) throws IOException {
    copyTree(existing(root, rel).orElseThrow(() -> new NoSuchFileException(describe(rel))), local);
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Files.move(path(from), path(to), StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void delete(String rel) throws IOException {
    deleteTree(path(rel));
  }

  @Override
  public List<String> list(String rel) throws IOException {
    Path p = path(rel);
    if (!Files.isDirectory(p)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(p)) {
      return s.map(x -> x.getFileName().toString()).sorted().toList();
    }
  }

  /**
   * Copies a folder tree, its temporary entries ({@code .tmp-}) left out and an {@code .old-NAME}
   * taken as {@code NAME} when there is no {@code NAME}.
   */
  static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (dir.equals(from)) {
              Files.createDirectories(to);
              return FileVisitResult.CONTINUE;
            }
            Optional<Path> target = target(dir);
            if (target.isEmpty()) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(target.get());
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Optional<Path> target = target(file);
            if (target.isPresent()) {
              Files.copy(
                  file,
                  target.get(),
                  StandardCopyOption.COPY_ATTRIBUTES,
                  StandardCopyOption.REPLACE_EXISTING);
            }
            return FileVisitResult.CONTINUE;
          }

          /** Where an entry of the source goes, or empty when it is left out. */
          private Optional<Path> target(Path p) {
            Path parent = to.resolve(from.relativize(p.getParent()).toString());
            String name = p.getFileName().toString();
            if (name.startsWith(".tmp-")) {
              return Optional.empty();
            }
            if (name.startsWith(".old-")) {
              String real = name.substring(".old-".length());
              return Files.exists(p.resolveSibling(real))
                  ? Optional.empty()
                  : Optional.of(parent.resolve(real));
            }
            return Optional.of(parent.resolve(name));
          }
        });
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
