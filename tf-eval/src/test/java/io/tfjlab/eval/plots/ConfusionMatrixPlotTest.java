package io.tfjlab.eval.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tfjlab.eval.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfusionMatrixPlotTest {

  @TempDir Path dir;

  @Test
  void writesHeatMapShadedByCount() throws Exception {
    ConfusionMatrix cm = new ConfusionMatrix(new long[][] {{50, 0, 3}, {2, 40, 0}, {0, 5, 45}});
    Path png = dir.resolve("out/cm.png");
    new ConfusionMatrixPlot(500, 400).write(cm, List.of("zero", "one", "two"), "MNIST test", png);
    BufferedImage img = PngAssert.readPng(png, 500, 400);
    // the largest count gets the full colour, the zero cells stay white
    assertThat(PngAssert.countNear(img, ConfusionMatrixPlot.HIGH, 3)).isGreaterThan(1000);
    assertThat(PngAssert.countNear(img, Color.WHITE, 0)).isGreaterThan(1000);
  }

  @Test
  void rendersDifferentImagesForDifferentCounts() {
    ConfusionMatrixPlot plot = new ConfusionMatrixPlot(300, 300);
    BufferedImage diagonal =
        plot.render(new ConfusionMatrix(new long[][] {{9, 0}, {0, 9}}), List.of("a", "b"), "t");
    BufferedImage off =
        plot.render(new ConfusionMatrix(new long[][] {{0, 9}, {9, 0}}), List.of("a", "b"), "t");
    int differing = 0;
    for (int y = 0; y < 300; y++) {
      for (int x = 0; x < 300; x++) {
        if (diagonal.getRGB(x, y) != off.getRGB(x, y)) {
          differing++;
        }
      }
    }
    assertThat(differing).isGreaterThan(5000);
  }

  @Test
  void rejectsWrongNames() {
    ConfusionMatrix cm = new ConfusionMatrix(new long[][] {{1, 0}, {0, 1}});
    assertThatThrownBy(() -> ConfusionMatrixPlot.defaults().render(cm, List.of("a"), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("got 1 class names for a confusion matrix of 2 classes");
    assertThatThrownBy(() -> ConfusionMatrixPlot.defaults().render(cm, List.of("a", "a"), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("class names must be distinct");
  }
}
