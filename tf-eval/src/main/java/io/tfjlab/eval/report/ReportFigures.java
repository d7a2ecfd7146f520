package io.tfjlab.eval.report;

import io.tfjlab.eval.compare.ComparisonReport;
import io.tfjlab.eval.compare.RowResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The figures of a comparison report: for each row, its first run's learning curves and confusion
 * matrix and, for generators, the last sample grid; named {@code <row>-<figure>.png}.
 */
public final class ReportFigures {
  private ReportFigures() {}

  public static void write(ComparisonReport report, Path figures) {
    try {
      Files.createDirectories(figures);
      for (RowResult row : report.rows()) {
        Path run = Path.of(row.runs().get(0));
        copy(run.resolve(RunArtifacts.FIGURES).resolve(RunArtifacts.LEARNING_CURVES),
            figures.resolve(row.id() + "-learning-curves.png"));
        copy(run.resolve(RunArtifacts.FIGURES).resolve(RunArtifacts.CONFUSION),
            figures.resolve(row.id() + "-confusion-matrix.png"));
        lastSample(run).ifPresent(s -> copy(s, figures.resolve(row.id() + "-generated-samples.png")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the figures of " + figures + ": " + e.getMessage(), e);
    }
  }

  private static java.util.Optional<Path> lastSample(Path run) throws IOException {
    Path samples = run.resolve("samples");
    if (!Files.isDirectory(samples)) {
      return java.util.Optional.empty();
    }
    try (Stream<Path> s = Files.list(samples)) {
      List<Path> pngs = s.filter(p -> p.toString().endsWith(".png")).sorted(Comparator.naturalOrder()).toList();
      return pngs.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(pngs.get(pngs.size() - 1));
    }
  }

  private static void copy(Path from, Path to) {
    if (!Files.isRegularFile(from)) {
      return;
    }
    try {
      Path tmp = to.resolveSibling("." + to.getFileName() + ".tmp");
      Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
