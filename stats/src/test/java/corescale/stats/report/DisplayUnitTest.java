package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;

/** Tables and charts show numbers in a unit where they read as plain numbers. */
class DisplayUnitTest {

    @Test
    void throughputIsShownPerMicroMilliOrSecondByItsTypicalValue() {
        assertEquals(new DisplayUnit("ops/us", 1), DisplayUnit.forValues("ops/us", 250, 120, 6.8));
        assertEquals(new DisplayUnit("ops/ms", 1e3), DisplayUnit.forValues("ops/us", 250, 1.7, 0.86));
        assertEquals(new DisplayUnit("ops/s", 1e6), DisplayUnit.forValues("ops/us", 0.000185, 0.0009, 0.03));
    }

    @Test
    void timeIsShownInNanoMicroOrMilliseconds() {
        assertEquals(new DisplayUnit("ms/op", 1e-3), DisplayUnit.forValues("us/op", 2382, 89350, 1621));
        assertEquals(new DisplayUnit("us/op", 1), DisplayUnit.forValues("us/op", 20, 58, 105000));
        assertEquals(new DisplayUnit("ns/op", 1e3), DisplayUnit.forValues("us/op", 0.78, 2.2, 1972));
        assertEquals(new DisplayUnit("us/op", 1), DisplayUnit.forValues("us/op"), "nothing to go by");
    }

    @Test
    void theReportTableOfASlowBenchmarkIsInOpsPerSecond() {
        List<PointSummary> points = new ArrayList<>();
        for (String v : List.of("fixedPool", "virtualThreads")) {
            double mean = v.equals("fixedPool") ? 0.0001856 : 0.03122;
            points.add(new PointSummary(new PointKey("io", "IoBatch.batch", v, "k=1000", 2, 1, Mode.THROUGHPUT).withMode(Mode.THROUGHPUT),
                    "ops/us", 3, 9, mean, mean * 0.9, mean * 1.1, 0.01, false, new double[] {mean, mean, mean}, List.of()));
        }
        String md = MarkdownReport.render(Fixtures.build(Fixtures.input("run", Map.of(), Map.of(), points),
                new ArrayList<>()));
        assertTrue(md.contains("Mean score in ops/s"), md);
        assertTrue(md.contains("| fixedPool | 185.6 ±10% |"), md);
        assertTrue(md.contains("| virtualThreads | 31,220 ±10% |"), md);
        // the Contention section shows each point's mean in the same unit as its table
        assertTrue(md.contains("| mean (ops/s) |"), md);
        assertTrue(md.contains("| virtualThreads | 2 | 1 | 31,220 |"), md);
    }

    @Test
    void aBenchmarksUnitIsChosenByAllItsPointsMeansInTheirOwnUnit() {
        List<PointSummary> points = new ArrayList<>();
        double[] means = {360, 0.48, 120};
        for (int i = 0; i < means.length; i++) {
            points.add(new PointSummary(new PointKey("counters", "Counters.increment", "v" + i, "", 2, 2, Mode.THROUGHPUT)
                    .withMode(Mode.THROUGHPUT), "ops/us", 3, 9, means[i], means[i] * 0.9, means[i] * 1.1, 0.1, false,
                    new double[] {means[i], means[i], means[i]}, List.of()));
        }
        assertEquals(new DisplayUnit("ops/ms", 1e3), DisplayUnit.forBenchmark(points), "the slowest point reads 480");
        assertEquals(new DisplayUnit("ops/us", 1), DisplayUnit.forBenchmark(points.subList(0, 1)));
        PointSummary time = new PointSummary(new PointKey("spawn", "S.s", "v", "", 1, 1, Mode.THROUGHPUT)
                .withMode(Mode.AVERAGE_TIME), "us/op", 3, 9, 0.25, 0.2, 0.3, 0.1, false, new double[] {0.25, 0.25, 0.25}, List.of());
        assertEquals(new DisplayUnit("ns/op", 1e3), DisplayUnit.forBenchmark(List.of(time)), "a time mode keeps time");
    }

    @Test
    void aTimeBenchmarksContentionRowsShowItsTimeAsItsTableDoes() {
        List<PointSummary> points = new ArrayList<>();
        for (String v : List.of("cfCommonPool", "platformThread")) {
            double mean = v.equals("cfCommonPool") ? 50 : 2000;
            points.add(new PointSummary(new PointKey("spawn", "StartJoin.startJoin", v, "", 2, 1, Mode.AVERAGE_TIME),
                    "us/op", 3, 9, mean, mean * 0.9, mean * 1.1, 0.01, false, new double[] {mean, mean, mean}, List.of()));
        }
        String md = MarkdownReport.render(Fixtures.build(Fixtures.input("run", Map.of(), Map.of(), points), new ArrayList<>()));
        assertTrue(md.contains("| platformThread | 2000 ±10% |"), md);
        // in Contention too, time per operation in us/op, not the throughput the ratios are taken on
        assertTrue(md.contains("| mean (us/op) |"), md);
        assertTrue(md.contains("| platformThread | 2 | 1 | 2000 |"), md);
    }
}
