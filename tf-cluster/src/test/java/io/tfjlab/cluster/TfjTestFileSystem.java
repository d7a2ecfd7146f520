package io.tfjlab.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.util.Progressable;

/**
 * A Hadoop file system under the scheme {@code tfjtest:} for the tests of stores that are not local
 * folders: {@code tfjtest:///a/b} is the local file {@code ROOT/a/b}, ROOT given by the Hadoop
 * setting {@code fs.tfjtest.root} ({@code --conf spark.hadoop.fs.tfjtest.root=DIR}, with {@code
 * spark.hadoop.fs.tfjtest.impl} naming this class). A store path used as a local path would land
 * outside ROOT, so a test passes only through the Hadoop code path; {@link #renames} and {@link
 * #creates} count what went through it.
 */
public class TfjTestFileSystem extends RawLocalFileSystem {
  static final URI NAME = URI.create("tfjtest:///");
  static final AtomicLong renames = new AtomicLong();
  static final AtomicLong creates = new AtomicLong();

  private File root;

  @Override
  public void initialize(URI uri, Configuration conf) throws IOException {
    super.initialize(uri, conf);
    String r = conf.get("fs.tfjtest.root");
    if (r == null) {
      throw new IOException("fs.tfjtest.root is not set");
    }
    root = new File(r).getAbsoluteFile();
  }

  @Override
  public URI getUri() {
    return NAME;
  }

  @Override
  public String getScheme() {
    return "tfjtest";
  }

  @Override
  public File pathToFile(Path path) {
    checkPath(path);
    if (!path.isAbsolute()) {
      path = new Path(getWorkingDirectory(), path);
    }
    return new File(root, path.toUri().getPath());
  }

  /** The tfjtest: path of a local one under the root (statuses name local files). */
  private Path virtual(Path local) {
    String p = local.toUri().getPath();
    String r = root.getPath();
    if (p.startsWith(r + "/") || p.equals(r)) {
      String rest = p.substring(r.length());
      return new Path("tfjtest", null, rest.isEmpty() ? "/" : rest);
    }
    return local;
  }

  @Override
  public FileStatus getFileStatus(Path f) throws IOException {
    FileStatus s = super.getFileStatus(f);
    s.setPath(virtual(s.getPath()));
    return s;
  }

  @Override
  public FileStatus[] listStatus(Path f) throws IOException {
    FileStatus[] all = super.listStatus(f);
    for (FileStatus s : all) {
      s.setPath(virtual(s.getPath()));
    }
    return all;
  }

  @Override
  public boolean rename(Path src, Path dst) throws IOException {
    renames.incrementAndGet();
    return super.rename(src, dst);
  }

  @Override
  public FSDataOutputStream create(
      Path f,
      boolean overwrite,
      int bufferSize,
      short replication,
      long blockSize,
      Progressable progress)
      throws IOException {
    creates.incrementAndGet();
    return super.create(f, overwrite, bufferSize, replication, blockSize, progress);
  }
}
