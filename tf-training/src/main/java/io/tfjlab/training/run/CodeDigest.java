package io.tfjlab.training.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A digest of the code and data files that decide a run's numbers: the classes and resources (model
 * families, built-in defaults) of tf-data, tf-models and tf-training, as this process loaded them.
 * Any change to them — a new graph, another default — gives another digest, so the run ledger never
 * reuses a run trained by other code. Computed once per process (a few milliseconds).
 */
public final class CodeDigest {
  private static final String VALUE =
      compute(
          List.of(
              io.tfjlab.data.Dataset.class,
              io.tfjlab.models.zoo.ModelZoo.class,
              io.tfjlab.training.RunSpec.class));

  private CodeDigest() {}

  /** SHA-256 (hex, first 16 characters) over every class and resource of the three modules. */
  public static String current() {
    return VALUE;
  }

  private static String compute(List<Class<?>> anchors) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Class<?> anchor : anchors) {
        Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (Files.isDirectory(location)) {
          List<Path> files = new ArrayList<>();
          try (Stream<Path> s = Files.walk(location)) {
            s.filter(Files::isRegularFile).sorted().forEach(files::add);
          }
          for (Path f : files) {
            sha.update(
                location
                    .relativize(f)
                    .toString()
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(Files.readAllBytes(f));
          }
        } else {
          try (JarFile jar = new JarFile(location.toFile())) {
            List<JarEntry> entries =
                jar.stream()
                    .filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/"))
                    .sorted(java.util.Comparator.comparing(JarEntry::getName))
                    .toList();
            for (JarEntry e : entries) {
              sha.update(e.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
              try (InputStream in = jar.getInputStream(e)) {
                sha.update(in.readAllBytes());
              }
            }
          }
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the code to digest: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
