package corescale.stats.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One chart being drawn: adds series in the {@link ChartStyle}, remembering every y drawn so that
 * the y axis can be chosen at the end, then renders the PNG.
 */
final class Plot {

    private final ChartTitle title;
    private final XYChart chart;
    private final List<Double> ys = new ArrayList<>();
    private int hidden;

    Plot(ChartTitle title, String xTitle, String yTitle) {
        this.title = title;
        this.chart = ChartStyle.newChart(title, xTitle, yTitle);
    }

    /** The chart itself, for what only one kind of chart needs. */
    XYChart chart() {
        return chart;
    }

    XYSeries line(String name, double[] xs, double[] y, Color col, Marker marker, BasicStroke stroke, boolean inLegend) {
        // XChart names series uniquely; two runs or variants may share a label.
        String unique = name;
        while (chart.getSeriesMap().containsKey(unique)) {
            unique = unique + " ";
        }
        XYSeries s = chart.addSeries(unique, xs, y);
        s.setLineColor(col);
        s.setMarkerColor(col);
        s.setMarker(marker);
        s.setLineStyle(stroke);
        s.setShowInLegend(inLegend);
        for (double v : y) {
            ys.add(v);
        }
        return s;
    }

    /** An I-shaped 95% interval at x (a plain bar when xRange is null); skipped when unknown. */
    void whisker(double x, double low, double high, Color col, double[] xRange) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return;
        }
        double d = xRange == null ? 0 : xRange[1] > xRange[0] ? (xRange[1] - xRange[0]) * 0.008 : 0.05;
        // Not in the legend; XChart still needs a name no label can take.
        XYSeries s = chart.addSeries("\u0000w" + hidden++, new double[] {x - d, x + d, x, x, x - d, x + d},
                new double[] {low, low, low, high, high, high});
        s.setLineColor(col);
        s.setLineStyle(ChartStyle.THIN);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
        ys.add(low);
        ys.add(high);
    }

    /** A legend entry explaining a line style, drawn nowhere (one point, no marker). */
    void legendOnly(String label, BasicStroke stroke) {
        if (label == null || chart.getSeriesMap().isEmpty()) {
            return;
        }
        XYSeries any = chart.getSeriesMap().values().iterator().next();
        double x = any.getXData()[0];
        double y = any.getYData()[0];
        XYSeries s = chart.addSeries(label, new double[] {x}, new double[] {y});
        s.setLineColor(ChartStyle.GREY);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Chooses a log y axis when values span orders of magnitude; else starts at 0 if asked. */
    void finish(boolean zeroBased) {
        double lo = ys.stream().filter(v -> v > 0 && Double.isFinite(v)).mapToDouble(Double::doubleValue).min().orElse(1);
        double hi = ys.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(1);
        boolean anyNonPositive = ys.stream().anyMatch(v -> v <= 0);
        if (hi / lo > ChartStyle.LOG_SPAN && !anyNonPositive) {
            chart.getStyler().setYAxisLogarithmic(true);
            // Labels at every 1..9 × 10^k overlap once the axis spans more than ~1.5 decades;
            // then only decades are labelled. (XChart ignores a label formatter on log axes.)
            chart.getStyler().setYAxisLogarithmicDecadeOnly(Math.log10(hi / lo) > 1.5);
            chart.setYAxisTitle(chart.getYAxisTitle() + ", log scale");
        } else if (zeroBased) {
            chart.getStyler().setYAxisMin(0.0);
        }
    }

    /** The PNG, named {@code fileName}, with the title's text as its alt text. */
    ChartFile render(String fileName) {
        // Every x axis here counts something (cores, threads, point #): ask XChart for ticks about
        // one unit apart when that fits, rather than its default 1.5, 2.5 threads.
        double min = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getXMin).min().orElse(0);
        double max = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getXMax).max().orElse(1);
        // The hint is the least spacing between ticks, in pixels: a bit under one unit's width.
        // Longer than the axis, XChart drops every label, on both axes; hence the 400 px cap.
        double pixelsPerUnit = ChartStyle.PLOT_WIDTH / Math.max(1, max - min);
        chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.max(60, Math.min(400, 0.8 * pixelsPerUnit)));
        try {
            return new ChartFile(fileName, title.text(), png());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + fileName, e);
        }
    }

    /**
     * The chart as PNG: as XChart's {@code BitmapEncoder.getBitmapBytes} makes it, but drawn on
     * three bytes per pixel rather than one int (the same pixels, and the same PNG bytes), which
     * ImageIO's PNG writer encodes faster, and written through memory rather than ImageIO's
     * temporary file.
     */
    private byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            writer.setOutput(out);
            writer.write(image);
        } finally {
            writer.dispose();
        }
        return png.toByteArray();
    }
}
