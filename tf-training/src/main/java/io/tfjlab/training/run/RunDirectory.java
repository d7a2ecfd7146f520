package io.tfjlab.training.run;

import io.tfjlab.runs.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's own folder, {@code runs/<model>-<dataset>-<labels>-<n>/}: never reuses an existing one
 * (the number is the first free one, claimed atomically). The names inside are {@link RunLayout}'s.
 */
public record RunDirectory(Path path) {
  public static final String MANIFEST = RunLayout.MANIFEST;
  public static final String HISTORY = RunLayout.HISTORY;
  public static final String RESULTS = RunLayout.RESULTS;
  public static final String LABELED = RunLayout.LABELED;
  public static final String SUMMARY = RunLayout.SUMMARY;
  public static final String PREDICTIONS = RunLayout.PREDICTIONS;

  /** Creates a new run folder under {@code root}. */
  public static RunDirectory create(Path root, String model, String dataset, int labels) {
    String base = RunLayout.baseName(model, dataset, labels);
    try {
      Files.createDirectories(root);
      for (int n = 1; ; n++) {
        Path p = root.resolve(RunLayout.folderName(base, n));
        try {
          Files.createDirectory(p);
          return new RunDirectory(p);
        } catch (FileAlreadyExistsException taken) {
          // next number
        }
      }
    } catch (java.nio.file.FileSystemException e) {
      // a read-only or foreign folder: the user's to fix, before anything was trained
      String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
      throw new IllegalArgumentException(
          "cannot create a run folder under "
              + root
              + " ("
              + reason
              + "); give a writable folder with --runs-dir",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a run folder under " + root + ": " + e.getMessage(), e);
    }
  }

  /** An existing run folder, checked to hold a manifest. */
  public static RunDirectory open(Path path) {
    if (!Files.isRegularFile(path.resolve(MANIFEST))) {
      throw new IllegalArgumentException(
          path
              + " is not a run folder (no "
              + MANIFEST
              + "); pass a folder under runs/, e.g. runs/cnn-mnist-all-1");
    }
    return new RunDirectory(path);
  }

  /** The names of this folder's files. */
  public RunLayout layout() {
    return new RunLayout(path);
  }

  public Path manifest() {
    return layout().manifest();
  }

  public Path history() {
    return layout().history();
  }

  public Path results() {
    return layout().results();
  }

  /** The Keras-style model summary, written when the run starts. */
  public Path summary() {
    return layout().summary();
  }

  /**
   * Per test image: true class and predicted class, from the one test pass at the end
   * (classifiers).
   */
  public Path predictions() {
    return layout().predictions();
  }

  public Path checkpoints() {
    return layout().checkpoints();
  }

  public Path tensorboard() {
    return layout().tensorboard();
  }

  public Path savedModel() {
    return layout().savedModel();
  }

  public Path samples() {
    return layout().samples();
  }

  public String name() {
    return path.getFileName().toString();
  }
}
