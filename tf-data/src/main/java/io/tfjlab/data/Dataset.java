package io.tfjlab.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded data set: the official train and test splits, the class names, and the SHA-256 of each
 * decoded source file (recorded in every run's manifest).
 *
 * @param name catalog name, e.g. {@code mnist}
 * @param train the official training split
 * @param test the official test split
 * @param classNames one name per class index
 * @param checksums file name to SHA-256 (hex) of its decoded content
 * @param location the directory the files were read from
 */
public record Dataset(
    String name,
    ImageSet train,
    ImageSet test,
    List<String> classNames,
    Map<String, String> checksums,
    Path location) {

  public Dataset {
    if (train.shape().size() != test.shape().size()) {
      throw new IllegalArgumentException("train and test image shapes differ in " + name);
    }
    if (classNames.size() != train.numClasses()) {
      throw new IllegalArgumentException(
          name
              + " has "
              + classNames.size()
              + " class names for "
              + train.numClasses()
              + " classes");
    }
    classNames = List.copyOf(classNames);
    checksums = Map.copyOf(checksums);
  }

  public ImageShape shape() {
    return train.shape();
  }

  public int numClasses() {
    return train.numClasses();
  }
}
