package io.tfjlab.training.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's own folder, {@code runs/<model>-<dataset>-<labels>-<n>/}: never reuses an existing one
 * (the number is the first free one, claimed atomically).
 */
public record RunDirectory(Path path) {
  public static final String MANIFEST = "manifest.json";
  public static final String HISTORY = "history.csv";
  public static final String RESULTS = "results.json";
  public static final String LABELED = "labeled-indices.json";
  public static final String SUMMARY = "summary.txt";
  public static final String PREDICTIONS = "test-predictions.csv";

  /** Creates a new run folder under {@code root}. */
  public static RunDirectory create(Path root, String model, String dataset, int labels) {
    String base = model + "-" + dataset + "-" + (labels == 0 ? "all" : Integer.toString(labels));
    try {
      Files.createDirectories(root);
      for (int n = 1; ; n++) {
        Path p = root.resolve(base + "-" + n);
        try {
          Files.createDirectory(p);
          return new RunDirectory(p);
        } catch (FileAlreadyExistsException taken) {
          // next number
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a run folder under " + root + ": " + e.getMessage(), e);
    }
  }

  /** An existing run folder, checked to hold a manifest. */
  public static RunDirectory open(Path path) {
    if (!Files.isRegularFile(path.resolve(MANIFEST))) {
      throw new IllegalArgumentException(path + " is not a run folder (no " + MANIFEST
          + "); pass a folder under runs/, e.g. runs/cnn-mnist-all-1");
    }
    return new RunDirectory(path);
  }

  public Path manifest() {
    return path.resolve(MANIFEST);
  }

  public Path history() {
    return path.resolve(HISTORY);
  }

  public Path results() {
    return path.resolve(RESULTS);
  }

  /** The Keras-style model summary, written when the run starts. */
  public Path summary() {
    return path.resolve(SUMMARY);
  }

  /** Per test image: true class and predicted class, from the one test pass at the end (classifiers). */
  public Path predictions() {
    return path.resolve(PREDICTIONS);
  }

  public Path checkpoints() {
    return path.resolve("checkpoints");
  }

  public Path tensorboard() {
    return path.resolve("tensorboard");
  }

  public Path savedModel() {
    return path.resolve("saved_model");
  }

  public Path samples() {
    return path.resolve("samples");
  }

  public String name() {
    return path.getFileName().toString();
  }
}
