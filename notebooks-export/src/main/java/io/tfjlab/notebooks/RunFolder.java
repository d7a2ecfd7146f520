package io.tfjlab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.tfjlab.runs.RunLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a training run left in its folder ({@link RunLayout}): the manifest (always), the history,
 * results, evaluation, model summary, figures, generator samples and SavedModel when present.
 */
public record RunFolder(
    Path dir,
    JsonNode manifest,
    Optional<History> history,
    Optional<JsonNode> results,
    Optional<JsonNode> evaluation,
    Optional<String> summary,
    List<Path> figures,
    List<Path> samples,
    Optional<Path> savedModel) {

  /**
   * Reads a run folder.
   *
   * @throws IllegalArgumentException if {@code dir} has no {@code manifest.json} or a file is
   *     malformed
   */
  public static RunFolder read(Path dir) {
    Path abs = dir.toAbsolutePath().normalize();
    RunLayout layout = new RunLayout(abs);
    JsonNode manifest =
        JsonFiles.readIfPresent(layout.manifest())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "not a run directory: "
                            + abs
                            + " (no "
                            + RunLayout.MANIFEST
                            + "); pass a folder under runs/"));
    Optional<String> summary;
    try {
      Path s = layout.summary();
      summary = Files.isRegularFile(s) ? Optional.of(Files.readString(s)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> samples = pngs(layout.samples());
    Path savedModel = layout.savedModel();
    return new RunFolder(
        abs,
        manifest,
        History.read(layout.history()),
        JsonFiles.readIfPresent(layout.results()),
        JsonFiles.readIfPresent(layout.evaluation()),
        summary,
        pngs(layout.figures()),
        samples,
        Files.isDirectory(savedModel) ? Optional.of(savedModel) : Optional.empty());
  }

  /** The run's name: the manifest's {@code run}, else the folder name. */
  public String name() {
    return JsonFiles.text(manifest, "run", dir.getFileName().toString());
  }

  /** The manifest's {@code spec} (a missing node if absent). */
  public JsonNode spec() {
    return manifest.path("spec");
  }

  /** The data set: the spec's, else the manifest data's, else "mnist". */
  public String dataset() {
    return JsonFiles.text(
        spec(), "dataset", JsonFiles.text(manifest.path("data"), "dataset", "mnist"));
  }

  /** The test metric of results.json, if any. */
  public Optional<Double> testMetric() {
    return results.flatMap(r -> JsonFiles.number(r, "testMetric"));
  }

  /** The PNG files directly in {@code dir}, sorted by name; empty if the folder does not exist. */
  static List<Path> pngs(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".png"))
          .filter(Files::isRegularFile)
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A caption from a file name: "accuracy-vs_epoch.png" gives "accuracy vs epoch". */
  static String caption(Path png) {
    String name = png.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return (dot > 0 ? name.substring(0, dot) : name).replace('-', ' ').replace('_', ' ').strip();
  }
}
