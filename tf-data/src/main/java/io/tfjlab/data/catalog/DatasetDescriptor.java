package io.tfjlab.data.catalog;

import io.tfjlab.data.ImageShape;
import io.tfjlab.data.acquire.DataFile;
import io.tfjlab.data.acquire.DataSource;
import java.util.List;

/**
 * Everything the catalog knows about one data set: its files and their checksums, where they can
 * come from (in order of preference), how to read them, and its classes.
 */
public record DatasetDescriptor(
    String name,
    String description,
    ImageShape shape,
    List<String> classNames,
    List<DataFile> files,
    List<DataSource> sources,
    DatasetLoader loader) {

  public DatasetDescriptor {
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "data set name must be lower-case letters, digits and '-', got '" + name + "'");
    }
    classNames = List.copyOf(classNames);
    files = List.copyOf(files);
    sources = List.copyOf(sources);
  }
}
