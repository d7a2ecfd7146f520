package io.tfjlab.eval.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurvesTest {

  static final String HEADER = io.tfjlab.runs.HistoryCsv.header();

  @TempDir Path dir;

  @Test
  void readsColumnsByHeaderNameAndSplitsPhases() {
    // columns in another order, and one tfjlab does not write, are found by name or ignored
    TrainingHistory h =
        TrainingHistory.parse(
            List.of(
                "epoch,phase,extra,loss,metric,metric_name,val_loss,val_metric,lr,seconds",
                "1,gan,0.9,1.5,0.5,acc,,,0.001,1.0",
                "2,gan,0.8,1.2,0.6,acc,,,0.001,1.0",
                "1,classifier,0.1,0.7,0.8,acc,0.6,0.85,0.001,1.0"),
            "test");
    assertThat(h.phases())
        .extracting(TrainingHistory.Phase::name)
        .containsExactly("gan", "classifier");
    TrainingHistory.Phase gan = h.phases().get(0);
    assertThat(gan.epoch()).containsExactly(1, 2);
    assertThat(gan.loss()).containsExactly(1.5, 1.2);
    assertThat(gan.metric()).containsExactly(0.5, 0.6);
    assertThat(gan.valLoss()[0]).isNaN();
    assertThat(gan.metricName()).isEqualTo("acc");
    assertThat(h.lastPhase().valMetric()).containsExactly(0.85);
  }

  @Test
  void writesTwoPanelsPerPhase() throws Exception {
    Path csv = dir.resolve("run-1/history.csv");
    Files.createDirectories(csv.getParent());
    Files.write(
        csv,
        List.of(
            HEADER,
            "classifier,1,0.69,0.84,acc,0.42,0.89,0.001,0.5",
            "classifier,2,0.40,0.90,acc,0.35,0.91,0.001,0.5",
            "classifier,3,0.30,0.93,acc,0.31,0.92,0.001,0.5",
            "finetune,1,0.20,0.95,acc,0.30,0.93,0.0001,0.5",
            "finetune,2,0.18,0.96,acc,,,0.0001,0.5"));
    Path png = dir.resolve("plots/nested/curves.png");
    new LearningCurves(400, 300).write(csv, png);
    BufferedImage img = PngAssert.readPng(png, 800, 600);
    // both series colours appear: training curves in tab10 blue, validation in orange
    assertThat(PngAssert.countNear(img, Palette.of(0), 10)).isGreaterThan(50);
    assertThat(PngAssert.countNear(img, Palette.of(1), 10)).isGreaterThan(50);
  }

  @Test
  void aPhaseWithoutValuesStillRenders() throws Exception {
    // like a diverged run: loss column empty throughout
    Path csv = dir.resolve("history.csv");
    Files.write(csv, List.of(HEADER, "classifier,1,,0.09,acc,,0.098,0.1,0.8"));
    Path png = dir.resolve("curves.png");
    LearningCurves.defaults().write(csv, png);
    PngAssert.readPng(png, 1200, 400);
  }

  @Test
  void overwritesAnExistingFile() throws Exception {
    Path csv = dir.resolve("history.csv");
    Files.write(csv, List.of(HEADER, "c,1,0.5,0.8,acc,0.4,0.9,0.1,1"));
    Path png = dir.resolve("curves.png");
    Files.writeString(png, "old");
    new LearningCurves(200, 150).write(csv, png);
    PngAssert.readPng(png, 400, 150);
  }

  @Test
  void rejectsEmptyHistories() throws Exception {
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "");
    assertThatThrownBy(() -> LearningCurves.defaults().write(empty, dir.resolve("x.png")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("empty.csv is empty: no header");
    Path headerOnly = dir.resolve("header.csv");
    Files.writeString(headerOnly, HEADER + "\n");
    assertThatThrownBy(() -> LearningCurves.defaults().write(headerOnly, dir.resolve("x.png")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("header.csv has a header but no rows");
    assertThat(dir.resolve("x.png")).doesNotExist();
  }

  @Test
  void rejectsMalformedRows() {
    assertThatThrownBy(
            () -> TrainingHistory.parse(List.of("phase,epoch,metric", "c,1,0.5"), "h.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("h.csv lacks column 'loss' in header phase,epoch,metric");
    assertThatThrownBy(() -> TrainingHistory.parse(List.of(HEADER, "c,1,0.5"), "h.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("h.csv row 1 has 3 fields, header has 9");
    assertThatThrownBy(
            () -> TrainingHistory.parse(List.of(HEADER, "c,1,abc,0.8,acc,0.4,0.9,0.1,1"), "h.csv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("h.csv row 1 column 'loss' is not a number: 'abc'");
  }
}
