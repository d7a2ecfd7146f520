package io.tfjlab.data.acquire;

import java.nio.file.Path;
import java.util.Map;

/**
 * Verified, decoded files of a data set in the cache.
 *
 * @param directory the cache directory holding the decoded files
 * @param checksums file name to SHA-256 of its decoded content
 * @param source where the files came from this time ({@code cache} when nothing was fetched)
 */
public record Materialized(Path directory, Map<String, String> checksums, String source) {
  public Materialized {
    checksums = Map.copyOf(checksums);
  }
}
