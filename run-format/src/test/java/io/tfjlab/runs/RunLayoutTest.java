package io.tfjlab.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunLayoutTest {
  @Test
  void folderNamesAndTheirNumbers() {
    assertThat(RunLayout.baseName("cnn", "mnist", 100)).isEqualTo("cnn-mnist-100");
    assertThat(RunLayout.folderName(RunLayout.baseName("sgan", "fashion-mnist", 0), 12))
        .isEqualTo("sgan-fashion-mnist-all-12");
    assertThat(RunLayout.number(Path.of("runs/sgan-fashion-mnist-all-12"))).isEqualTo(12);
    assertThat(RunLayout.number(Path.of("runs/scratch"))).isEqualTo(-1);
    assertThat(RunLayout.sampleFile("dcgan", 5)).isEqualTo("dcgan-epoch-005.png");
    assertThat(ReportLayout.rowFigure("cnn-100", "learning-curves"))
        .isEqualTo("cnn-100-learning-curves.png");
  }

  @Test
  void pathsInsideTheRunFolder() {
    RunLayout run = new RunLayout(Path.of("runs/mlp-mnist-all-1"));
    assertThat(run.history()).isEqualTo(Path.of("runs/mlp-mnist-all-1/history.csv"));
    assertThat(run.checkpoint(RunLayout.LAST))
        .isEqualTo(Path.of("runs/mlp-mnist-all-1/checkpoints/last"));
    assertThat(run.figures().resolve(RunLayout.CONFUSION))
        .isEqualTo(Path.of("runs/mlp-mnist-all-1/figures/confusion-matrix.png"));
    assertThat(new ReportLayout(Path.of("reports/default")).comparisonJson())
        .isEqualTo(Path.of("reports/default/comparison.json"));
  }
}
