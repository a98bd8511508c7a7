package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.LostUpdates;

/** The findings call a lead a win only when the intervals say so, and never hide lost updates. */
class FindingsTest {

    static PointSummary point(String variant, double mean, double low, double high) {
        PointKey key = new PointKey("counters", "Counters.increment", variant, "", 2, 2);
        return new PointSummary(key, Mode.THROUGHPUT, "ops/us", 3, 9, mean, low, high, 0.01, false,
                new double[] {mean, mean, mean}, "");
    }

    private static String findings(ReportInput in) {
        return String.join("\n", ConsoleSummary.findings(in));
    }

    @Test
    void aLeadInsideOverlappingIntervalsIsATie() {
        ReportInput in = ReportInput.of("run", Map.of(), Map.of(),
                List.of(point("atomicLong", 105, 95, 115), point("longAdder", 100, 90, 110)));
        String all = findings(in);
        assertTrue(all.contains("2t/2c atomicLong and longAdder tied within their 95% CIs"), all);
    }

    @Test
    void aLeadBeyondBothIntervalsIsAWin() {
        ReportInput in = ReportInput.of("run", Map.of(), Map.of(),
                List.of(point("atomicLong", 150, 145, 155), point("longAdder", 100, 95, 105)));
        String all = findings(in);
        assertTrue(all.contains("2t/2c atomicLong (×1.5 vs longAdder)"), all);
    }

    @Test
    void lostUpdatesAreNamedWithWhereTheyHappened() {
        List<PointSummary> points = List.of(point("semaphorePermits", 100, 90, 110), point("semaphore", 80, 70, 90));
        List<LostUpdates> lost = List.of(
                new LostUpdates(points.get(0).key(), 12345, 2, 3),
                new LostUpdates(points.get(1).key(), 0, 0, 3));
        ReportInput in = new ReportInput("run", Map.of(), Map.of(), points, List.of(), List.of(), lost, List.of());
        String all = findings(in);
        assertTrue(all.contains("semaphorePermits lost updates at 2t/2c"), all);
        assertTrue(!all.contains("semaphore lost"), all);

        StringBuilder md = new StringBuilder(MarkdownReport.render(RunReport.build(in, new java.util.ArrayList<>())));
        assertTrue(md.toString().contains("Correctness: lost updates"), md.toString());
        assertTrue(md.toString().contains("12345"), md.toString());
        assertTrue(md.toString().contains("2 of 3"), md.toString());
    }
}
