package io.tfjlab.data.cli;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.ImageSet;
import io.tfjlab.data.acquire.Materialized;
import io.tfjlab.data.catalog.DatasetDescriptor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code data info} reports about a data set: counts per split and class, shape, the checksums
 * and whether each was verified against a published value, and the cache path.
 */
public record DatasetInfo(
    String name,
    String description,
    String shape,
    List<String> classNames,
    Map<String, SplitInfo> splits,
    List<FileInfo> files,
    String cache,
    String source) {

  public record SplitInfo(int images, int[] perClass) {}

  /** A file's SHA-256; {@code verified} is false when no published checksum exists to compare. */
  public record FileInfo(String name, String sha256, boolean verified) {}

  public static DatasetInfo of(DatasetDescriptor d, Materialized m, Dataset ds) {
    Map<String, SplitInfo> splits = new LinkedHashMap<>();
    splits.put("train", split(ds.train()));
    splits.put("test", split(ds.test()));
    List<FileInfo> files =
        d.files().stream()
            .map(f -> new FileInfo(f.name(), m.checksums().get(f.name()), f.sha256() != null))
            .toList();
    return new DatasetInfo(
        d.name(),
        d.description(),
        ds.shape().toString(),
        ds.classNames(),
        splits,
        files,
        m.directory().toString(),
        m.source());
  }

  /** The same for a user's data set: its digests are of the content (labels and pixels). */
  public static DatasetInfo ofUser(String ref, Dataset ds) {
    Map<String, SplitInfo> splits = new LinkedHashMap<>();
    splits.put("train", split(ds.train()));
    splits.put("test", split(ds.test()));
    List<FileInfo> files =
        new java.util.TreeMap<>(ds.checksums())
            .descendingMap().entrySet().stream() // train, then test
                .map(e -> new FileInfo(e.getKey(), e.getValue(), false))
                .toList();
    return new DatasetInfo(
        ds.name(),
        "your data set " + ref,
        ds.shape().toString(),
        ds.classNames(),
        splits,
        files,
        ds.location().toString(),
        USER_SOURCE);
  }

  /** The source of a user's data set. */
  public static final String USER_SOURCE = "your files";

  private static SplitInfo split(ImageSet s) {
    return new SplitInfo(s.size(), s.classCounts());
  }

  /** A plain-text table for a terminal. */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append(name).append(" - ").append(description).append('\n');
    out.append(
        String.format(
            "%-10s %s%n",
            source.equals(USER_SOURCE) ? "files" : "cache",
            cache
                + (source.equals("cache") || source.equals(USER_SOURCE)
                    ? ""
                    : "  (fetched from " + source + ")")));
    out.append(String.format("%-10s %s, %d classes%n", "shape", shape, classNames.size()));
    out.append(String.format("%-10s %s%n", "classes", String.join(", ", classNames)));
    out.append(String.format("%n%-6s %7s   per class%n", "split", "images"));
    for (Map.Entry<String, SplitInfo> e : splits.entrySet()) {
      StringBuilder per = new StringBuilder();
      for (int c : e.getValue().perClass()) {
        per.append(String.format("%6d", c));
      }
      out.append(String.format("%-6s %7d  %s%n", e.getKey(), e.getValue().images(), per));
    }
    if (source.equals(USER_SOURCE)) {
      out.append(
          String.format("%nSHA-256 of the content (shape, then label and pixels of each image)%n"));
      for (FileInfo f : files) {
        out.append(String.format("  %-26s %s%n", f.name(), f.sha256()));
      }
      return out.toString();
    }
    out.append(String.format("%nSHA-256 of the decoded files%n"));
    for (FileInfo f : files) {
      out.append(
          String.format(
              "  %-26s %s  %s%n",
              f.name(),
              f.sha256(),
              f.verified() ? "verified" : "recorded (no published checksum)"));
    }
    return out.toString();
  }
}
