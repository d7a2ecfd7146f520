package io.tfjlab.data.acquire;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Files a user already has in a directory (raw or gzip/bzip2-compressed). */
public record DirectorySource(Path directory) implements DataSource {
  @Override
  public String describe() {
    return "directory " + directory;
  }

  @Override
  public Path provide(List<DataFile> files, Path staging) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new NoSuchFileException(directory + " is not a directory");
    }
    return directory;
  }
}
