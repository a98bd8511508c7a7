package corescale.stats.report;

import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;
import corescale.stats.scaling.UslModel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's charts with XChart, as PNG. Each method makes one chart from data that
 * belongs on one picture; callers decide the grouping.
 *
 * <p>Conventions on every chart: a colour and marker per variant (or per run), measured values as
 * solid lines with markers, 95% intervals as I-shaped whiskers in the series colour, fitted USL
 * curves dashed, ideal lines dotted, axes titled with their unit, the y axis logarithmic when the
 * values span more than {@value #LOG_SPAN}×.
 */
final class Charts {

    static {
        // Reports are written by a command-line tool, often on a server without a display.
        System.setProperty("java.awt.headless", "true");
    }

    static final int WIDTH = 900;
    /** About what is left of the width for the plot, beside the legend and the y axis. */
    private static final double PLOT_WIDTH = 570;
    static final int HEIGHT = 560;
    /** max/min of the y values beyond which the y axis is logarithmic. */
    static final double LOG_SPAN = 30;

    /** Tableau 10: distinguishable, and still tellable apart in greyscale with the markers. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};
    private static final Marker[] MARKERS = {
        SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP,
        SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CROSS, SeriesMarkers.OVAL, SeriesMarkers.RECTANGLE};
    private static final BasicStroke SOLID = new BasicStroke(1.6f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {7f, 5f}, 0f);
    private static final BasicStroke DOTTED = new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND,
            10f, new float[] {1.5f, 4f}, 0f);
    private static final BasicStroke THIN = new BasicStroke(1.2f);
    private static final Color GREY = new Color(0x666666);
    /**
     * Points along a fitted curve. Few on purpose: XChart restarts the dash pattern on every
     * segment, so segments shorter than a dash make a dashed curve look solid.
     */
    private static final int USL_SAMPLES = 16;

    private Charts() {
    }

    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /**
     * Throughput against N for curves of one benchmark, params and axis, one series per variant:
     * measured points with whiskers, the fitted USL curve (dashed) and the ideal line λN (dotted).
     */
    static ChartFile throughput(String title, List<ScalingCurve> curves, String fileName) {
        ScalingCurve first = curves.get(0);
        XYChart chart = newChart(title, axisTitle(first), "throughput (" + first.unit() + ")");
        Plot plot = new Plot(chart);
        double[] xr = xRange(curves);
        boolean anyUsl = false;
        // Ideal lines only over cores: past the core count, more threads cannot add throughput,
        // so a linear "ideal" over threads would mislead.
        boolean cores = first.key().axis() == Axis.CORES;
        double yCap = 1.1 * curves.stream().flatMap(c -> c.points().stream())
                .mapToDouble(p -> Double.isFinite(p.high()) ? Math.max(p.high(), p.throughput()) : p.throughput())
                .max().orElse(1);
        for (int i = 0; i < curves.size(); i++) {
            ScalingCurve c = curves.get(i);
            if (c.points().isEmpty()) {
                continue;
            }
            Color col = color(i);
            double[] xs = c.points().stream().mapToDouble(ScalingPoint::n).toArray();
            double[] ys = c.points().stream().mapToDouble(ScalingPoint::throughput).toArray();
            plot.line(c.key().variant(), xs, ys, col, MARKERS[i % MARKERS.length], SOLID, true);
            for (ScalingPoint p : c.points()) {
                plot.whisker(p.n(), p.low(), p.high(), col, xr);
            }
            if (c.usl().fitted()) {
                anyUsl = true;
                UslModel m = c.usl().model();
                double[] ns = sample(xs[0], xs[xs.length - 1]);
                plot.line(c.key().variant() + " USL", ns, m.throughput(ns), col, SeriesMarkers.NONE, DASHED, false);
            }
            if (cores) {
                idealLine(plot, c, xs, col, yCap);
            }
        }
        plot.legendOnly(anyUsl ? "USL fit (dashed)" : null, DASHED);
        plot.legendOnly(cores ? "ideal linear (dotted)" : null, DOTTED);
        plot.finish(true);
        return encode(chart, fileName, title);
    }

    /**
     * The ideal line of one curve, cut where it leaves the measured range by more than 10%: a
     * variant that does not scale would otherwise stretch the y axis and flatten every curve.
     */
    private static void idealLine(Plot plot, ScalingCurve c, double[] xs, Color col, double yCap) {
        double x0 = xs[0];
        double x1 = xs[xs.length - 1];
        double y0 = c.ideal(x0);
        double y1 = c.ideal(x1);
        if (!(y1 > y0) || !Double.isFinite(y0)) {
            return;
        }
        if (y1 > yCap) {
            x1 = x0 + (x1 - x0) * (yCap - y0) / (y1 - y0);
            y1 = yCap;
        }
        if (x1 > x0) {
            plot.line(c.key().variant() + " ideal", new double[] {x0, x1}, new double[] {y0, y1},
                    col, SeriesMarkers.NONE, DOTTED, false);
        }
    }

    /** Speedup X(N)/X(N₀) against N for the curves of one group, with the ideal line N/N₀. */
    static ChartFile speedup(String title, List<ScalingCurve> curves, String fileName) {
        ScalingCurve first = curves.get(0);
        String y = first.baselineN() == 1 ? "speedup over 1 (×)" : "speedup over N=" + Fmt.n(first.baselineN()) + " (×)";
        XYChart chart = newChart(title, axisTitle(first), y);
        Plot plot = new Plot(chart);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        double base = first.baselineN();
        for (int i = 0; i < curves.size(); i++) {
            ScalingCurve c = curves.get(i);
            if (c.points().isEmpty()) {
                continue;
            }
            double[] xs = c.points().stream().mapToDouble(ScalingPoint::n).toArray();
            double[] ys = c.points().stream().mapToDouble(ScalingPoint::speedup).toArray();
            plot.line(c.key().variant(), xs, ys, color(i), MARKERS[i % MARKERS.length], SOLID, true);
            lo = Math.min(lo, xs[0]);
            hi = Math.max(hi, xs[xs.length - 1]);
        }
        if (hi > 0) {
            plot.line("ideal linear", new double[] {lo, hi}, new double[] {lo / base, hi / base}, GREY, SeriesMarkers.NONE, DOTTED, true);
        }
        plot.finish(false);
        return encode(chart, fileName, title);
    }

    /**
     * Contention: per variant, throughput at N threads over throughput at 1 thread. A line at 1
     * marks "as fast as one thread"; below it, adding threads lost throughput.
     *
     * @param series variant → rows of {threads, ratio, low, high}, in increasing threads
     */
    static ChartFile contention(String title, String xTitle, Map<String, double[][]> series, String fileName) {
        XYChart chart = newChart(title, xTitle, "throughput at N threads / at 1 thread (×)");
        Plot plot = new Plot(chart);
        int i = 0;
        double maxX = series.values().stream().flatMap(java.util.Arrays::stream).mapToDouble(r -> r[0]).max().orElse(1);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            double[][] rows = e.getValue();
            double[] xs = new double[rows.length];
            double[] ys = new double[rows.length];
            for (int j = 0; j < rows.length; j++) {
                xs[j] = rows[j][0];
                ys[j] = rows[j][1];
            }
            plot.line(e.getKey(), xs, ys, color(i), MARKERS[i % MARKERS.length], SOLID, true);
            for (double[] r : rows) {
                if (r.length >= 4) {
                    plot.whisker(r[0], r[2], r[3], color(i), new double[] {1, maxX});
                }
            }
            i++;
        }
        plot.line("= 1 thread", new double[] {1, maxX}, new double[] {1, 1}, GREY, SeriesMarkers.NONE, DASHED, true);
        plot.finish(false);
        return encode(chart, fileName, title);
    }

    /** One row of a ratio chart: what the point is (for the caller's table), the ratio and its interval. */
    record Ratio(String label, double ratio, double low, double high) {
    }

    /**
     * Compare: the ratio other/base per point with its 95% interval, and a grey band for
     * ±threshold around 1 (inside it a difference does not matter). Points are numbered from
     * {@code firstNumber} on the x axis, as in the caller's table.
     */
    static ChartFile ratios(String title, String yTitle, List<Ratio> ratios, int firstNumber, double threshold,
                            String fileName) {
        XYChart chart = newChart(title, "point # (see the table below the chart)", yTitle);
        Plot plot = new Plot(chart);
        int n = ratios.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = firstNumber + i;
            ys[i] = ratios.get(i).ratio();
        }
        XYSeries pts = plot.line("ratio (95% CI)", xs, ys, color(0), SeriesMarkers.CIRCLE, SOLID, true);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (int i = 0; i < n; i++) {
            plot.whisker(xs[i], ratios.get(i).low(), ratios.get(i).high(), color(0), null);
        }
        double x0 = firstNumber - 1;
        double x1 = firstNumber + n;
        double[] band = {x0, x1, x1, x0};
        XYSeries s = chart.addSeries("±" + Fmt.pct(threshold) + " threshold", band,
                new double[] {1 - threshold, 1 - threshold, 1 + threshold, 1 + threshold});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        s.setFillColor(new Color(0, 0, 0, 28));
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setMarker(SeriesMarkers.NONE);
        plot.line("no change", new double[] {x0, x1}, new double[] {1, 1}, GREY, SeriesMarkers.NONE, DASHED, false);
        // Points are numbered; the report's table gives the number of each. (Text labels do not
        // work: XChart 3.8 asks a label function only at the axis ends.)
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setXAxisMin(x0).setXAxisMax(x1);
        plot.finish(false);
        return encode(chart, fileName, title);
    }

    /**
     * Compare: the same curves from several runs on one chart. Colour per variant, line style per
     * run when there are few variants; with many, the caller passes one variant per chart and the
     * colour follows the run.
     *
     * @param byRun run label → curves of that run (same benchmark, params, axis)
     */
    static ChartFile machines(String title, Map<String, List<ScalingCurve>> byRun, String fileName) {
        ScalingCurve any = byRun.values().stream().flatMap(List::stream).findFirst().orElseThrow();
        XYChart chart = newChart(title, axisTitle(any), "throughput (" + any.unit() + ")");
        Plot plot = new Plot(chart);
        List<String> variants = byRun.values().stream().flatMap(List::stream).map(c -> c.key().variant())
                .distinct().sorted().toList();
        boolean colourByRun = variants.size() == 1;
        BasicStroke[] strokes = {SOLID, DASHED, DOTTED};
        double[] xr = xRange(byRun.values().stream().flatMap(List::stream).toList());
        int r = 0;
        for (Map.Entry<String, List<ScalingCurve>> e : byRun.entrySet()) {
            for (ScalingCurve c : e.getValue()) {
                if (c.points().isEmpty()) {
                    continue;
                }
                int v = variants.indexOf(c.key().variant());
                Color col = colourByRun ? color(r) : color(v);
                BasicStroke st = colourByRun ? SOLID : strokes[r % strokes.length];
                Marker mk = MARKERS[(colourByRun ? r : v) % MARKERS.length];
                double[] xs = c.points().stream().mapToDouble(ScalingPoint::n).toArray();
                double[] ys = c.points().stream().mapToDouble(ScalingPoint::throughput).toArray();
                String name = colourByRun ? e.getKey() : c.key().variant() + " @ " + e.getKey();
                plot.line(name, xs, ys, col, mk, st, true);
                for (ScalingPoint p : c.points()) {
                    plot.whisker(p.n(), p.low(), p.high(), col, xr);
                }
            }
            r++;
        }
        plot.finish(true);
        return encode(chart, fileName, title);
    }

    // ---------------------------------------------------------------- helpers

    private static String axisTitle(ScalingCurve c) {
        // Over cores, shared-state benchmarks run as many threads as cores, batch benchmarks one
        // thread whose batch is sized to the cores: "cores" is true of both.
        return c.key().axis() == Axis.CORES
                ? "cores"
                : "threads (on " + c.key().fixedCores().orElse(0) + " cores)";
    }

    private static double[] xRange(List<ScalingCurve> curves) {
        double lo = Double.MAX_VALUE;
        double hi = -Double.MAX_VALUE;
        for (ScalingCurve c : curves) {
            for (ScalingPoint p : c.points()) {
                lo = Math.min(lo, p.n());
                hi = Math.max(hi, p.n());
            }
        }
        return new double[] {lo, hi};
    }

    private static double[] sample(double from, double to) {
        double[] ns = new double[USL_SAMPLES];
        for (int i = 0; i < USL_SAMPLES; i++) {
            ns[i] = from + (to - from) * i / (USL_SAMPLES - 1);
        }
        return ns;
    }

    private static XYChart newChart(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(WIDTH, HEIGHT);
        chart.setTitle(chartTitle(title));
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        var st = chart.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(true);
        st.setPlotGridLinesColor(new Color(0xE3E3E3));
        st.setChartTitleBoxVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        st.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        st.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendBorderColor(new Color(0xCCCCCC));
        st.setMarkerSize(8);
        st.setAntiAlias(true);
        return chart;
    }

    /**
     * "family · Benchmark [params]: what" becomes "What: Benchmark [params]": what the chart shows
     * comes first, and a title too long for the chart's width (90 characters) loses its end, not
     * its start.
     */
    static String chartTitle(String title) {
        int colon = title.lastIndexOf(": ");
        if (colon < 0) {
            return shorten(title, 90);
        }
        String group = title.substring(0, colon);
        int dot = group.indexOf(" · ");
        String subject = dot >= 0 ? group.substring(dot + 3) : group;
        String what = title.substring(colon + 2);
        return shorten(Character.toUpperCase(what.charAt(0)) + what.substring(1) + ": " + subject, 90);
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static ChartFile encode(XYChart chart, String fileName, String title) {
        // Every x axis here counts something (cores, threads, point #): ask XChart for ticks about
        // one unit apart when that fits, rather than its default 1.5, 2.5 threads.
        double min = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getXMin).min().orElse(0);
        double max = chart.getSeriesMap().values().stream().mapToDouble(XYSeries::getXMax).max().orElse(1);
        // The hint is the least spacing between ticks, in pixels: a bit under one unit's width.
        // Longer than the axis, XChart drops every label, on both axes; hence the 400 px cap.
        double pixelsPerUnit = PLOT_WIDTH / Math.max(1, max - min);
        chart.getStyler().setXAxisTickMarkSpacingHint((int) Math.max(60, Math.min(400, 0.8 * pixelsPerUnit)));
        try {
            return new ChartFile(fileName, title, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render chart " + fileName, e);
        }
    }

    /** Adds series to one chart, remembering every y drawn so the axis can be chosen at the end. */
    private static final class Plot {
        private final XYChart chart;
        private final List<Double> ys = new ArrayList<>();
        private int hidden;

        Plot(XYChart chart) {
            this.chart = chart;
        }

        XYSeries line(String name, double[] xs, double[] y, Color col, Marker marker, BasicStroke stroke, boolean inLegend) {
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
            XYSeries s = chart.addSeries("\u0000w" + hidden++, new double[] {x - d, x + d, x, x, x - d, x + d},
                    new double[] {low, low, low, high, high, high});
            s.setLineColor(col);
            s.setLineStyle(THIN);
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
            s.setLineColor(GREY);
            s.setLineStyle(stroke);
            s.setMarker(SeriesMarkers.NONE);
        }

        /** Chooses a log y axis when values span orders of magnitude; else starts at 0 if asked. */
        void finish(boolean zeroBased) {
            double lo = ys.stream().filter(v -> v > 0 && Double.isFinite(v)).mapToDouble(Double::doubleValue).min().orElse(1);
            double hi = ys.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(1);
            boolean anyNonPositive = ys.stream().anyMatch(v -> v <= 0);
            if (hi / lo > LOG_SPAN && !anyNonPositive) {
                chart.getStyler().setYAxisLogarithmic(true);
                // Labels at every 1..9 × 10^k overlap once the axis spans more than ~1.5 decades;
                // then only decades are labelled. (XChart ignores a label formatter on log axes.)
                chart.getStyler().setYAxisLogarithmicDecadeOnly(Math.log10(hi / lo) > 1.5);
                chart.setYAxisTitle(chart.getYAxisTitle() + ", log scale");
            } else if (zeroBased) {
                chart.getStyler().setYAxisMin(0.0);
            }
        }
    }
}
