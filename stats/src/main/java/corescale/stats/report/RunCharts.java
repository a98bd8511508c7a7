package corescale.stats.report;

import corescale.stats.contention.ContentionRow;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Setting;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.scaling.ScalingPoint;
import corescale.stats.scaling.UslModel;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The charts of one group in a run's report: throughput (or, for a time mode, time per operation)
 * and speedup against cores, the same against threads on the largest core count, and contention
 * (throughput at N threads over 1 thread). Every value drawn comes from the stats layer; values in
 * a unit are in the group's {@link DisplayUnit#forBenchmark}, as in its table.
 */
final class RunCharts {

    /**
     * Points along a fitted or ideal curve. Few on purpose: XChart restarts the dash pattern on every
     * segment, so segments shorter than a dash make a dashed curve look solid.
     */
    private static final int CURVE_SAMPLES = 16;

    private RunCharts() {
    }

    /**
     * The group's charts, in the order they appear, named (so in report order) but not drawn yet:
     * drawing is the costly part, and each chart can be drawn on its own, in any order.
     *
     * @param points     the group's points (its table's), for its unit and a time mode's times
     * @param unit       the group's display unit ({@link DisplayUnit#forBenchmark}), the one of its table
     * @param curves     the group's scaling curves, in {@link corescale.stats.scaling.CurveKey} order
     * @param contention the group's contention rows, empty when none
     */
    static List<Supplier<ChartFile>> of(Setting group, List<PointSummary> points, DisplayUnit unit, List<ScalingCurve> curves,
                                        List<ContentionRow> contention, FileNames names) {
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
        if (drawable(cores) && unit != null) {
            String measuredFile = names.chart(group, "cores");
            String speedupFile = names.chart(group, "cores", "speedup");
            out.add(() -> measured(new ChartTitle(group, measure(group) + " vs cores"), cores, points, unit)
                    .render(measuredFile));
            out.add(() -> speedup(new ChartTitle(group, "speedup vs cores"), cores).render(speedupFile));
        }
        if (!threadsOnCores.isEmpty() && unit != null) {
            // Only the largest core count gets a threads chart: the others repeat its story with
            // fewer points, and are all in the scaling table.
            int n = threadsOnCores.lastKey();
            List<ScalingCurve> shown = threadsOnCores.lastEntry().getValue();
            String file = names.chart(group, "threads", n + "c");
            out.add(() -> measured(new ChartTitle(group, measure(group) + " vs threads on " + n + " cores"), shown,
                    points, unit).render(file));
        }
        Map<String, List<ContentionRow>> series = contentionSeries(contention);
        if (!series.isEmpty()) {
            String file = names.chart(group, "contention");
            out.add(() -> contention(new ChartTitle(group, "contention"), series).render(file));
        }
        return out;
    }

    /** What the group's measured chart shows: its table's measure. */
    private static String measure(Setting group) {
        return group.mode().higherIsBetter() ? "throughput" : "time per operation";
    }

    /** A chart needs a curve of two points at least. */
    private static boolean drawable(List<ScalingCurve> curves) {
        return curves.stream().anyMatch(c -> c.points().size() >= 2);
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
     * The group's measure against N as its table gives it: throughput, or time per operation for a
     * time mode (lower is better, read from the summaries the curve was built from).
     */
    static Plot measured(ChartTitle title, List<ScalingCurve> curves, List<PointSummary> points, DisplayUnit unit) {
        return curves.get(0).key().mode().higherIsBetter()
                ? throughput(title, curves, unit)
                : timePerOperation(title, curves, points, unit);
    }

    /**
     * Throughput against N for curves of one group and axis, one series per variant: measured
     * points with whiskers, the fitted USL curve (dashed) and the ideal line λN (dotted).
     */
    private static Plot throughput(ChartTitle title, List<ScalingCurve> canonical, DisplayUnit unit) {
        List<ScalingCurve> curves = canonical.stream().map(c -> c.inUnit(unit.unit(), unit.factor())).toList();
        ScalingCurve first = curves.get(0);
        Plot plot = Plot.overCounts(title, ChartStyle.axisTitle(first), "throughput (" + unit.unit() + "), higher is better");
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
            plot.points(c.key().variant(), xs, c.points().stream().mapToDouble(ScalingPoint::throughput).toArray(),
                    c.points().stream().mapToDouble(ScalingPoint::low).toArray(),
                    c.points().stream().mapToDouble(ScalingPoint::high).toArray(), ChartStyle.look(i), i, curves.size());
            if (c.usl().fitted()) {
                anyUsl = true;
                UslModel m = c.usl().model();
                double[] ns = sample(xs[0], xs[xs.length - 1]);
                plot.curve(c.key().variant() + " USL", ns, m.throughput(ns), col, ChartStyle.DASHED, false);
            }
            if (cores) {
                idealLine(plot, c, xs, col, yCap);
            }
        }
        plot.legendOnly(anyUsl ? "USL fit (dashed)" : null, ChartStyle.DASHED);
        plot.legendOnly(cores ? "ideal linear (dotted)" : null, ChartStyle.DOTTED);
        plot.finish(true);
        return plot;
    }

    /**
     * A time mode's measure, time per operation, against N, one series per variant, with whiskers:
     * its table's numbers. The fits and the ideal are of throughput and left to the speedup chart.
     */
    private static Plot timePerOperation(ChartTitle title, List<ScalingCurve> curves, List<PointSummary> points,
                                         DisplayUnit unit) {
        ScalingCurve first = curves.get(0);
        Plot plot = Plot.overCounts(title, ChartStyle.axisTitle(first),
                "time per operation (" + unit.unit() + "), lower is better");
        for (int i = 0; i < curves.size(); i++) {
            ScalingCurve c = curves.get(i);
            List<PointSummary> from = ScalingCurves.summariesOf(c.key(), points);
            if (from.isEmpty()) {
                continue;
            }
            Axis axis = c.key().axis();
            plot.points(c.key().variant(), from.stream().mapToDouble(s -> axis.n(s.key())).toArray(),
                    from.stream().mapToDouble(s -> s.mean() * unit.factor()).toArray(),
                    from.stream().mapToDouble(s -> s.ciLow() * unit.factor()).toArray(),
                    from.stream().mapToDouble(s -> s.ciHigh() * unit.factor()).toArray(), ChartStyle.look(i), i, curves.size());
        }
        plot.finish(true);
        return plot;
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
        }
        if (x1 > x0) {
            double[] ns = sample(x0, x1);
            double[] ys = new double[ns.length];
            for (int i = 0; i < ns.length; i++) {
                ys[i] = c.ideal(ns[i]);
            }
            plot.curve(c.key().variant() + " ideal", ns, ys, col, ChartStyle.DOTTED, false);
        }
    }

    /** N from {@code from} to {@code to}, evenly spaced on the log2 axis (a straight line there is no curve). */
    private static double[] sample(double from, double to) {
        double[] ns = new double[CURVE_SAMPLES];
        for (int i = 0; i < CURVE_SAMPLES; i++) {
            ns[i] = from * Math.pow(to / from, i / (CURVE_SAMPLES - 1.0));
        }
        return ns;
    }

    /**
     * Speedup X(N)/X(N₀) against N for the curves of one group, each point with its 95% interval,
     * and the ideal line N/N₀.
     */
    static Plot speedup(ChartTitle title, List<ScalingCurve> curves) {
        ScalingCurve first = curves.get(0);
        String y = first.baselineN() == 1 ? "speedup over 1 (×)" : "speedup over N=" + Fmt.n(first.baselineN()) + " (×)";
        Plot plot = Plot.overCounts(title, ChartStyle.axisTitle(first), y);
        double lo = Double.MAX_VALUE;
        double hi = 0;
        double base = first.baselineN();
        for (int i = 0; i < curves.size(); i++) {
            ScalingCurve c = curves.get(i);
            if (c.points().isEmpty()) {
                continue;
            }
            double[] xs = c.points().stream().mapToDouble(ScalingPoint::n).toArray();
            plot.points(c.key().variant(), xs, c.points().stream().mapToDouble(ScalingPoint::speedup).toArray(),
                    c.points().stream().mapToDouble(ScalingPoint::speedupLow).toArray(),
                    c.points().stream().mapToDouble(ScalingPoint::speedupHigh).toArray(), ChartStyle.look(i), i, curves.size());
            lo = Math.min(lo, xs[0]);
            hi = Math.max(hi, xs[xs.length - 1]);
        }
        if (hi > 0) {
            double[] ns = sample(lo, hi);
            double[] ideal = new double[ns.length];
            for (int i = 0; i < ns.length; i++) {
                ideal[i] = ns[i] / base;
            }
            plot.curve("ideal linear", ns, ideal, ChartStyle.GREY, ChartStyle.DOTTED, true);
        }
        plot.finish(false);
        return plot;
    }

    /**
     * Contention: per variant, throughput at N threads over throughput at 1 thread, with its 95%
     * interval. A line at 1 marks "as fast as one thread"; below it, adding threads lost throughput.
     *
     * @param series variant → its rows, in increasing threads
     */
    static Plot contention(ChartTitle title, Map<String, List<ContentionRow>> series) {
        Plot plot = Plot.overCounts(title, "threads (on as many cores as threads, up to all; then oversubscribed)",
                "throughput at N threads / at 1 thread (×)");
        int i = 0;
        double maxX = series.values().stream().flatMap(List::stream).mapToDouble(r -> r.key().threads()).max().orElse(1);
        for (Map.Entry<String, List<ContentionRow>> e : series.entrySet()) {
            List<ContentionRow> rows = e.getValue();
            plot.points(e.getKey(), rows.stream().mapToDouble(r -> r.key().threads()).toArray(),
                    rows.stream().mapToDouble(r -> r.vsOneThread().value()).toArray(),
                    rows.stream().mapToDouble(r -> r.vsOneThread().low()).toArray(),
                    rows.stream().mapToDouble(r -> r.vsOneThread().high()).toArray(), ChartStyle.look(i), i, series.size());
            i++;
        }
        plot.curve("= 1 thread", new double[] {1, maxX}, new double[] {1, 1}, ChartStyle.GREY, ChartStyle.DASHED, true);
        plot.finish(false);
        return plot;
    }
}
