package corescale.stats.report;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each speedup in the findings is stated over its own curve's range of cores; curves the Answers give
 * (counters at threads = cores) are not stated again.
 */
class FindingsRangeTest {

    private static PointSummary point(String variant, int cores, double mean) {
        return point("processcounters", "ProcessCounters.increment", variant, cores, 1, mean);
    }

    private static PointSummary point(String family, String benchmark, String variant, int cores, int threads, double mean) {
        PointKey key = new PointKey(family, benchmark, variant, "", cores, threads, Mode.THROUGHPUT);
        return new PointSummary(key.withMode(Mode.THROUGHPUT), "ops/us", 3, 9, mean, mean * 0.99, mean * 1.01, 0.01, false,
                new double[] {mean, mean, mean}, List.of());
    }

    private static String findings(List<PointSummary> points) {
        return String.join("\n", Findings.of(Fixtures.input("run", Map.of(), Map.of(), points)));
    }

    @Test
    void curvesWithDifferentRangesEachSayTheirOwn() {
        List<PointSummary> points = new ArrayList<>();
        for (int c = 1; c <= 64; c *= 2) {
            points.add(point("longAdder", c, 10.0 * c)); // linear to 64 cores
            if (c <= 8) {
                points.add(point("atomicLong", c, 10.0)); // flat, measured to 8 only
            }
        }
        String all = findings(points);
        assertTrue(all.contains("processcounters · ProcessCounters.increment speedup (efficiency): atomicLong ×1 from 1 to 8 cores (13%)"
                + ", longAdder ×64 from 1 to 64 cores (100%)"), all);
        assertTrue(!all.contains("speedup from 1 to 8 cores"), all);
    }

    @Test
    void curvesWithOneRangeSayItOnce() {
        List<PointSummary> points = new ArrayList<>();
        for (int c = 1; c <= 8; c *= 2) {
            points.add(point("longAdder", c, 10.0 * c));
            points.add(point("atomicLong", c, 10.0));
        }
        String all = findings(points);
        assertTrue(all.contains("processcounters · ProcessCounters.increment speedup from 1 to 8 cores (efficiency): "), all);
    }

    @Test
    void curvesTheAnswersGiveAreNotRepeated() {
        List<PointSummary> points = new ArrayList<>();
        for (int c = 1; c <= 8; c *= 2) {
            points.add(point("counters", "Counters.increment", "longAdder", c, c, 10.0 * c));
            points.add(point("counters", "Counters.increment", "atomicLong", c, c, 10.0));
            points.add(point("longAdder", c, 10.0 * c));
        }
        String all = findings(points);
        assertTrue(!all.contains("counters · Counters.increment speedup"), all);
        assertTrue(all.contains("processcounters · ProcessCounters.increment speedup from 1 to 8 cores"), all);
    }

    @Test
    void eachSpeedupCarriesItsInterval() {
        List<PointSummary> points = new ArrayList<>();
        for (int c = 1; c <= 8; c *= 2) {
            PointKey key = new PointKey("processcounters", "ProcessCounters.increment", "longAdder", "", c, 1, Mode.THROUGHPUT);
            double m = 10.0 * c;
            points.add(new PointSummary(key, "ops/us", 3, 9, m, m * 0.95, m * 1.05, 0.02, false,
                    new double[] {m * 0.98, m, m * 1.02}, List.of()));
        }
        String all = findings(points);
        assertTrue(all.matches("(?s).*speedup from 1 to 8 cores \\(efficiency\\): longAdder ×8 \\[7\\.[0-9]+, 8\\.[0-9]+\\] \\(100%\\).*"), all);
    }
}
