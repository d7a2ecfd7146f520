package io.tfjlab.data.acquire;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Downloads a {@code .tar.gz} archive and takes the files from one folder inside it. */
public record HttpArchiveSource(String url, String folderInArchive) implements DataSource {
  @Override
  public String describe() {
    return url;
  }

  @Override
  public Path provide(List<DataFile> files, Path staging) throws IOException {
    Path archive = staging.resolve("download.tar.gz");
    HttpFilesSource.Http.download(HttpFilesSource.Http.client(), URI.create(url), archive);
    Path out = staging.resolve("unpacked");
    Archives.extractTarGz(archive, out);
    return out.resolve(folderInArchive);
  }
}
