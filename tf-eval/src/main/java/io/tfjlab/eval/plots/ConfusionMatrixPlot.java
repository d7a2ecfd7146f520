package io.tfjlab.eval.plots;

import io.tfjlab.eval.metrics.ConfusionMatrix;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;

/**
 * Heat map of a {@link ConfusionMatrix}: predicted classes on the x axis, actual classes on the y
 * axis (first class at the top), the count written in every cell, white for 0 shading to {@link
 * #HIGH} for the largest count.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 */
public record ConfusionMatrixPlot(int width, int height) {

  /** Colour of the largest count. */
  public static final Color HIGH = new Color(0x3a7dc9);

  /** Checks the size. */
  public ConfusionMatrixPlot {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException(
          "image must be at least 100x100 pixels, got " + width + "x" + height);
    }
  }

  /** 700 x 600 pixels. */
  public static ConfusionMatrixPlot defaults() {
    return new ConfusionMatrixPlot(700, 600);
  }

  /** Writes the PNG. */
  public void write(ConfusionMatrix matrix, List<String> classNames, String title, Path png) {
    PngFiles.write(render(matrix, classNames, title), png);
  }

  /**
   * Renders the heat map.
   *
   * @throws IllegalArgumentException if the number of names differs from the number of classes
   */
  public BufferedImage render(ConfusionMatrix matrix, List<String> classNames, String title) {
    matrix.checkClassNames(classNames);
    int k = matrix.numClasses();
    if (new HashSet<>(classNames).size() != k) {
      throw new IllegalArgumentException("class names must be distinct: " + classNames);
    }
    List<String> yNames = new ArrayList<>(classNames);
    Collections.reverse(yNames); // the y axis grows upwards: put class 0 on top
    List<Number[]> cells = new ArrayList<>();
    long max = 0;
    for (int a = 0; a < k; a++) {
      for (int p = 0; p < k; p++) {
        long c = matrix.count(a, p);
        max = Math.max(max, c);
        cells.add(new Number[] {p, k - 1 - a, c});
      }
    }
    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(width)
            .height(height)
            .title(title == null ? "" : title)
            .xAxisTitle("predicted")
            .yAxisTitle("actual")
            .build();
    chart
        .getStyler()
        .setShowValue(true)
        .setRangeColors(new Color[] {Color.WHITE, HIGH})
        .setMin(0)
        .setMax(Math.max(1, max))
        .setHeatMapDecimalValueFormatter(v -> Long.toString(Math.round(v)))
        .setValueFont(new Font(Font.SANS_SERIF, Font.BOLD, k <= 12 ? 14 : 10))
        .setValueFontColor(Color.BLACK);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    chart.addSeries("counts", classNames, yNames, cells);
    return BitmapEncoder.getBufferedImage(chart);
  }
}
