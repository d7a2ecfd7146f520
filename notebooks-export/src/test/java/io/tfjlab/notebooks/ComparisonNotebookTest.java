package io.tfjlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonNotebookTest {
  @TempDir Path dir;

  private Path report() throws IOException {
    Path runs = dir.resolve("runs");
    Path a = Fixtures.finishedRun(runs, "cnn-mnist-100-3", 0.9415);
    Path b = Fixtures.finishedRun(runs, "mlp-mnist-100-1", 0.76);
    Path c = Fixtures.finishedRun(runs, "mlp-mnist-100-2", 0.74);
    Files.createDirectories(a.resolve("saved_model"));
    Files.createDirectories(c.resolve("saved_model"));
    return Fixtures.comparison(dir.resolve("reports"), "default", a, b, c);
  }

  @Test
  void tableProtocolFiguresAndOneCheckCellPerRow() throws IOException {
    Notebook nb = ComparisonNotebook.build(report());
    String md = NotebookText.markdown(nb);
    assertThat(md).contains("# Comparison default", "Preset **default** on **mnist**", "tfjlab compare",
        "100 balanced labels", "a validation split of 0.1", "read once per run", "mean ± standard deviation");
    assertThat(md).contains(
        "| CNN + augmentation | cnn | 100 | 94.15% | 1 | 1,190,346 | 15.0 min | 85–88% (86.50%), seed 000 |\n",
        "| MLP \\| baseline (reused runs) | mlp | 100 | 75.00% ± 1.23% | 2 | 669,706 | 52 s | — |\n");
    assertThat(NotebookText.figures(nb)).extracting(c -> c.source().lines().findFirst().orElseThrow())
        .containsExactly("# accuracy", "# parameters");
    List<Cell.Code> code = NotebookText.code(nb);
    List<Cell.Code> checks = code.stream().filter(c -> c.source().contains("test_accuracy(\"")).toList();
    assertThat(checks).hasSize(2);
    assertThat(checks.get(0).source()).startsWith("# CNN + augmentation\n")
        .contains("test_accuracy(\"../../runs/cnn-mnist-100-3/saved_model\")", "(tfjlab: 94.15%)");
    assertThat(checks.get(1).source()).contains("../../runs/mlp-mnist-100-2/saved_model", "(tfjlab: 74.00%)")
        .doesNotContain("mlp-mnist-100-1");
    assertThat(code.stream().filter(c -> c.source().contains("def test_accuracy"))).hasSize(1);
    // std is left out when n == 1
    assertThat(md).doesNotContain("94.15% ±");
  }

  @Test
  void writesReportIpynbDeterministically() throws IOException {
    Path report = report();
    Path out = ComparisonNotebook.write(report);
    assertThat(out).isEqualTo(report.resolve("report.ipynb"));
    byte[] first = Files.readAllBytes(out);
    ComparisonNotebook.write(report);
    assertThat(Files.readAllBytes(out)).isEqualTo(first);
  }

  @Test
  void withoutSavedModelsSaysHowToExport() throws IOException {
    Path runs = dir.resolve("runs");
    Path a = Fixtures.finishedRun(runs, "a", 0.9);
    Path report = Fixtures.comparison(dir.resolve("reports"), "x", a, a, a);
    Notebook nb = ComparisonNotebook.build(report);
    assertThat(NotebookText.code(nb)).allMatch(c -> c.source().contains("IPython.display"));
    assertThat(NotebookText.markdown(nb)).contains("./tfjlab export --run <run>");
  }

  @Test
  void notAReportDirectory() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("reports/none"));
    assertThatThrownBy(() -> ComparisonNotebook.write(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a report directory: " + empty + " (no comparison.json); pass a folder under reports/");
    assertThat(empty.resolve("report.ipynb")).doesNotExist();
  }
}
