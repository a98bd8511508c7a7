package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.model.Mode;
import corescale.stats.model.Setting;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.DrawnTicks;

/** The comparison's ratio chart is a forest plot: a named row per point. */
class CompareChartsTest {

    private static final Setting COUNTERS = new Setting("counters", "Counters.increment", "work=10", Mode.THROUGHPUT);
    private static final List<CompareCharts.Ratio> RATIOS = List.of(
            new CompareCharts.Ratio("atomicLong 1t/1c", 1.02, 0.97, 1.08),
            new CompareCharts.Ratio("atomicLong 2t/2c", 0.80, 0.72, 0.90),
            new CompareCharts.Ratio("longAdder 2t/2c", 1.30, 1.10, 1.52),
            new CompareCharts.Ratio("synchronized 4t/2c", 0.99, Double.NaN, Double.NaN));

    @Test
    void eachPointIsARowNamedOnTheAxisWithItsIntervalAsAHorizontalBar() {
        Plot plot = CompareCharts.ratios(COUNTERS, "/data/runs/epyc-base/", "/data/runs/epyc-new", "", RATIOS, 0.05);
        XYChart chart = plot.chart();
        // the first point on top: the axis reads bottom-up
        assertEquals(List.of("synchronized 4t/2c", "longAdder 2t/2c", "atomicLong 2t/2c", "atomicLong 1t/1c"),
                DrawnTicks.y(chart).stream().filter(l -> !l.isBlank()).toList());
        XYSeries dots = chart.getSeriesMap().get("ratio (95% CI)");
        assertArrayEquals(new double[] {0.99, 1.30, 0.80, 1.02}, dots.getXData(), 0);
        assertArrayEquals(new double[] {0, 1, 2, 3}, dots.getYData(), 0);
        // a bar from low to high on the row of each point with an interval, none for the one without
        List<XYSeries> bars = chart.getSeriesMap().values().stream()
                .filter(s -> !s.isShowInLegend() && s.getXData().length == 2 && s.getYData()[0] == s.getYData()[1]).toList();
        assertEquals(3, bars.size());
        assertTrue(bars.stream().anyMatch(b -> b.getXData()[0] == 1.10 && b.getXData()[1] == 1.52 && b.getYData()[0] == 1));
        assertTrue(bars.stream().anyMatch(b -> b.getXData()[0] == 0.97 && b.getXData()[1] == 1.08 && b.getYData()[0] == 3));
        // the threshold band: 1 ± 5% across every row
        XYSeries band = chart.getSeriesMap().get("±5% around 1: no change that matters");
        assertEquals(XYSeries.XYSeriesRenderStyle.PolygonArea, band.getXYSeriesRenderStyle());
        assertEquals(0.95, band.getXMin(), 1e-12);
        assertEquals(1.05, band.getXMax(), 1e-12);
        assertEquals(-1, band.getYMin(), 0);
        assertEquals(4, band.getYMax(), 0);
        assertFalse(DrawnTicks.x(chart).isEmpty(), "ticks drawn");
        for (String x : DrawnTicks.x(chart)) {
            assertTrue(x.matches("[0-9.]+"), x);
        }
    }

    @Test
    void runsAreNamedByTheirFolderNotTheirPath() {
        Plot plot = CompareCharts.ratios(COUNTERS, "/data/runs/epyc-base/", "/data/runs/epyc-new", " (2)", RATIOS, 0.05);
        assertEquals("Ratios epyc-new / epyc-base (2): Counters.increment [work=10]", plot.titleLines().get(0));
        assertTrue(plot.chart().getXAxisTitle().startsWith("ratio epyc-new / epyc-base (×), above 1: epyc-new faster"));
        assertEquals("epyc-a", CompareCharts.runLabel("C:\\runs\\epyc-a"));
        assertEquals("configB", CompareCharts.runLabel("configB"));
        // two folders of one name are told apart by their paths
        Plot same = CompareCharts.ratios(COUNTERS, "/a/run", "/b/run", "", RATIOS, 0.05);
        assertTrue(same.titleLines().get(0).startsWith("Ratios /b/run / /a/run"), same.titleLines().toString());
    }

    @Test
    void aRowForEachPointMakesTheChartTallEnoughToReadEveryName() {
        List<CompareCharts.Ratio> many = java.util.stream.IntStream.range(0, CompareReport.MAX_POINTS_PER_CHART)
                .mapToObj(i -> new CompareCharts.Ratio("variant" + i + " " + (i % 4 + 1) + "t/2c", 1 + i / 100.0,
                        0.95 + i / 100.0, 1.05 + i / 100.0)).toList();
        XYChart chart = CompareCharts.ratios(COUNTERS, "a", "b", "", many, 0.05).chart();
        assertEquals(CompareReport.MAX_POINTS_PER_CHART, DrawnTicks.y(chart).stream().filter(l -> !l.isBlank()).count(),
                "every row labelled");
    }
}
