package io.tfjlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCsvTest {
  @TempDir Path dir;

  @Test
  void appendWritesTheHeaderOnceAndSixSignificantDigits() throws Exception {
    Path csv = dir.resolve(RunLayout.HISTORY);
    HistoryCsv.append(
        csv,
        new HistoryCsv.Row(
            "classifier", 1, 0.1919981234, 0.942685, "acc", 0.0709451, 0.979, 0.001, 28.98351));
    HistoryCsv.append(
        csv,
        new HistoryCsv.Row(
            "sgan", 12, 2.5, 1.0 / 3, "acc", Double.NaN, Double.NaN, 3e-4, 1234.5678));
    assertThat(Files.readString(csv))
        .isEqualTo(
            """
        phase,epoch,loss,metric,metric_name,val_loss,val_metric,lr,seconds
        classifier,1,0.191998,0.942685,acc,0.0709451,0.979000,0.00100000,28.9835
        sgan,12,2.50000,0.333333,acc,,,0.000300000,1234.57
        """);
  }

  @Test
  void readGivesTheHeaderAndTheCellsAsWritten() throws Exception {
    Path csv = dir.resolve(RunLayout.HISTORY);
    HistoryCsv.append(
        csv,
        new HistoryCsv.Row("pretrain", 1, 0.5, 0.8, "mse", Double.NaN, Double.NaN, 0.003, 10.5));
    Files.writeString(
        csv, Files.readString(csv) + "\n  \n", java.nio.charset.StandardCharsets.UTF_8);
    HistoryCsv.Table t = HistoryCsv.read(csv);
    assertThat(t.columns()).isEqualTo(HistoryCsv.COLUMNS);
    assertThat(t.rows())
        .containsExactly(
            List.of(
                "pretrain", "1", "0.500000", "0.800000", "mse", "", "", "0.00300000", "10.5000"));
    assertThat(t.column(HistoryCsv.VAL_LOSS)).isEqualTo(5);
    assertThat(t.column("g_loss")).isEqualTo(-1);
    assertThat(HistoryCsv.parse(List.of()).columns()).isEmpty();
  }

  @Test
  void trimAfterKeepsTheRowsUpToTheRestoredEpoch() throws Exception {
    Path csv = dir.resolve(RunLayout.HISTORY);
    for (String phase : List.of("autoencoder", "classifier")) {
      for (int e = 1; e <= 3; e++) {
        HistoryCsv.append(csv, new HistoryCsv.Row(phase, e, e, e, "acc", e, e, 0.1, 1));
      }
    }
    HistoryCsv.trimAfter(csv, List.of("autoencoder", "classifier"), 1, 2);
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1 + 3 + 2);
    assertThat(lines.get(lines.size() - 1)).startsWith("classifier,2,");
    HistoryCsv.trimAfter(dir.resolve("none.csv"), List.of("a"), 0, 0);
    assertThat(dir.resolve("none.csv")).doesNotExist();
  }
}
