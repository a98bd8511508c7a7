package corescale.stats.report;

import corescale.stats.contention.ContentionRow;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;
import corescale.stats.scaling.UslModel;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The charts of one group in a run's report: throughput and speedup against cores, throughput
 * against threads on the largest core count, and contention (throughput at N threads over 1 thread).
 */
final class RunCharts {

    /**
     * Points along a fitted curve. Few on purpose: XChart restarts the dash pattern on every
     * segment, so segments shorter than a dash make a dashed curve look solid.
     */
    private static final int USL_SAMPLES = 16;

    private RunCharts() {
    }

    /**
     * The group's charts, in the order they appear, named (so in report order) but not drawn yet:
     * drawing is the costly part, and each chart can be drawn on its own, in any order.
     *
     * @param curves     the group's scaling curves, in {@link corescale.stats.scaling.CurveKey} order
     * @param contention the group's contention rows, empty when none
     */
    static List<Supplier<ChartFile>> of(Group group, List<ScalingCurve> curves, List<ContentionRow> contention,
                                        FileNames names) {
        List<ScalingCurve> cores = new ArrayList<>();
        TreeMap<Integer, List<ScalingCurve>> threadsOnCores = new TreeMap<>();
        for (ScalingCurve c : curves) {
            if (c.key().axis() == Axis.CORES) {
                cores.add(c);
            } else {
                threadsOnCores.computeIfAbsent(c.key().fixedCores().getAsInt(), n -> new ArrayList<>()).add(c);
            }
        }
        threadsOnCores.values().removeIf(cs -> !drawable(cs));
        List<Supplier<ChartFile>> out = new ArrayList<>();
        String mode = group.mode().jmhName();
        if (drawable(cores)) {
            List<ScalingCurve> shown = readable(cores);
            String throughputFile = names.png("chart", group.family(), group.benchmark(), group.params(), mode, "cores");
            String speedupFile = names.png("chart", group.family(), group.benchmark(), group.params(), mode, "speedup");
            out.add(() -> throughput(new ChartTitle(group, "throughput vs cores"), shown, throughputFile));
            out.add(() -> speedup(new ChartTitle(group, "speedup vs cores"), shown, speedupFile));
        }
        if (!threadsOnCores.isEmpty()) {
            // Only the largest core count gets a threads chart: the others repeat its story with
            // fewer points, and are all in the scaling table.
            int n = threadsOnCores.lastKey();
            List<ScalingCurve> shown = readable(threadsOnCores.lastEntry().getValue());
            String file = names.png("chart", group.family(), group.benchmark(), group.params(), mode, "threads", n + "c");
            out.add(() -> throughput(new ChartTitle(group, "throughput vs threads on " + n + " cores"), shown, file));
        }
        Map<String, List<ContentionRow>> series = contentionSeries(contention);
        if (!series.isEmpty()) {
            String file = names.png("chart", group.family(), group.benchmark(), group.params(), mode, "contention");
            out.add(() -> contention(new ChartTitle(group, "contention"), series, file));
        }
        return out;
    }

    /** A chart needs a curve of two points at least. */
    private static boolean drawable(List<ScalingCurve> curves) {
        return curves.stream().anyMatch(c -> c.points().size() >= 2);
    }

    /** The curves of one chart in one unit that reads well (they share the canonical unit). */
    private static List<ScalingCurve> readable(List<ScalingCurve> curves) {
        DisplayUnit shown = DisplayUnit.forValues(curves.get(0).unit(), curves.stream()
                .flatMap(c -> c.points().stream()).mapToDouble(ScalingPoint::throughput).toArray());
        return curves.stream().map(c -> c.inUnit(shown.unit(), shown.factor())).toList();
    }

    /** Per variant with two thread counts or more, its rows by threads; at each the one with the most cores. */
    private static Map<String, List<ContentionRow>> contentionSeries(List<ContentionRow> rows) {
        Map<String, TreeMap<Integer, ContentionRow>> byVariant = new TreeMap<>();
        for (ContentionRow r : rows) {
            if (Double.isFinite(r.vsOneThread().value())) {
                byVariant.computeIfAbsent(r.key().variant(), v -> new TreeMap<>())
                        .merge(r.key().threads(), r, (a, b) -> a.key().cores() >= b.key().cores() ? a : b);
            }
        }
        Map<String, List<ContentionRow>> out = new LinkedHashMap<>();
        byVariant.forEach((v, m) -> {
            if (m.size() >= 2) {
                out.put(v, List.copyOf(m.values()));
            }
        });
        return out;
    }

    /**
     * Throughput against N for curves of one group and axis, one series per variant: measured
     * points with whiskers, the fitted USL curve (dashed) and the ideal line λN (dotted).
     */
    private static ChartFile throughput(ChartTitle title, List<ScalingCurve> curves, String fileName) {
        ScalingCurve first = curves.get(0);
        Plot plot = new Plot(title, ChartStyle.axisTitle(first), "throughput (" + first.unit() + ")");
        double[] xr = ChartStyle.xRange(curves);
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
            Color col = ChartStyle.color(i);
            double[] xs = c.points().stream().mapToDouble(ScalingPoint::n).toArray();
            double[] ys = c.points().stream().mapToDouble(ScalingPoint::throughput).toArray();
            plot.line(c.key().variant(), xs, ys, col, ChartStyle.marker(i), ChartStyle.SOLID, true);
            for (ScalingPoint p : c.points()) {
                plot.whisker(p.n(), p.low(), p.high(), col, xr);
            }
            if (c.usl().fitted()) {
                anyUsl = true;
                UslModel m = c.usl().model();
                double[] ns = sample(xs[0], xs[xs.length - 1]);
                plot.line(c.key().variant() + " USL", ns, m.throughput(ns), col, SeriesMarkers.NONE, ChartStyle.DASHED, false);
            }
            if (cores) {
                idealLine(plot, c, xs, col, yCap);
            }
        }
        plot.legendOnly(anyUsl ? "USL fit (dashed)" : null, ChartStyle.DASHED);
        plot.legendOnly(cores ? "ideal linear (dotted)" : null, ChartStyle.DOTTED);
        plot.finish(true);
        return plot.render(fileName);
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
                    col, SeriesMarkers.NONE, ChartStyle.DOTTED, false);
        }
    }

    private static double[] sample(double from, double to) {
        double[] ns = new double[USL_SAMPLES];
        for (int i = 0; i < USL_SAMPLES; i++) {
            ns[i] = from + (to - from) * i / (USL_SAMPLES - 1);
        }
        return ns;
    }

    /** Speedup X(N)/X(N₀) against N for the curves of one group, with the ideal line N/N₀. */
    private static ChartFile speedup(ChartTitle title, List<ScalingCurve> curves, String fileName) {
        ScalingCurve first = curves.get(0);
        String y = first.baselineN() == 1 ? "speedup over 1 (×)" : "speedup over N=" + Fmt.n(first.baselineN()) + " (×)";
        Plot plot = new Plot(title, ChartStyle.axisTitle(first), y);
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
            plot.line(c.key().variant(), xs, ys, ChartStyle.color(i), ChartStyle.marker(i), ChartStyle.SOLID, true);
            lo = Math.min(lo, xs[0]);
            hi = Math.max(hi, xs[xs.length - 1]);
        }
        if (hi > 0) {
            plot.line("ideal linear", new double[] {lo, hi}, new double[] {lo / base, hi / base}, ChartStyle.GREY,
                    SeriesMarkers.NONE, ChartStyle.DOTTED, true);
        }
        plot.finish(false);
        return plot.render(fileName);
    }

    /**
     * Contention: per variant, throughput at N threads over throughput at 1 thread. A line at 1
     * marks "as fast as one thread"; below it, adding threads lost throughput.
     *
     * @param series variant → its rows, in increasing threads
     */
    private static ChartFile contention(ChartTitle title, Map<String, List<ContentionRow>> series, String fileName) {
        Plot plot = new Plot(title, "threads (on as many cores as threads, up to all; then oversubscribed)",
                "throughput at N threads / at 1 thread (×)");
        int i = 0;
        double maxX = series.values().stream().flatMap(List::stream).mapToDouble(r -> r.key().threads()).max().orElse(1);
        for (Map.Entry<String, List<ContentionRow>> e : series.entrySet()) {
            List<ContentionRow> rows = e.getValue();
            double[] xs = rows.stream().mapToDouble(r -> r.key().threads()).toArray();
            double[] ys = rows.stream().mapToDouble(r -> r.vsOneThread().value()).toArray();
            plot.line(e.getKey(), xs, ys, ChartStyle.color(i), ChartStyle.marker(i), ChartStyle.SOLID, true);
            for (ContentionRow r : rows) {
                plot.whisker(r.key().threads(), r.vsOneThread().low(), r.vsOneThread().high(), ChartStyle.color(i),
                        new double[] {1, maxX});
            }
            i++;
        }
        plot.line("= 1 thread", new double[] {1, maxX}, new double[] {1, 1}, ChartStyle.GREY, SeriesMarkers.NONE,
                ChartStyle.DASHED, true);
        plot.finish(false);
        return plot.render(fileName);
    }
}
