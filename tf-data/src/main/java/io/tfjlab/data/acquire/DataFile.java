package io.tfjlab.data.acquire;

import java.util.regex.Pattern;

/**
 * One file of a data set as it is stored in the cache (decoded, never compressed).
 *
 * @param name the decoded file name, e.g. {@code train-images-idx3-ubyte}
 * @param sha256 SHA-256 (lower-case hex) of the decoded content, or {@code null} when no published
 *     checksum exists (the hash found is then recorded, not checked)
 */
public record DataFile(String name, String sha256) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public DataFile {
    if (name == null || name.isBlank() || name.contains("/")) {
      throw new IllegalArgumentException(
          "data file name must be a plain file name, got '" + name + "'");
    }
    if (sha256 != null && !HEX64.matcher(sha256).matches()) {
      throw new IllegalArgumentException("sha256 of " + name + " must be 64 lower-case hex digits");
    }
  }

  public static DataFile unverified(String name) {
    return new DataFile(name, null);
  }
}
