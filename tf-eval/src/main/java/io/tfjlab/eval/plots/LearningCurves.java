package io.tfjlab.eval.plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Learning-curve PNG of a run's {@code history.csv}: one row per training phase (all phases, in
 * file order), each row with two panels side by side: loss and val_loss per epoch (left), metric
 * and val_metric per epoch (right, the axis named by {@code metric_name}, e.g. "acc"). Empty cells
 * are left out of a curve; a curve with no value is not drawn.
 *
 * @param panelWidth width of one panel in pixels (the image is twice as wide)
 * @param panelHeight height of one panel in pixels (the image is that times the number of phases)
 */
public record LearningCurves(int panelWidth, int panelHeight) {

  /** Checks the sizes. */
  public LearningCurves {
    if (panelWidth < 100 || panelHeight < 100) {
      throw new IllegalArgumentException(
          "panel must be at least 100x100 pixels, got " + panelWidth + "x" + panelHeight);
    }
  }

  /** 600 x 400 pixel panels. */
  public static LearningCurves defaults() {
    return new LearningCurves(600, 400);
  }

  /** Reads {@code historyCsv} and writes the PNG; the title is the run folder's name. */
  public void write(Path historyCsv, Path png) {
    Path parent = historyCsv.toAbsolutePath().getParent();
    String title =
        parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
    write(TrainingHistory.read(historyCsv), title, png);
  }

  /** Writes the PNG of {@code history}; {@code title} prefixes each row's phase name. */
  public void write(TrainingHistory history, String title, Path png) {
    PngFiles.write(render(history, title), png);
  }

  /** Renders the image: width {@code 2 * panelWidth}, height {@code phases * panelHeight}. */
  public BufferedImage render(TrainingHistory history, String title) {
    List<TrainingHistory.Phase> phases = history.phases();
    BufferedImage image =
        new BufferedImage(2 * panelWidth, phases.size() * panelHeight, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      for (int row = 0; row < phases.size(); row++) {
        TrainingHistory.Phase p = phases.get(row);
        String prefix = (title == null || title.isBlank() ? "" : title + " - ") + p.name();
        XYChart loss = chart(prefix + ": loss", "loss", Styler.LegendPosition.InsideNE);
        addSeries(loss, "loss", p.epoch(), p.loss(), Palette.of(0));
        addSeries(loss, "val_loss", p.epoch(), p.valLoss(), Palette.of(1));
        XYChart metric =
            chart(prefix + ": " + p.metricName(), p.metricName(), Styler.LegendPosition.InsideSE);
        addSeries(metric, p.metricName(), p.epoch(), p.metric(), Palette.of(0));
        addSeries(metric, "val_" + p.metricName(), p.epoch(), p.valMetric(), Palette.of(1));
        paint(g, loss, 0, row * panelHeight);
        paint(g, metric, panelWidth, row * panelHeight);
      }
    } finally {
      g.dispose();
    }
    return image;
  }

  private XYChart chart(String title, String yTitle, Styler.LegendPosition legend) {
    XYChart chart =
        new XYChartBuilder()
            .width(panelWidth)
            .height(panelHeight)
            .title(title)
            .xAxisTitle("epoch")
            .yAxisTitle(yTitle)
            .build();
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setLegendPosition(legend);
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    chart.getStyler().setXAxisDecimalPattern("#");
    return chart;
  }

  private static void addSeries(XYChart chart, String name, double[] x, double[] y, Color color) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
        xs.add(x[i]);
        ys.add(y[i]);
      }
    }
    if (xs.isEmpty()) {
      return;
    }
    XYSeries series = chart.addSeries(name, xs, ys);
    series.setLineColor(color);
    series.setMarkerColor(color);
    series.setMarker(xs.size() <= 60 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
  }

  private void paint(Graphics2D g, XYChart chart, int x, int y) {
    Graphics2D sub = (Graphics2D) g.create(x, y, panelWidth, panelHeight);
    try {
      if (chart.getSeriesMap().isEmpty()) {
        sub.setColor(Color.WHITE);
        sub.fillRect(0, 0, panelWidth, panelHeight);
        sub.setColor(Color.DARK_GRAY);
        sub.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        sub.drawString(chart.getTitle() + " (no values)", 20, 30);
      } else {
        chart.paint(sub, panelWidth, panelHeight);
      }
    } finally {
      sub.dispose();
    }
  }
}
