package io.tfjlab.data.acquire;

import io.tfjlab.data.catalog.DatasetDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a data set's files into the local cache and verifies them: a user-given directory first
 * (authoritative: any problem there is an error), then the cache, then each source of the
 * descriptor in order. The first source whose files all decode to the published SHA-256 wins. Files
 * are decoded and hashed in a private staging folder and moved into the cache only once all are
 * verified, so a half-downloaded or wrong file never lands there.
 */
public final class DatasetStore {
  /** Environment variable that overrides the cache root. */
  public static final String CACHE_ENV = "TFJLAB_DATA_DIR";

  private final Path cacheRoot;
  private final Optional<Path> userDirectory;
  private final PrintStream log;

  public DatasetStore(Path cacheRoot, Optional<Path> userDirectory, PrintStream log) {
    this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
    this.userDirectory = userDirectory;
    this.log = log;
  }

  /**
   * The cache root in use when nothing is given: {@code $TFJLAB_DATA_DIR} or {@code
   * ~/.tfjlab/datasets}.
   */
  public static Path defaultCacheRoot() {
    String env = System.getenv(CACHE_ENV);
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".tfjlab", "datasets");
  }

  public Path cacheRoot() {
    return cacheRoot;
  }

  public Path cacheDirectory(String datasetName) {
    return cacheRoot.resolve(datasetName);
  }

  /** Returns the verified files of {@code d}, fetching them only if the cache lacks them. */
  public Materialized materialize(DatasetDescriptor d) {
    List<String> failures = new ArrayList<>();
    if (userDirectory.isPresent()) {
      DirectorySource user = new DirectorySource(userDirectory.get());
      try {
        return fetchFrom(d, user);
      } catch (IOException e) {
        throw new DatasetUnavailableException(
            d.name() + ": " + user.describe() + ": " + e.getMessage(), e);
      }
    }
    Path cached = cacheDirectory(d.name());
    Optional<Map<String, String>> fromCache = verifyCache(d, cached, failures);
    if (fromCache.isPresent()) {
      return new Materialized(cached, fromCache.get(), "cache");
    }
    for (DataSource source : d.sources()) {
      log.println(d.name() + ": fetching from " + source.describe() + " ...");
      try {
        Materialized m = fetchFrom(d, source);
        log.println(
            d.name() + ": " + d.files().size() + " files verified and cached in " + m.directory());
        return m;
      } catch (IOException | RuntimeException e) {
        failures.add(source.describe() + ": " + e.getMessage());
        log.println(d.name() + ": " + source.describe() + " failed: " + e.getMessage());
      }
    }
    StringBuilder msg =
        new StringBuilder(d.name() + ": no source could provide the data set. Tried:");
    for (int i = 0; i < failures.size(); i++) {
      msg.append("\n  ").append(i + 1).append(". ").append(failures.get(i));
    }
    msg.append("\nFix: check the network, or put the files (")
        .append(String.join(", ", d.files().stream().map(DataFile::name).toList()))
        .append(", raw or .gz) in a directory and pass --from DIR.");
    throw new DatasetUnavailableException(msg.toString(), null);
  }

  private Optional<Map<String, String>> verifyCache(
      DatasetDescriptor d, Path dir, List<String> failures) {
    Map<String, String> sums = new LinkedHashMap<>();
    for (DataFile f : d.files()) {
      Path p = dir.resolve(f.name());
      if (!Files.isRegularFile(p)) {
        failures.add("cache " + dir + ": " + f.name() + " missing");
        return Optional.empty();
      }
      String actual;
      try {
        actual = sha256(p);
      } catch (IOException e) {
        failures.add("cache " + dir + ": " + f.name() + " unreadable (" + e.getMessage() + ")");
        return Optional.empty();
      }
      if (f.sha256() != null && !f.sha256().equals(actual)) {
        failures.add(
            "cache "
                + dir
                + ": "
                + f.name()
                + " has SHA-256 "
                + actual
                + ", expected "
                + f.sha256()
                + " (will be fetched again)");
        return Optional.empty();
      }
      sums.put(f.name(), actual);
    }
    return Optional.of(sums);
  }

  private Materialized fetchFrom(DatasetDescriptor d, DataSource source) throws IOException {
    Files.createDirectories(cacheRoot);
    Path staging = Files.createTempDirectory(cacheRoot, ".staging-" + d.name() + "-");
    try {
      Path provided = source.provide(d.files(), Files.createDirectories(staging.resolve("source")));
      Path decoded = Files.createDirectories(staging.resolve("decoded"));
      Map<String, String> sums = new LinkedHashMap<>();
      for (DataFile f : d.files()) {
        Path candidate = locate(provided, f.name(), source);
        String actual = decodeAndHash(candidate, decoded.resolve(f.name()));
        if (f.sha256() != null && !f.sha256().equals(actual)) {
          throw new ChecksumMismatchException(f.name(), source.describe(), f.sha256(), actual);
        }
        sums.put(f.name(), actual);
      }
      Path target = Files.createDirectories(cacheDirectory(d.name()));
      for (DataFile f : d.files()) {
        Files.move(
            decoded.resolve(f.name()),
            target.resolve(f.name()),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      return new Materialized(target, sums, source.describe());
    } finally {
      io.tfjlab.data.io.Folders.deleteQuietly(staging);
    }
  }

  private static Path locate(Path dir, String name, DataSource source) throws IOException {
    for (String suffix : new String[] {"", ".gz", ".bz2"}) {
      Path p = dir.resolve(name + suffix);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    throw new IOException(
        name
            + " (or "
            + name
            + ".gz) not found in "
            + dir
            + " as provided by "
            + source.describe());
  }

  /** Decodes (gzip, bzip2 or raw, by magic bytes) into {@code target}, returning the SHA-256. */
  static String decodeAndHash(Path source, Path target) throws IOException {
    return decodeAndHash(source, target, io.tfjlab.data.io.Decoding.MAX_DECODED_BYTES);
  }

  /** As above, failing once the decoded content passes {@code maxBytes}. */
  static String decodeAndHash(Path source, Path target, long maxBytes) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream raw = io.tfjlab.data.io.Decoding.open(source, maxBytes);
        DigestInputStream in = new DigestInputStream(raw, digest);
        OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** SHA-256 (lower-case hex) of a file's bytes as they are. */
  public static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
