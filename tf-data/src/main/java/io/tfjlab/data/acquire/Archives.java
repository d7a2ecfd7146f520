package io.tfjlab.data.acquire;

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

/** Unpacks the archives data sets come in (tar.gz, Debian .deb), refusing paths that escape. */
final class Archives {
  private Archives() {}

  static void extractTarGz(Path archive, Path target) throws IOException {
    try (InputStream in =
        new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)), 1 << 16)) {
      extractTar(in, target);
    }
  }

  /** A .deb is an ar archive whose {@code data.tar.*} member holds the files. */
  static void extractDeb(Path deb, Path target) throws IOException {
    try (ArArchiveInputStream ar =
        new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
      ArArchiveEntry e;
      while ((e = ar.getNextEntry()) != null) {
        if (e.getName().startsWith("data.tar")) {
          InputStream data = e.getName().equals("data.tar") ? ar : decompress(ar);
          extractTar(data, target);
          return;
        }
      }
    }
    throw new IOException(deb.getFileName() + " has no data.tar member");
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
      Path out = root.resolve(e.getName()).normalize();
      if (!out.startsWith(root)) {
        throw new IOException("archive entry escapes its folder: " + e.getName());
      }
      if (e.isDirectory()) {
        Files.createDirectories(out);
      } else if (e.isFile()) {
        Files.createDirectories(out.getParent());
        Files.copy(tar, out);
      }
    }
  }
}
