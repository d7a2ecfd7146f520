package io.tfjlab.data.cli;

import io.tfjlab.data.user.DatasetRef;
import picocli.CommandLine.Option;

/**
 * {@code --image-size HxW} and {@code --color grey|rgb} for a user's image folder: they set the
 * {@code size=} and {@code color=} options of its reference ({@code folder:DIR?size=28x28}), the
 * one place those options live (so a spec file and the run ledger's key hold them too).
 */
public final class DatasetRefOptions {
  @Option(
      names = "--image-size",
      paramLabel = "HxW",
      description =
          "For folder: and csv: data sets: resize every image to HxW (default: the first image's size; "
              + "other sizes are an error). The same as ?size=HxW in the reference.")
  String imageSize;

  @Option(
      names = "--color",
      paramLabel = "grey|rgb",
      description =
          "For folder: data sets: convert every image to grey or rgb (default: what the files are). "
              + "The same as ?color= in the reference.")
  String color;

  /** True when an option is given. */
  public boolean any() {
    return imageSize != null || color != null;
  }

  /**
   * {@code dataset} with these options set; a catalog name with an option given is an error (its
   * images have one size).
   */
  public String apply(String dataset) {
    if (!any()) {
      return dataset;
    }
    if (!DatasetRef.isReference(dataset)) {
      throw new IllegalArgumentException(
          "--image-size and --color apply to your own data sets (folder:DIR, csv:FILE); "
              + dataset
              + " has one image size: leave them out");
    }
    DatasetRef ref = DatasetRef.parse(dataset);
    if (imageSize != null) {
      ref = ref.with("size", imageSize);
    }
    if (color != null) {
      ref = ref.with("color", color);
    }
    return ref.toString();
  }
}
