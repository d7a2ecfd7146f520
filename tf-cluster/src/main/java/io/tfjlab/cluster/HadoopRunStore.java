package io.tfjlab.cluster;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * A store on a Hadoop file system ({@code hdfs://}, {@code s3a://}, {@code abfs://}, any scheme
 * {@link FileSystem#get(URI, Configuration)} resolves with the configuration of {@link
 * HadoopConf}). A file is written to a temporary name ({@code create} without overwrite), then put
 * in place: {@code FileSystem.rename} does not replace an existing file on HDFS, so the old file is
 * first renamed to {@code .old-NAME} (read in its place until the new one is there, see {@link
 * RunStore}) and deleted after.
 */
final class HadoopRunStore implements RunStore {
  private final URI uri;
  private final FileSystem fs;
  private final Path root;

  private HadoopRunStore(URI uri, FileSystem fs) {
    this.uri = uri;
    this.fs = fs;
    this.root = new Path(uri);
  }

  /**
   * The store at {@code uri}; a one-line {@link IllegalArgumentException} when no Hadoop file
   * system serves its scheme or it cannot be reached.
   */
  static HadoopRunStore open(URI uri, Configuration conf) {
    FileSystem fs;
    try {
      fs = FileSystem.get(uri, conf);
    } catch (UnsupportedFileSystemException e) {
      throw new IllegalArgumentException(
          "--store "
              + uri
              + ": no Hadoop file system for the scheme '"
              + uri.getScheme()
              + "' on the classpath (hdfs: and viewfs: come with Spark's Hadoop client; s3a: needs"
              + " hadoop-aws, abfs: hadoop-azure); give a store the cluster reaches, or a file:///"
              + " folder every worker mounts");
    } catch (IOException | RuntimeException e) {
      throw unreachable(uri, e);
    }
    HadoopRunStore store = new HadoopRunStore(uri, fs);
    try {
      fs.mkdirs(store.root);
    } catch (IOException | RuntimeException e) {
      throw unreachable(uri, e);
    }
    return store;
  }

  private static IllegalArgumentException unreachable(URI uri, Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String why =
        root.getMessage() == null || root.getMessage().isBlank()
            ? root.getClass().getSimpleName()
            : root.getMessage().lines().findFirst().get();
    return new IllegalArgumentException(
        "--store "
            + uri
            + ": cannot reach the Hadoop file system ("
            + why
            + "); check the URI, and that HADOOP_CONF_DIR (or --conf spark.hadoop.KEY=VALUE) holds"
            + " the cluster's Hadoop configuration");
  }

  private Path path(String rel) {
    return rel.isEmpty() ? root : new Path(root, rel);
  }

  @Override
  public String describe(String rel) {
    return path(rel).toString();
  }

  @Override
  public Optional<java.nio.file.Path> localPath(String rel) {
    return Optional.empty();
  }

  @Override
  public boolean exists(String rel) throws IOException {
    return fs.exists(path(rel));
  }

  /** {@code rel}, each missing part taken from its {@code .old-} copy. */
  private Optional<Path> existing(String rel) throws IOException {
    Path p = path(rel);
    if (fs.exists(p)) {
      return Optional.of(p);
    }
    Path at = root;
    for (String part : rel.split("/")) {
      Path next = new Path(at, part);
      if (!fs.exists(next)) {
        next = new Path(at, ".old-" + part);
        if (!fs.exists(next)) {
          return Optional.empty();
        }
      }
      at = next;
    }
    return Optional.of(at);
  }

  @Override
  public Optional<String> readString(String rel) throws IOException {
    Optional<Path> p = existing(rel);
    if (p.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = fs.open(p.get())) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public Optional<long[]> sizeAndTime(String rel) throws IOException {
    try {
      FileStatus s = fs.getFileStatus(path(rel));
      return s.isFile()
          ? Optional.of(new long[] {s.getLen(), s.getModificationTime()})
          : Optional.empty();
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public void mkdirs(String rel) throws IOException {
    if (!fs.mkdirs(path(rel))) {
      throw new IOException("cannot create the folder " + path(rel));
    }
  }

  @Override
  public void upload(java.nio.file.Path local, String rel) throws IOException {
    long mtime = Files.getLastModifiedTime(local).toMillis();
    Path tmp = tmpBeside(rel);
    try {
      try (InputStream in = Files.newInputStream(local);
          FSDataOutputStream out = fs.create(tmp, false)) {
        in.transferTo(out);
      }
      keepTime(tmp, mtime);
      replace(tmp, path(rel));
    } finally {
      deleteQuietly(tmp);
    }
  }

  @Override
  public void writeString(String rel, String text) throws IOException {
    Path tmp = tmpBeside(rel);
    try {
      try (FSDataOutputStream out = fs.create(tmp, false)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      replace(tmp, path(rel));
    } finally {
      deleteQuietly(tmp);
    }
  }

  private Path tmpBeside(String rel) {
    Path to = path(rel);
    return new Path(to.getParent(), ".tmp-" + to.getName() + "-" + UUID.randomUUID());
  }

  /** Puts {@code tmp} in {@code target}'s place: the old one to {@code .old-NAME}, then deleted. */
  private void replace(Path tmp, Path target) throws IOException {
    Path old = new Path(target.getParent(), ".old-" + target.getName());
    if (!fs.exists(target) && fs.exists(old)) {
      // an earlier replacement stopped between its renames: the .old- copy is the file
      renameOrFail(old, target);
    }
    fs.delete(old, true);
    if (fs.exists(target)) {
      renameOrFail(target, old);
    }
    renameOrFail(tmp, target);
    fs.delete(old, true);
  }

  private void keepTime(Path p, long mtime) {
    try {
      fs.setTimes(p, mtime, -1);
    } catch (IOException | UnsupportedOperationException e) {
      // object stores keep their own times: the mirror then compares by size and its own record
    }
  }

  @Override
  public void uploadTree(java.nio.file.Path local, String rel) throws IOException {
    Path to = path(rel);
    if (!fs.mkdirs(to)) {
      throw new IOException("cannot create the folder " + to);
    }
    List<java.nio.file.Path> entries;
    try (Stream<java.nio.file.Path> s = Files.list(local)) {
      entries = s.sorted().toList();
    }
    for (java.nio.file.Path e : entries) {
      String child = RunStore.join(rel, e.getFileName().toString());
      if (Files.isDirectory(e)) {
        uploadTree(e, child);
      } else {
        long mtime = Files.getLastModifiedTime(e).toMillis();
        try (InputStream in = Files.newInputStream(e);
            FSDataOutputStream out = fs.create(path(child), false)) {
          in.transferTo(out);
        }
        keepTime(path(child), mtime);
      }
    }
  }

  @Override
  public void downloadTree(String rel, java.nio.file.Path local) throws IOException {
    Path from = existing(rel).orElseThrow(() -> new NoSuchFileException(describe(rel)));
    download(from, local);
  }

  private void download(Path from, java.nio.file.Path local) throws IOException {
    Files.createDirectories(local);
    FileStatus[] entries = fs.listStatus(from);
    List<String> names = Arrays.stream(entries).map(s -> s.getPath().getName()).toList();
    for (FileStatus s : entries) {
      String name = s.getPath().getName();
      if (name.startsWith(".tmp-")) {
        continue;
      }
      if (name.startsWith(".old-")) {
        name = name.substring(".old-".length());
        if (names.contains(name)) {
          continue;
        }
      }
      // the child path from the parent and the name: the status's own path is the file system's
      Path child = new Path(from, s.getPath().getName());
      java.nio.file.Path to = local.resolve(name);
      if (s.isDirectory()) {
        download(child, to);
      } else {
        java.nio.file.Path tmp = local.resolve(".tmp-" + name + "-" + UUID.randomUUID());
        try (InputStream in = fs.open(child);
            OutputStream out = Files.newOutputStream(tmp)) {
          in.transferTo(out);
        }
        Files.setLastModifiedTime(tmp, FileTime.fromMillis(s.getModificationTime()));
        Files.move(tmp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Override
  public void rename(String from, String to) throws IOException {
    if (fs.exists(path(to))) {
      throw new IOException("cannot rename " + path(from) + ": " + path(to) + " exists");
    }
    renameOrFail(path(from), path(to));
  }

  private void renameOrFail(Path from, Path to) throws IOException {
    if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }

  @Override
  public void delete(String rel) throws IOException {
    fs.delete(path(rel), true);
  }

  private void deleteQuietly(Path p) {
    try {
      fs.delete(p, true);
    } catch (IOException e) {
      // a temporary name: left behind, skipped by every reader
    }
  }

  @Override
  public List<String> list(String rel) throws IOException {
    try {
      List<String> out = new ArrayList<>();
      for (FileStatus s : fs.listStatus(path(rel))) {
        out.add(s.getPath().getName());
      }
      out.sort(null);
      return out;
    } catch (FileNotFoundException e) {
      return List.of();
    }
  }
}
