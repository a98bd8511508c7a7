package corescale.stats.report;

import corescale.stats.model.Setting;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The comparison report's charts: ratios other/base per point, and several runs' curves on one chart. */
final class CompareCharts {

    /** The interval bars of a forest plot: thicker than a whisker, as they carry the chart. */
    private static final BasicStroke INTERVAL = new BasicStroke(2.4f);

    private CompareCharts() {
    }

    /** One row of a ratio chart: what the point is (its label on the chart), the ratio and its interval. */
    record Ratio(String label, double ratio, double low, double high) {
    }

    /**
     * How a run is named on a chart: the last part of its path (its folder), or the name itself
     * (a configuration's). The reports' run tables give the whole.
     */
    static String runLabel(String name) {
        String trimmed = name.replaceAll("[/\\\\]+$", "");
        String last = trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1);
        return last.isEmpty() ? name : last;
    }

    /**
     * A forest plot of the ratios other/base of one group: one row per point, named on the y axis,
     * top to bottom in the given order; the ratio as a dot and its 95% interval as a horizontal bar;
     * a grey band for ±threshold around 1 (inside it a difference does not matter) and a dashed
     * line at 1.
     *
     * @param part " (2)" when the group's points are split over several charts, else empty
     */
    static Plot ratios(Setting group, String base, String other, String part, List<Ratio> ratios, double threshold) {
        String otherRun = runLabel(other);
        String baseRun = runLabel(base);
        if (otherRun.equals(baseRun)) {
            otherRun = other;
            baseRun = base;
        }
        ChartTitle title = new ChartTitle(group, "ratios " + otherRun + " / " + baseRun + part);
        int n = ratios.size();
        int height = Math.max(ChartStyle.HEIGHT, 150 + ChartStyle.TITLE_LINE_HEIGHT * title.onChartLines().size()
                + ChartStyle.ROW_HEIGHT * n);
        double[] range = ratioRange(ratios, threshold);
        boolean cut = ratios.stream().anyMatch(r -> r.low() < range[0] || r.high() > range[1]);
        Plot plot = Plot.linear(title, "ratio " + otherRun + " / " + baseRun + " (×), above 1: " + otherRun + " faster"
                + (cut ? "; bars past an edge are cut" : ""), "", height);
        XYChart chart = plot.chart();
        // Row y = n - 1 - i puts the first point on top. The dots go in first, bottom row first:
        // XChart then finds the rows -1, 0, 1, ..., n evenly spaced and puts a tick on each.
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int y = 0; y < n; y++) {
            xs[y] = ratios.get(n - 1 - y).ratio();
            ys[y] = y;
        }
        XYSeries dots = chart.addSeries("ratio (" + Fmt.LEVEL + " CI)", xs, ys);
        dots.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        dots.setMarker(SeriesMarkers.CIRCLE);
        dots.setMarkerColor(ChartStyle.color(0));
        dots.setLineColor(ChartStyle.color(0));
        dots.setLineStyle(INTERVAL);
        XYSeries band = chart.addSeries("±" + Fmt.rate(threshold) + " around 1: no change that matters",
                new double[] {1 - threshold, 1 + threshold, 1 + threshold, 1 - threshold}, new double[] {-1, -1, n, n});
        band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        band.setFillColor(new Color(0, 0, 0, 28));
        band.setLineColor(new Color(0, 0, 0, 0));
        band.setMarker(SeriesMarkers.NONE);
        plot.curve("no change (1)", new double[] {1, 1}, new double[] {-1, n}, ChartStyle.GREY, ChartStyle.DASHED, true);
        for (int y = 0; y < n; y++) {
            Ratio r = ratios.get(n - 1 - y);
            if (Double.isFinite(r.low()) && Double.isFinite(r.high())) {
                plot.shape(new double[] {r.low(), r.high()}, new double[] {y, y}, ChartStyle.color(0), INTERVAL);
            }
        }
        var st = chart.getStyler();
        st.setXAxisMin(range[0]).setXAxisMax(range[1]);
        st.setYAxisMin(-1.0).setYAxisMax((double) n);
        // The ends (-1 and n) are unlabelled, and need labels of their own: XChart wants them unique.
        st.setyAxisTickLabelsFormattingFunction(y -> {
            int row = (int) Math.rint(y);
            return row >= 0 && row < n && row == y ? ratios.get(n - 1 - row).label() : row < 0 ? " " : "  ";
        });
        st.setYAxisTitleVisible(false);
        return plot;
    }

    /**
     * The x range of a forest plot: every ratio and the threshold band, and the intervals as far as
     * they stay within that span again (at least 0.25) on either side; a wider interval (few forks,
     * say) would squeeze every other row into a line.
     */
    private static double[] ratioRange(List<Ratio> ratios, double threshold) {
        double lo = Math.min(1 - threshold, ratios.stream().mapToDouble(Ratio::ratio).min().orElse(1));
        double hi = Math.max(1 + threshold, ratios.stream().mapToDouble(Ratio::ratio).max().orElse(1));
        double span = Math.max(0.25, hi - lo);
        double low = Math.max(lo - span, ratios.stream().mapToDouble(Ratio::low).filter(Double::isFinite).min().orElse(lo));
        double high = Math.min(hi + span, ratios.stream().mapToDouble(Ratio::high).filter(Double::isFinite).max().orElse(hi));
        double pad = 0.04 * (high - low);
        return new double[] {Math.min(lo, low) - pad, Math.max(hi, high) + pad};
    }

    /**
     * The same curves from several runs on one chart, throughput with 95% whiskers. Colour per
     * variant, line style per run when there are few variants; with many, the caller passes one
     * variant per chart and colour, marker and line follow the run.
     *
     * @param byRun run name → curves of that run (same benchmark, params, axis), in canonical units
     */
    static Plot machines(ChartTitle title, Map<String, List<ScalingCurve>> byRun) {
        List<ScalingCurve> all = byRun.values().stream().flatMap(List::stream).toList();
        DisplayUnit unit = DisplayUnit.forValues(all.get(0).unit(), all.stream().flatMap(c -> c.points().stream())
                .mapToDouble(ScalingPoint::throughput).toArray());
        Plot plot = Plot.overCounts(title, ChartStyle.axisTitle(all.get(0)),
                "throughput (" + unit.unit() + "), higher is better");
        List<String> variants = all.stream().map(c -> c.key().variant()).distinct().sorted().toList();
        boolean perRun = variants.size() == 1;
        BasicStroke[] runStrokes = {ChartStyle.SOLID, ChartStyle.DASHED, ChartStyle.DOTTED};
        int series = (int) all.stream().filter(c -> !c.points().isEmpty()).count();
        int r = 0;
        int i = 0;
        for (Map.Entry<String, List<ScalingCurve>> e : byRun.entrySet()) {
            for (ScalingCurve canonical : e.getValue()) {
                if (canonical.points().isEmpty()) {
                    continue;
                }
                ScalingCurve c = canonical.inUnit(unit.unit(), unit.factor());
                String name = perRun ? runLabel(e.getKey()) : c.key().variant() + " @ " + runLabel(e.getKey());
                XYSeries s = plot.points(name, c.points().stream().mapToDouble(ScalingPoint::n).toArray(),
                        c.points().stream().mapToDouble(ScalingPoint::throughput).toArray(),
                        c.points().stream().mapToDouble(ScalingPoint::low).toArray(),
                        c.points().stream().mapToDouble(ScalingPoint::high).toArray(),
                        ChartStyle.look(perRun ? r : variants.indexOf(c.key().variant())), i, series);
                if (!perRun) {
                    // Colour and marker tell the variant, the line the run.
                    s.setLineStyle(runStrokes[r % runStrokes.length]);
                }
                i++;
            }
            r++;
        }
        plot.finish(true);
        return plot;
    }
}
