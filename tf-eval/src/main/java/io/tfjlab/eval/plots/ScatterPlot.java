package io.tfjlab.eval.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * 2-D points coloured by class ({@link Palette#of(int)}) with a legend of class names, e.g. a t-SNE
 * map. Classes with no point are left out of the legend.
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param markerSize marker diameter in pixels
 */
public record ScatterPlot(int width, int height, int markerSize) {

  /** Checks the sizes. */
  public ScatterPlot {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException(
          "image must be at least 100x100 pixels, got " + width + "x" + height);
    }
    if (markerSize < 1) {
      throw new IllegalArgumentException("marker size must be at least 1, got " + markerSize);
    }
  }

  /** 800 x 700 pixels, 5-pixel markers. */
  public static ScatterPlot defaults() {
    return new ScatterPlot(800, 700, 5);
  }

  /** Writes the PNG. */
  public void write(
      double[][] points, int[] labels, List<String> classNames, String title, Path png) {
    PngFiles.write(render(points, labels, classNames, title), png);
  }

  /**
   * Renders the scatter plot.
   *
   * @param points n rows of (x, y)
   * @param labels class of each point, in {@code [0, classNames.size())}
   * @throws IllegalArgumentException on empty input, mismatched lengths, a row that is not 2-D, a
   *     non-finite coordinate or a label out of range
   */
  public BufferedImage render(
      double[][] points, int[] labels, List<String> classNames, String title) {
    if (points == null || labels == null || points.length == 0) {
      throw new IllegalArgumentException("scatter plot needs at least one point");
    }
    if (points.length != labels.length) {
      throw new IllegalArgumentException(
          "got " + points.length + " points but " + labels.length + " labels");
    }
    if (classNames == null || classNames.isEmpty()) {
      throw new IllegalArgumentException("scatter plot needs class names");
    }
    int k = classNames.size();
    if (new HashSet<>(classNames).size() != k) {
      throw new IllegalArgumentException("class names must be distinct: " + classNames);
    }
    List<List<Double>> xs = new ArrayList<>();
    List<List<Double>> ys = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      xs.add(new ArrayList<>());
      ys.add(new ArrayList<>());
    }
    for (int i = 0; i < points.length; i++) {
      if (points[i] == null || points[i].length != 2) {
        throw new IllegalArgumentException("point " + i + " is not 2-D");
      }
      if (!Double.isFinite(points[i][0]) || !Double.isFinite(points[i][1])) {
        throw new IllegalArgumentException(
            "point " + i + " is not finite: (" + points[i][0] + ", " + points[i][1] + ")");
      }
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IllegalArgumentException(
            "label of point " + i + " is " + labels[i] + ", outside [0, " + k + ")");
      }
      xs.get(labels[i]).add(points[i][0]);
      ys.get(labels[i]).add(points[i][1]);
    }
    XYChart chart =
        new XYChartBuilder().width(width).height(height).title(title == null ? "" : title).build();
    XYStyler s = chart.getStyler();
    s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarkerSize(markerSize);
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setLegendPosition(Styler.LegendPosition.OutsideE);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    for (int c = 0; c < k; c++) {
      if (xs.get(c).isEmpty()) {
        continue;
      }
      XYSeries series = chart.addSeries(classNames.get(c), xs.get(c), ys.get(c));
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(Palette.of(c));
    }
    return BitmapEncoder.getBufferedImage(chart);
  }
}
