package io.tfjlab.eval.report;

import io.tfjlab.eval.compare.ComparisonReport;
import io.tfjlab.eval.compare.RowResult;
import io.tfjlab.runs.ReportLayout;
import io.tfjlab.runs.RunLayout;
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
        RunLayout run = new RunLayout(Path.of(row.runs().get(0)));
        copy(
            run.figures().resolve(RunLayout.LEARNING_CURVES),
            figures.resolve(ReportLayout.rowFigure(row.id(), "learning-curves")));
        copy(
            run.figures().resolve(RunLayout.CONFUSION),
            figures.resolve(ReportLayout.rowFigure(row.id(), "confusion-matrix")));
        lastSample(run)
            .ifPresent(
                s ->
                    copy(
                        s, figures.resolve(ReportLayout.rowFigure(row.id(), "generated-samples"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the figures of " + figures + ": " + e.getMessage(), e);
    }
  }

  private static java.util.Optional<Path> lastSample(RunLayout run) throws IOException {
    Path samples = run.samples();
    if (!Files.isDirectory(samples)) {
      return java.util.Optional.empty();
    }
    try (Stream<Path> s = Files.list(samples)) {
      List<Path> pngs =
          s.filter(p -> p.toString().endsWith(".png")).sorted(Comparator.naturalOrder()).toList();
      return pngs.isEmpty()
          ? java.util.Optional.empty()
          : java.util.Optional.of(pngs.get(pngs.size() - 1));
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
      throw new UncheckedIOException(
          "cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }
}
