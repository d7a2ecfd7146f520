package io.tfjlab.eval.plots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScatterPlotTest {

  @TempDir Path dir;

  @Test
  void colorsEachClassDifferently() throws Exception {
    Random r = new Random(1);
    int n = 300;
    double[][] pts = new double[n][];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 3;
      pts[i] = new double[] {labels[i] * 10 + r.nextGaussian(), r.nextGaussian()};
    }
    Path png = dir.resolve("a/b/tsne.png");
    new ScatterPlot(600, 500, 6).write(pts, labels, List.of("zero", "one", "two"), "t-SNE", png);
    BufferedImage img = PngAssert.readPng(png, 600, 500);
    for (int c = 0; c < 3; c++) {
      assertThat(PngAssert.countNear(img, Palette.of(c), 8)).as("class %d", c).isGreaterThan(200);
    }
    // a class with no point is not drawn
    assertThat(PngAssert.countNear(img, Palette.of(3), 8)).isLessThan(20);
  }

  @Test
  void rejectsMismatchedInput() {
    ScatterPlot plot = ScatterPlot.defaults();
    assertThatThrownBy(
            () -> plot.render(new double[][] {{0, 0}, {1, 1}}, new int[] {0}, List.of("a"), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("got 2 points but 1 labels");
    assertThatThrownBy(() -> plot.render(new double[][] {{0, 0}}, new int[] {1}, List.of("a"), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label of point 0 is 1, outside [0, 1)");
    assertThatThrownBy(
            () -> plot.render(new double[][] {{0, 0, 0}}, new int[] {0}, List.of("a"), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("point 0 is not 2-D");
    assertThatThrownBy(() -> plot.render(new double[0][], new int[0], List.of("a"), "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scatter plot needs at least one point");
  }
}
