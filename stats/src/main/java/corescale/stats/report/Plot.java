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
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One chart being drawn: adds series in the {@link ChartStyle}, remembering every y drawn so that
 * the y axis can be chosen at the end, then renders the PNG.
 *
 * <p>Over a count (cores, threads) the x axis is log2: doubling N, as sweeps do, is one step, and
 * XChart's ticks, one step apart, fall on 1, 2, 4, 8, ... and nowhere between (no "1.5 cores").
 * Callers pass N; the plot places it.
 */
final class Plot {

    /** Width, in log2 steps, over which the series at one N are spread (see {@link #points}). */
    private static final double DODGE = 0.24;
    /** Half the width of a whisker's caps, in log2 steps. */
    private static final double CAP = 0.02;

    private final ChartTitle title;
    private final XYChart chart;
    private final List<String> titleLines;
    /** x is log2(N) rather than N itself. */
    private final boolean counts;
    /** About how wide the plot area is, in pixels: the chart's width less the y axis and a legend beside it. */
    private final double plotWidth;
    private final List<Double> ys = new ArrayList<>();
    /** The least and largest x position of an N drawn (before any spread around it). */
    private double xMin = Double.POSITIVE_INFINITY;
    private double xMax = Double.NEGATIVE_INFINITY;
    private int hidden;

    private Plot(ChartTitle title, XYChart chart, boolean counts, double plotWidth) {
        this.title = title;
        this.chart = chart;
        this.counts = counts;
        this.plotWidth = plotWidth;
        this.titleLines = title.onChartLines();
        setTitle();
    }

    /** A chart against a count (cores, threads): log2 x axis labelled with the counts. */
    static Plot overCounts(ChartTitle title, String xTitle, String yTitle) {
        XYChart chart = ChartStyle.newChart(xTitle, yTitle);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Plot::countLabel);
        return new Plot(title, chart, true, ChartStyle.PLOT_WIDTH);
    }

    /**
     * As {@link #overCounts}, with the legend under the plot, one entry a line, for {@code entries}
     * long labels (a machine's CPU and JDK): beside the plot they would leave it too narrow for its
     * title and its ticks. The chart grows by the legend's height, so the plot keeps its own.
     */
    static Plot overCountsLegendBelow(ChartTitle title, String xTitle, String yTitle, int entries) {
        XYChart chart = ChartStyle.newChart(xTitle, yTitle, ChartStyle.HEIGHT + entries * ChartStyle.ROW_HEIGHT);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(Plot::countLabel);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        return new Plot(title, chart, true, ChartStyle.PLOT_WIDTH_LEGEND_BELOW);
    }

    /** A chart with a linear x axis, {@code height} pixels high. */
    static Plot linear(ChartTitle title, String xTitle, String yTitle, int height) {
        return new Plot(title, ChartStyle.newChart(xTitle, yTitle, height), false, ChartStyle.PLOT_WIDTH);
    }

    /** The chart itself, for what only one kind of chart needs. */
    XYChart chart() {
        return chart;
    }

    /** The title as drawn, one entry per line. */
    List<String> titleLines() {
        return titleLines;
    }

    /**
     * XChart draws a title on one line, cut at the chart's edges: a longer one is drawn as lines of
     * text (annotations) in the room a blank title with enough padding leaves above the plot.
     */
    private void setTitle() {
        if (titleLines.size() == 1) {
            chart.setTitle(titleLines.get(0));
            return;
        }
        chart.setTitle(" ");
        var st = chart.getStyler();
        st.setChartTitlePadding(titleLines.size() * ChartStyle.TITLE_LINE_HEIGHT / 2 + 2);
        for (int i = 0; i < titleLines.size(); i++) {
            // Screen y counts up from the bottom edge, to the middle of the line.
            double middleFromTop = st.getChartPadding() + 2 + ChartStyle.TITLE_LINE_HEIGHT * (i + 0.5);
            chart.addAnnotation(new AnnotationText(titleLines.get(i), chart.getWidth() / 2.0,
                    chart.getHeight() - middleFromTop, true));
        }
    }

    /** Where N goes on the x axis. */
    double x(double n) {
        return counts ? Math.log(n) / Math.log(2) : n;
    }

    /** The label of a tick at x position {@code x} of a count axis: the count, 2^x. */
    static String countLabel(double x) {
        return Fmt.n(Math.rint(Math.pow(2, x) * 1e6) / 1e6);
    }

    /**
     * A measured series: markers joined by a line in its {@link ChartStyle.Look}, and where known
     * each point's 95% interval as an I-shaped whisker. Over a count, the {@code slots} series of a
     * chart are spread a little around each N (at most {@value #DODGE} of a doubling in all), so that
     * equal values and their whiskers stay apart; the tick marks N.
     *
     * @param slot this series' place among them, from 0
     */
    XYSeries points(String name, double[] ns, double[] y, double[] low, double[] high, ChartStyle.Look look,
                    int slot, int slots) {
        double shift = counts && slots > 1 ? DODGE * (slot / (slots - 1.0) - 0.5) : 0;
        double[] xs = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            xs[i] = x(ns[i]) + shift;
            spans(x(ns[i]));
        }
        XYSeries s = add(name, xs, y, look.color(), look.marker(), look.stroke(), true);
        for (int i = 0; i < ns.length; i++) {
            whisker(xs[i], low[i], high[i], look.color());
        }
        return s;
    }

    /** A line through (N, y) without markers: a fit, an ideal, a reference. */
    XYSeries curve(String name, double[] ns, double[] y, Color col, BasicStroke stroke, boolean inLegend) {
        double[] xs = new double[ns.length];
        for (int i = 0; i < ns.length; i++) {
            xs[i] = x(ns[i]);
            spans(xs[i]);
        }
        return add(name, xs, y, col, SeriesMarkers.NONE, stroke, inLegend);
    }

    /** A series at x positions (not N), not in the legend: for the shapes a chart draws itself. */
    XYSeries shape(double[] xs, double[] y, Color col, BasicStroke stroke) {
        return add(hiddenName(), xs, y, col, SeriesMarkers.NONE, stroke, false);
    }

    private XYSeries add(String name, double[] xs, double[] y, Color col, Marker marker, BasicStroke stroke,
                         boolean inLegend) {
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

    private void spans(double x) {
        xMin = Math.min(xMin, x);
        xMax = Math.max(xMax, x);
    }

    /** Not in the legend; XChart still needs a name no label can take. */
    private String hiddenName() {
        return "\u0000w" + hidden++;
    }

    /** An I-shaped 95% interval at x position {@code x}; skipped when unknown or of no width. */
    private void whisker(double x, double low, double high, Color col) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(high > low)) {
            return;
        }
        double d = counts ? CAP : 0;
        if (low < 0) {
            // Everything drawn is positive (a throughput, a time, a ratio): a t interval of two or three
            // forks may still reach below 0. The line stops at 0, without a cap, so as not to end there.
            shape(new double[] {x, x, x - d, x + d}, new double[] {0, high, high, high}, col, ChartStyle.THIN);
            return;
        }
        shape(new double[] {x - d, x + d, x, x, x - d, x + d}, new double[] {low, low, low, high, high, high}, col,
                ChartStyle.THIN);
    }

    /** A legend entry explaining a line style, drawn nowhere (one point, no marker). */
    void legendOnly(String label, BasicStroke stroke) {
        if (label == null || chart.getSeriesMap().isEmpty()) {
            return;
        }
        XYSeries any = chart.getSeriesMap().values().iterator().next();
        XYSeries s = chart.addSeries(label, new double[] {any.getXData()[0]}, new double[] {any.getYData()[0]});
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
            var st = chart.getStyler();
            st.setYAxisLogarithmic(true);
            // XChart asks a label function for evenly spaced ticks, wrong on a log axis: without one
            // it puts ticks at 1..9 × 10^k, labelled with the decimal pattern (never an exponent).
            st.setyAxisTickLabelsFormattingFunction(null);
            // Labels at every 1..9 × 10^k overlap once the axis spans more than ~1.5 decades;
            // then only decades are labelled.
            st.setYAxisLogarithmicDecadeOnly(Math.log10(hi / lo) > 1.5);
            chart.setYAxisTitle(chart.getYAxisTitle() + ", log scale");
        } else if (zeroBased) {
            chart.getStyler().setYAxisMin(0.0);
        }
        if (counts && xMax >= xMin) {
            // Half a step of room on each side of the outermost N (and of the spread around it).
            chart.getStyler().setXAxisMin(xMin - 0.5).setXAxisMax(xMax + 0.5);
            // The hint is the least spacing between ticks, in pixels: about one step's width, which
            // makes XChart step by 1 (its steps are 1, 2 or 5 × 10^k, chosen from hint / pixels per
            // unit in (0.75, 1.5] for 1). Always well under the axis length: past it XChart
            // draws no labels at all.
            double steps = xMax - xMin + 1;
            chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.round(1.1 * 0.92 * plotWidth / steps));
            if (xMax == xMin) {
                // One N: the axis is one step wide, and XChart, asked for a step as wide as the axis,
                // ticks at halves (1.414, 2.828) or nowhere, as the legend leaves it room. The count
                // goes in the axis title instead.
                chart.getStyler().setXAxisTicksVisible(false);
                chart.setXAxisTitle(chart.getXAxisTitle() + " = " + countLabel(xMin));
            }
        }
    }

    /** The PNG, named {@code fileName}, with the title's text as its alt text. */
    ChartFile render(String fileName) {
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
