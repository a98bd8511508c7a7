package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.contention.ContentionRow;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Setting;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.scaling.ScalingPoint;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.DrawnTicks;

/** Charts drawn from the fixture run, checked on XChart's own chart objects. */
class RunChartsTest {

    private static final ReportInput RUN = Fixtures.input("host", 1, 7);

    private static List<PointSummary> points(String benchmark, String params) {
        return RUN.points().stream().filter(p -> p.key().benchmark().equals(benchmark) && p.key().params().equals(params))
                .toList();
    }

    private static List<ScalingCurve> curves(String benchmark, String params, Axis axis) {
        return RUN.curves().stream().filter(c -> c.key().benchmark().equals(benchmark) && c.key().params().equals(params)
                && c.key().axis() == axis).toList();
    }

    private static Setting group(List<PointSummary> points) {
        return Setting.of(points.get(0).key());
    }

    /** The series a reader sees in the legend, by name. */
    private static Map<String, XYSeries> legend(XYChart chart) {
        Map<String, XYSeries> out = new LinkedHashMap<>();
        chart.getSeriesMap().forEach((name, s) -> {
            if (s.isShowInLegend()) {
                out.put(name, s);
            }
        });
        return out;
    }

    /** The whiskers drawn (series outside the legend of one colour, two ends): their {low, high}. */
    private static List<double[]> whiskers(XYChart chart, Color colour) {
        return chart.getSeriesMap().values().stream()
                .filter(s -> !s.isShowInLegend() && s.getLineColor().equals(colour) && s.getXData().length == 6)
                .map(s -> new double[] {s.getYMin(), s.getYMax()}).toList();
    }

    @Test
    void aTimeModeIsDrawnAsTimePerOperationInTheUnitOfItsTable() {
        List<PointSummary> cpu = points("Cpu.batch", "tasks=64");
        DisplayUnit unit = DisplayUnit.forBenchmark(cpu);
        Plot plot = RunCharts.measured(new ChartTitle(group(cpu), "time per operation vs cores"),
                curves("Cpu.batch", "tasks=64", Axis.CORES), cpu, unit);
        XYChart chart = plot.chart();
        assertEquals("time per operation (" + unit.unit() + "), lower is better", chart.getYAxisTitle());
        String table = MarkdownReport.render(Fixtures.build(RUN, new ArrayList<>()));
        assertTrue(table.contains("Mean score in " + unit.unit() + " (lower is better)"), "the table's unit is the chart's");
        XYSeries fixedPool = legend(chart).get("fixedPool");
        List<PointSummary> fixed = cpu.stream().filter(p -> p.key().variant().equals("fixedPool"))
                .sorted((a, b) -> Integer.compare(a.key().cores(), b.key().cores())).toList();
        assertArrayEquals(fixed.stream().mapToDouble(p -> p.mean() * unit.factor()).toArray(), fixedPool.getYData(), 1e-9);
        // each point's interval, as its summary gives it
        List<double[]> bars = whiskers(chart, fixedPool.getLineColor());
        assertEquals(fixed.size(), bars.size());
        for (PointSummary p : fixed) {
            assertTrue(bars.stream().anyMatch(b -> Math.abs(b[0] - p.ciLow() * unit.factor()) < 1e-9
                    && Math.abs(b[1] - p.ciHigh() * unit.factor()) < 1e-9), p.key().toString());
        }
    }

    @Test
    void aThroughputChartIsInTheUnitOfItsBenchmarksTableNotOfItsOwnPoints() {
        List<PointSummary> counters = points("Counters.increment", "work=10");
        DisplayUnit unit = DisplayUnit.forBenchmark(counters);
        List<ScalingCurve> threads = curves("Counters.increment", "work=10", Axis.THREADS).stream()
                .filter(c -> c.key().fixedCores().getAsInt() == 8).toList();
        XYChart chart = RunCharts.measured(new ChartTitle(group(counters), "throughput vs threads on 8 cores"), threads,
                counters, unit).chart();
        assertEquals("throughput (" + unit.unit() + "), higher is better", chart.getYAxisTitle());
        ScalingCurve atomic = threads.stream().filter(c -> c.key().variant().equals("atomicLong")).findFirst().orElseThrow();
        assertArrayEquals(atomic.points().stream().mapToDouble(p -> p.throughput() * unit.factor()).toArray(),
                legend(chart).get("atomicLong").getYData(), 1e-9);
    }

    @Test
    void everySpeedupWithAnIntervalHasItsErrorBar() {
        List<PointSummary> counters = points("Counters.increment", "work=10");
        List<ScalingCurve> cores = curves("Counters.increment", "work=10", Axis.CORES);
        XYChart chart = RunCharts.speedup(new ChartTitle(group(counters), "speedup vs cores"), cores).chart();
        assertFalse(cores.isEmpty(), "curves to check");
        for (ScalingCurve c : cores) {
            XYSeries s = legend(chart).get(c.key().variant());
            assertArrayEquals(c.points().stream().mapToDouble(ScalingPoint::speedup).toArray(), s.getYData(), 1e-12);
            List<double[]> bars = whiskers(chart, s.getLineColor());
            List<ScalingPoint> withInterval = c.points().stream().filter(p -> p.speedupHigh() > p.speedupLow()).toList();
            assertEquals(c.points().size() - 1, withInterval.size(), "all but the baseline, 1 by definition");
            assertEquals(withInterval.size(), bars.size(), c.key().variant());
            for (ScalingPoint p : withInterval) {
                assertTrue(bars.stream().anyMatch(b -> b[0] == p.speedupLow() && b[1] == p.speedupHigh()), p.toString());
            }
        }
    }

    @Test
    void countAxesAreTickedAtTheCountsOnlyAndNoTickLabelHasAnExponent() {
        List<PointSummary> counters = points("Counters.increment", "work=10");
        DisplayUnit unit = DisplayUnit.forBenchmark(counters);
        Setting g = group(counters);
        XYChart overCores = RunCharts.measured(new ChartTitle(g, "cores"), curves("Counters.increment", "work=10", Axis.CORES),
                counters, unit).chart();
        assertEquals(List.of("1", "2", "4", "8"), DrawnTicks.x(overCores));
        List<ScalingCurve> onTwo = curves("Counters.increment", "work=10", Axis.THREADS).stream()
                .filter(c -> c.key().fixedCores().getAsInt() == 2).toList();
        XYChart overThreads = RunCharts.measured(new ChartTitle(g, "threads"), onTwo, counters, unit).chart();
        assertEquals(List.of("2", "4"), DrawnTicks.x(overThreads), "no tick at 3 threads, which were not measured");

        // spawn's times span three orders of magnitude: a log axis, labelled as plain numbers
        List<PointSummary> spawn = points("Spawn.startJoin", "");
        XYChart log = RunCharts.measured(new ChartTitle(group(spawn), "spawn"), curves("Spawn.startJoin", "", Axis.CORES),
                spawn, DisplayUnit.forBenchmark(spawn)).chart();
        assertTrue(log.getStyler().isYAxisLogarithmic());
        List<String> all = new ArrayList<>(DrawnTicks.y(log));
        assertTrue(all.size() >= 2, all.toString());
        all.addAll(DrawnTicks.y(overCores));
        all.addAll(DrawnTicks.y(overThreads));
        all.addAll(DrawnTicks.x(log));
        for (String label : all) {
            assertTrue(label.matches("[0-9,.]+"), "a plain number: " + label);
        }
    }

    @Test
    void theContentionChartHasTheIntervalOfEveryRatioToOneThread() {
        List<ContentionRow> rows = RUN.contention().stream().filter(r -> r.key().benchmark().equals("Counters.increment")
                && r.key().params().equals("work=10") && r.key().variant().equals("longAdder")).toList();
        // as RunCharts picks them: per thread count, the row on the most cores
        TreeMap<Integer, ContentionRow> byThreads = new TreeMap<>();
        rows.forEach(r -> byThreads.merge(r.key().threads(), r, (a, b) -> a.key().cores() >= b.key().cores() ? a : b));
        XYChart chart = RunCharts.contention(new ChartTitle(group(points("Counters.increment", "work=10")), "contention"),
                Map.of("longAdder", List.copyOf(byThreads.values()))).chart();
        XYSeries s = legend(chart).get("longAdder");
        List<double[]> bars = whiskers(chart, s.getLineColor());
        long withInterval = byThreads.values().stream().filter(r -> r.vsOneThread().high() > r.vsOneThread().low()).count();
        assertTrue(withInterval >= 2, "the fixture's rows have intervals");
        assertEquals(withInterval, bars.size());
    }

    @Test
    void tenSeriesDifferInColourMarkerAndLineFromTheirNeighbours() {
        Set<Color> colours = new HashSet<>();
        Set<Object> markers = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            colours.add(ChartStyle.look(i).color());
            markers.add(ChartStyle.look(i).marker().getClass());
            assertFalse(ChartStyle.look(i).stroke().equals(ChartStyle.look(i + 1).stroke()), "line " + i);
            assertFalse(ChartStyle.look(i).stroke().equals(ChartStyle.DASHED), "a fit's dash");
            assertFalse(ChartStyle.look(i).stroke().equals(ChartStyle.DOTTED), "an ideal's dots");
        }
        assertEquals(10, colours.size());
        assertEquals(10, markers.size(), "a shape each, for readers who cannot tell the colours apart");
    }

    @Test
    void seriesAtOneCountAreSpreadAroundItSoThatEqualValuesStayApart() {
        List<PointSummary> counters = points("Counters.increment", "work=10");
        XYChart chart = RunCharts.speedup(new ChartTitle(group(counters), "speedup"),
                curves("Counters.increment", "work=10", Axis.CORES)).chart();
        // every variant's baseline is 1 at 1 core: four markers, four places, within a step of N
        double[] xsAtOne = legend(chart).values().stream().filter(s -> s.getMarker() != null && s.getYData()[0] == 1
                && !s.getName().equals("ideal linear")).mapToDouble(s -> s.getXData()[0]).toArray();
        assertEquals(4, xsAtOne.length);
        assertEquals(4, Arrays.stream(xsAtOne).distinct().count());
        assertTrue(Arrays.stream(xsAtOne).allMatch(x -> Math.abs(x) < 0.25), Arrays.toString(xsAtOne));
    }

    @Test
    void curvesOfAGroupAreFoundAgainInItsSummaries() {
        List<PointSummary> cpu = points("Cpu.batch", "tasks=64");
        List<ScalingCurve> curves = curves("Cpu.batch", "tasks=64", Axis.CORES);
        assertFalse(curves.isEmpty(), "curves to check");
        for (ScalingCurve c : curves) {
            assertEquals(c.points().size(), ScalingCurves.summariesOf(c.key(), cpu).size());
        }
    }
}
