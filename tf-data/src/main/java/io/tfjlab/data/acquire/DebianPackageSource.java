package io.tfjlab.data.acquire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A data set shipped as a Debian package: {@code apt-get download <package>} (no root needed,
 * nothing installed), then the files are taken from a folder of the package's data archive. When
 * apt has no package list yet and we are root, {@code apt-get update} is run once first.
 */
public record DebianPackageSource(String packageName, String folderInPackage)
    implements DataSource {
  @Override
  public String describe() {
    return "apt-get download " + packageName;
  }

  @Override
  public Path provide(List<DataFile> files, Path staging) throws IOException {
    Path debDir = Files.createDirectories(staging.resolve("deb"));
    List<String> download = List.of("apt-get", "download", "-q", packageName);
    try {
      Commands.run(debDir, download);
    } catch (IOException first) {
      if (!isRoot()) {
        throw new IOException(first.getMessage() + " (try 'sudo apt-get update' first)", first);
      }
      Commands.run(debDir, List.of("apt-get", "update", "-qq"));
      Commands.run(debDir, download);
    }
    Path deb;
    try (Stream<Path> s = Files.list(debDir)) {
      deb =
          s.filter(p -> p.getFileName().toString().endsWith(".deb"))
              .findFirst()
              .orElseThrow(() -> new IOException("apt-get download produced no .deb"));
    }
    Path out = staging.resolve("unpacked");
    Archives.extractDeb(deb, out);
    return out.resolve(folderInPackage);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
