package io.tfjlab.data.acquire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * Downloads each file as {@code baseUrl + name + suffix} (e.g. the gzip IDX files of the public
 * MNIST mirrors). Downloads go to a {@code .part} file that is renamed only once complete.
 */
public record HttpFilesSource(String baseUrl, String suffix) implements DataSource {
  @Override
  public String describe() {
    return baseUrl;
  }

  @Override
  public Path provide(List<DataFile> files, Path staging) throws IOException {
    HttpClient client = Http.client();
    for (DataFile f : files) {
      String fileName = f.name() + suffix;
      Http.download(client, URI.create(baseUrl + fileName), staging.resolve(fileName));
    }
    return staging;
  }

  /** Shared HTTP plumbing: short connect timeout, atomic completion. */
  static final class Http {
    private Http() {}

    static HttpClient client() {
      return HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();
    }

    static void download(HttpClient client, URI uri, Path target) throws IOException {
      Path part = target.resolveSibling(target.getFileName() + ".part");
      HttpRequest request =
          HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build();
      HttpResponse<Path> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofFile(part));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Files.deleteIfExists(part);
        throw new IOException("interrupted while downloading " + uri);
      } catch (IOException e) {
        Files.deleteIfExists(part);
        throw new IOException("cannot download " + uri + " (" + describe(e) + ")", e);
      }
      if (response.statusCode() != 200) {
        Files.deleteIfExists(part);
        throw new IOException("HTTP " + response.statusCode() + " for " + uri);
      }
      Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String describe(IOException e) {
      String msg = e.getMessage();
      return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
  }
}
