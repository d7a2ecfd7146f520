package io.tfjlab.data.user;

import io.tfjlab.data.Dataset;
import io.tfjlab.data.catalog.DatasetDescriptor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a {@link DatasetRef} ({@code folder:}, {@code npz:}, {@code csv:}); the catalog sends every
 * reference here, so a user's data set goes wherever a catalog name does.
 */
public final class UserDatasets {
  /** The folder under the data cache root that holds decoded image folders. */
  public static final String CACHE_FOLDER = "user";

  private UserDatasets() {}

  public static Dataset load(DatasetRef ref, Path cacheRoot, PrintStream log) {
    return switch (ref.kind()) {
      case "folder" -> new ImageFolderReader(cacheRoot.resolve(CACHE_FOLDER), log).read(ref);
      case "npz" -> NumpyReader.read(ref);
      case "csv" -> CsvReader.read(ref);
      default -> throw new IllegalArgumentException("unknown data set kind " + ref.kind());
    };
  }

  /** A catalog entry for a loaded user data set: no files to fetch, its loader returns it. */
  public static DatasetDescriptor descriptor(DatasetRef ref, Dataset ds) {
    return new DatasetDescriptor(
        ds.name(),
        "your data set " + ref,
        ds.shape(),
        ds.classNames(),
        List.of(),
        List.of(),
        (d, files) -> ds);
  }
}
