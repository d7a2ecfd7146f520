package io.tfjlab.data.acquire;

import io.tfjlab.data.io.LimitedInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Unpacks the archives data sets come in (tar.gz, Debian .deb with a gzip, bzip2 or xz data
 * archive) strictly inside a target folder: an entry whose name has {@code ..} leading out of it or
 * is absolute is refused, a symbolic or hard link pointing outside it is refused (links inside are
 * not created: no data set needs one, and none can then be written through), devices and pipes are
 * skipped, and extraction stops once the decompressed archive passes a size limit.
 */
final class Archives {
  /** The most bytes an archive may expand to (4 GiB; the largest data set archive is ~0.2 GiB). */
  static final long MAX_EXTRACTED_BYTES = 4L << 30;

  private Archives() {}

  static void extractTarGz(Path archive, Path target) throws IOException {
    extractTarGz(archive, target, MAX_EXTRACTED_BYTES);
  }

  static void extractTarGz(Path archive, Path target, long maxBytes) throws IOException {
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
      extractTar(limit(in, maxBytes, archive), target);
    }
  }

  /** A .deb is an ar archive whose {@code data.tar.*} member holds the files. */
  static void extractDeb(Path deb, Path target) throws IOException {
    extractDeb(deb, target, MAX_EXTRACTED_BYTES);
  }

  static void extractDeb(Path deb, Path target, long maxBytes) throws IOException {
    try (ArArchiveInputStream ar =
        new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
      ArArchiveEntry e;
      while ((e = ar.getNextEntry()) != null) {
        if (e.getName().startsWith("data.tar")) {
          InputStream data = e.getName().equals("data.tar") ? ar : decompress(ar);
          extractTar(limit(data, maxBytes, deb), target);
          return;
        }
      }
    }
    throw new IOException(deb.getFileName() + " has no data.tar member");
  }

  private static InputStream limit(InputStream in, long maxBytes, Path archive) {
    return new LimitedInputStream(in, maxBytes, archive.getFileName().toString());
  }

  private static InputStream decompress(InputStream in) throws IOException {
    try {
      return new CompressorStreamFactory().createCompressorInputStream(new BufferedInputStream(in));
    } catch (CompressorException e) {
      throw new IOException("unknown compression in package (" + e.getMessage() + ")", e);
    }
  }

  private static void extractTar(InputStream in, Path target) throws IOException {
    Path root = Files.createDirectories(target).toAbsolutePath().normalize();
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    TarArchiveEntry e;
    while ((e = tar.getNextEntry()) != null) {
      Path out = inside(root, root, e.getName(), e.getName());
      if (e.isSymbolicLink()) {
        // a relative link target is resolved from the link's own folder
        inside(root, out.getParent(), e.getLinkName(), e.getName() + " -> " + e.getLinkName());
      } else if (e.isLink()) {
        // a hard link names another entry, relative to the archive's root
        inside(root, root, e.getLinkName(), e.getName() + " => " + e.getLinkName());
      } else if (e.isDirectory()) {
        Files.createDirectories(out);
      } else if (e.isFile()) {
        Files.createDirectories(out.getParent());
        Files.copy(tar, out);
      }
    }
  }

  /** {@code name} resolved from {@code from}, refused unless it stays within {@code root}. */
  private static Path inside(Path root, Path from, String name, String entry) throws IOException {
    if (name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
      throw new IOException("archive entry has an absolute path, refused: " + entry);
    }
    Path out = from.resolve(name).normalize();
    if (!out.startsWith(root)) {
      throw new IOException("archive entry points outside the staging folder, refused: " + entry);
    }
    return out;
  }
}
