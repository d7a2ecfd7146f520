package io.tfjlab.data.user;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy {@code .npz} archives (a zip of {@code NAME.npy} entries, as {@code numpy.savez} writes
 * them) through {@code java.util.zip}; a folder of {@code NAME.npy} files reads the same way.
 */
public final class NpzFiles {
  private NpzFiles() {}

  /** The arrays of an npz file or of a folder of .npy files, by name (without .npy). */
  public static final class Arrays implements AutoCloseable {
    private final ZipFile zip;
    private final Map<String, NpyArrays.Opener> openers = new LinkedHashMap<>();
    private final Map<String, Long> sizes = new LinkedHashMap<>();
    private final Path location;

    private Arrays(Path location, ZipFile zip) {
      this.location = location;
      this.zip = zip;
    }

    public boolean has(String name) {
      return openers.containsKey(name);
    }

    public NpyArrays.Opener opener(String name) {
      return openers.get(name);
    }

    /**
     * The bytes of array {@code name} (header and data: the .npy file's size, or the zip entry's
     * uncompressed size as the zip records it), or -1 when unknown.
     */
    public long size(String name) {
      return sizes.getOrDefault(name, -1L);
    }

    /** How a file is named in messages: {@code data.npz:x_train} or {@code dir/x_train.npy}. */
    public String describe(String name) {
      return zip != null ? location + ":" + name : location.resolve(name + ".npy").toString();
    }

    public Iterable<String> names() {
      return openers.keySet();
    }

    /** A text entry of the zip (not an array), or null. */
    public String text(String entry) throws IOException {
      if (zip == null || zip.getEntry(entry) == null) {
        return null;
      }
      try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }

    @Override
    public void close() throws IOException {
      if (zip != null) {
        zip.close();
      }
    }
  }

  /** Opens {@code path}: an .npz file, or a folder holding .npy files. */
  public static Arrays open(Path path) throws IOException {
    if (Files.isDirectory(path)) {
      Arrays a = new Arrays(path, null);
      try (var files = Files.list(path)) {
        for (Path p : files.sorted().toList()) {
          String n = p.getFileName().toString();
          if (n.endsWith(".npy")) {
            a.openers.put(
                n.substring(0, n.length() - 4),
                () -> new java.io.BufferedInputStream(Files.newInputStream(p), 1 << 16));
            a.sizes.put(n.substring(0, n.length() - 4), Files.size(p));
          }
        }
      }
      return a;
    }
    ZipFile zip = new ZipFile(path.toFile());
    Arrays a = new Arrays(path, zip);
    zip.stream()
        .filter(e -> e.getName().endsWith(".npy"))
        .forEach(
            e -> {
              String name = e.getName().substring(0, e.getName().length() - 4);
              a.openers.put(
                  name, () -> new java.io.BufferedInputStream(zip.getInputStream(e), 1 << 16));
              a.sizes.put(name, e.getSize());
            });
    return a;
  }

  /**
   * Writes uint8 arrays (name → shape and data) and text entries as a stored (uncompressed) npz,
   * which {@code numpy.load} reads.
   */
  public static void writeUint8(
      Path file,
      Map<String, long[]> shapes,
      Map<String, java.nio.ByteBuffer> data,
      Map<String, String> texts)
      throws IOException {
    try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        ZipOutputStream zip = new ZipOutputStream(raw)) {
      zip.setMethod(ZipOutputStream.STORED);
      for (Map.Entry<String, long[]> e : shapes.entrySet()) {
        java.nio.ByteBuffer d = data.get(e.getKey());
        long[] sc = NpyArrays.sizeAndCrc(e.getValue(), d);
        ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
        entry.setSize(sc[0]);
        entry.setCompressedSize(sc[0]);
        entry.setCrc(sc[1]);
        zip.putNextEntry(entry);
        NpyArrays.writeUint8(zip, e.getValue(), d);
        zip.closeEntry();
      }
      for (Map.Entry<String, String> t : texts.entrySet()) {
        byte[] b = t.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CRC32 crc = new CRC32();
        crc.update(b);
        ZipEntry entry = new ZipEntry(t.getKey());
        entry.setSize(b.length);
        entry.setCompressedSize(b.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(b);
        zip.closeEntry();
      }
    }
  }
}
