package corescale.stats.report;

import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The comparison report's charts: ratios other/base per point, and several runs' curves on one chart. */
final class CompareCharts {

    private CompareCharts() {
    }

    /** One row of a ratio chart: what the point is (for the caller's table), the ratio and its interval. */
    record Ratio(String label, double ratio, double low, double high) {
    }

    /**
     * The ratio other/base per point with its 95% interval, and a grey band for ±threshold around 1
     * (inside it a difference does not matter). Points are numbered from {@code firstNumber} on the
     * x axis, as in the caller's table.
     */
    static ChartFile ratios(ChartTitle title, String yTitle, List<Ratio> ratios, int firstNumber, double threshold,
                            String fileName) {
        Plot plot = new Plot(title, "point # (see the table below the chart)", yTitle);
        XYChart chart = plot.chart();
        int n = ratios.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = firstNumber + i;
            ys[i] = ratios.get(i).ratio();
        }
        XYSeries pts = plot.line("ratio (95% CI)", xs, ys, ChartStyle.color(0), SeriesMarkers.CIRCLE, ChartStyle.SOLID, true);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        for (int i = 0; i < n; i++) {
            plot.whisker(xs[i], ratios.get(i).low(), ratios.get(i).high(), ChartStyle.color(0), null);
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
        plot.line("no change", new double[] {x0, x1}, new double[] {1, 1}, ChartStyle.GREY, SeriesMarkers.NONE,
                ChartStyle.DASHED, false);
        // Points are numbered; the report's table gives the number of each. (Text labels do not
        // work: XChart 3.8 asks a label function only at the axis ends.)
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setXAxisMin(x0).setXAxisMax(x1);
        plot.finish(false);
        return plot.render(fileName);
    }

    /**
     * The same curves from several runs on one chart. Colour per variant, line style per run when
     * there are few variants; with many, the caller passes one variant per chart and the colour
     * follows the run.
     *
     * @param byRun run label → curves of that run (same benchmark, params, axis)
     */
    static ChartFile machines(ChartTitle title, Map<String, List<ScalingCurve>> byRun, String fileName) {
        ScalingCurve any = byRun.values().stream().flatMap(List::stream).findFirst().orElseThrow();
        Plot plot = new Plot(title, ChartStyle.axisTitle(any), "throughput (" + any.unit() + ")");
        List<String> variants = byRun.values().stream().flatMap(List::stream).map(c -> c.key().variant())
                .distinct().sorted().toList();
        boolean colourByRun = variants.size() == 1;
        BasicStroke[] strokes = {ChartStyle.SOLID, ChartStyle.DASHED, ChartStyle.DOTTED};
        double[] xr = ChartStyle.xRange(byRun.values().stream().flatMap(List::stream).toList());
        int r = 0;
        for (Map.Entry<String, List<ScalingCurve>> e : byRun.entrySet()) {
            for (ScalingCurve c : e.getValue()) {
                if (c.points().isEmpty()) {
                    continue;
                }
                int v = variants.indexOf(c.key().variant());
                Color col = colourByRun ? ChartStyle.color(r) : ChartStyle.color(v);
                BasicStroke st = colourByRun ? ChartStyle.SOLID : strokes[r % strokes.length];
                Marker mk = ChartStyle.marker(colourByRun ? r : v);
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
        return plot.render(fileName);
    }
}
