package io.tfjlab.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The comparison notebook of the real report folder in the fixtures (see {@link Fixtures}). */
class ComparisonNotebookTest {
  @TempDir Path dir;

  /**
   * The fixture report; the MLP row's second run and the GAN run have a saved_model/, the first MLP
   * run not.
   */
  private Path report() throws IOException {
    Path runs = dir.resolve("runs");
    Path report = Fixtures.comparison(dir.resolve("reports"), runs);
    Files.createDirectories(runs.resolve(Fixtures.MLP_SEED_2).resolve("saved_model"));
    Files.createDirectories(runs.resolve(Fixtures.SGAN).resolve("saved_model"));
    return report;
  }

  @Test
  void tableProtocolFiguresAndOneCheckCellPerRow() throws IOException {
    Notebook nb = ComparisonNotebook.build(report());
    String md = NotebookText.markdown(nb);
    assertThat(md)
        .contains(
            "# Comparison fixture",
            "Preset **test** on **synthetic-digits**",
            "tfjlab compare (RunFolderRoundTripTest)",
            "100 balanced labels",
            "a validation split of 0.1",
            "read once per run",
            "mean ± standard deviation");
    // comparison.json's reused is a count of runs; both rows' runs were all reused
    // (train times are the fixture's wall times, whatever its regeneration measured)
    assertThat(md)
        .containsPattern(
            "\\| MLP, 100 labels \\(reused runs\\) \\| mlp \\| 100 \\| 84\\.25% ± 0\\.35% \\| 2 \\| 141,910 \\| 6 ep × 5 steps \\| \\d+ s \\| "
                + "90% \\(90\\.00%\\), test fixture \\|\n");
    assertThat(md)
        .containsPattern(
            "\\| Semi-supervised GAN, MLP discriminator \\(reused runs\\) \\| sgan \\| 100 \\| "
                + "10\\.50% \\| 1 \\| 1,541,020 \\| 1 ep ≤ 2 batches \\| \\d+ s \\| — \\|\n");
    assertThat(NotebookText.figures(nb))
        .extracting(c -> c.source().lines().findFirst().orElseThrow())
        .containsExactly(
            "# mlp 100 confusion matrix",
            "# mlp 100 learning curves",
            "# sgan mlp 100 confusion matrix",
            "# sgan mlp 100 generated samples",
            "# sgan mlp 100 learning curves");
    List<Cell.Code> code = NotebookText.code(nb);
    List<Cell.Code> checks =
        code.stream().filter(c -> c.source().contains("test_accuracy(\"")).toList();
    assertThat(checks).hasSize(2);
    assertThat(checks.get(0).source())
        .startsWith("# MLP, 100 labels\n")
        .contains(
            "test_accuracy(\"../../runs/mlp-synthetic-digits-100-2/saved_model\")",
            "(tfjlab: 84.50%)")
        .doesNotContain("mlp-synthetic-digits-100-1");
    assertThat(checks.get(1).source())
        .contains("../../runs/sgan-synthetic-digits-100-1/saved_model", "(tfjlab: 10.50%)");
    assertThat(code.stream().filter(c -> c.source().contains("def test_accuracy"))).hasSize(1);
    // std is left out when n == 1
    assertThat(md).doesNotContain("10.50% ±");
  }

  @Test
  void reusedCountsTheRowsRunsThatWereFinishedBefore() throws IOException {
    Path report = report();
    Path json = report.resolve("comparison.json");
    String full = Files.readString(json);
    Files.writeString(json, full.replace("\"reused\" : 2", "\"reused\" : 0"));
    assertThat(NotebookText.markdown(ComparisonNotebook.build(report)))
        .contains(
            "| MLP, 100 labels | mlp |",
            "| Semi-supervised GAN, MLP discriminator (reused runs) |");
    Files.writeString(json, full.replace("\"reused\" : 2", "\"reused\" : 1"));
    assertThat(NotebookText.markdown(ComparisonNotebook.build(report)))
        .contains("| MLP, 100 labels (1 of 2 runs reused) |");
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
    Path report = Fixtures.comparison(dir.resolve("reports"), dir.resolve("runs"));
    Notebook nb = ComparisonNotebook.build(report);
    assertThat(NotebookText.code(nb)).allMatch(c -> c.source().contains("IPython.display"));
    assertThat(NotebookText.markdown(nb)).contains("./tfjlab export --run <run>");
  }

  @Test
  void notAReportDirectory() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("reports/none"));
    assertThatThrownBy(() -> ComparisonNotebook.write(empty))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "not a report directory: "
                + empty
                + " (no comparison.json); pass a folder under reports/");
    assertThat(empty.resolve("report.ipynb")).doesNotExist();
  }
}
