package corescale.stats.report;

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

/** What {@link Plot} draws whatever the caller: ticks at the counts, whiskers that stay in the plot. */
class PlotTest {

    private static final ChartTitle TITLE = new ChartTitle(new Setting("counters", "Counters.increment", "work=0",
            Mode.THROUGHPUT), "throughput vs cores");

    private static XYChart onePoint(Plot plot, double low) {
        plot.points("a", new double[] {2}, new double[] {100}, new double[] {low}, new double[] {150},
                ChartStyle.look(0), 0, 1);
        plot.finish(true);
        return plot.chart();
    }

    /** One core count (a fleet of 2-CPU machines): no tick at a count not measured, the count in the axis title. */
    @Test
    void anAxisOfOneCountNamesItInItsTitle() {
        for (Plot plot : List.of(Plot.overCounts(TITLE, "cores", "ops/us"),
                Plot.overCountsLegendBelow(TITLE, "cores", "ops/us", 8))) {
            XYChart chart = onePoint(plot, 50);
            assertFalse(chart.getStyler().isXAxisTicksVisible());
            assertEquals("cores = 2", chart.getXAxisTitle());
        }
        Plot two = Plot.overCounts(TITLE, "cores", "ops/us");
        two.points("a", new double[] {1, 2}, new double[] {50, 100}, new double[] {40, 90}, new double[] {60, 110},
                ChartStyle.look(0), 0, 1);
        two.finish(true);
        assertTrue(two.chart().getStyler().isXAxisTicksVisible());
        assertEquals(List.of("1", "2"), DrawnTicks.x(two.chart()));
        assertEquals("cores", two.chart().getXAxisTitle());
    }

    /** A t interval of two forks may reach below 0; its whisker stops at 0, with no cap there. */
    @Test
    void aWhiskerBelowZeroStopsAtZeroWithoutACap() {
        XYChart chart = onePoint(Plot.overCounts(TITLE, "cores", "ops/us"), -40);
        List<XYSeries> whiskers = chart.getSeriesMap().values().stream().filter(s -> !s.isShowInLegend()).toList();
        assertEquals(1, whiskers.size());
        assertEquals(0, whiskers.get(0).getYMin());
        assertEquals(150, whiskers.get(0).getYMax());
        assertEquals(4, whiskers.get(0).getXData().length, "the line and the top cap only");

        XYChart inside = onePoint(Plot.overCounts(TITLE, "cores", "ops/us"), 50);
        XYSeries whole = inside.getSeriesMap().values().stream().filter(s -> !s.isShowInLegend()).findFirst().orElseThrow();
        assertEquals(50, whole.getYMin());
        assertTrue(whole.getXData().length == 6, "both caps");
    }
}
