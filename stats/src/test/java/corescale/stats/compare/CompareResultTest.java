package corescale.stats.compare;

import corescale.stats.Synthetic;
import corescale.stats.run.Canary;
import corescale.stats.summary.FalseDiscovery;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.WelchOnLogs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a comparison claims, decided from its points' verdicts: per group, and over all its points. */
class CompareResultTest {

    private static PointComparison point(String variant, int threads, double ratio, Verdict verdict) {
        return new PointComparison(Synthetic.key(variant, 2, threads), "ops/us", 10, 10 * ratio, Design.FORKS, 5, 5,
                new Ratio(ratio, ratio * 0.9, ratio * 1.1, Ratio.Method.WELCH_LOG), 0.01, 0.01, 0.5, verdict, List.of());
    }

    private static CompareResult result(List<PointComparison> points) {
        return new CompareResult("a", "b", Design.FORKS, 1, 1, points, List.of(), List.of(), Canary.NONE, RunToRun.NONE,
                List.of(), 0.05, FalseDiscovery.ALPHA, WelchOnLogs.MIN_FORKS);
    }

    @Test
    void aGroupClaimsAVerdictOnlyWhereEveryPointGotIt() {
        CompareResult r = result(List.of(point("lock", 1, 0.7, Verdict.SLOWER), point("adder", 1, 0.8, Verdict.SLOWER),
                point("lock", 2, 1.0, Verdict.INCONCLUSIVE), point("adder", 2, 1.01, Verdict.SAME),
                point("atomic", 2, 0.6, Verdict.SLOWER),
                new PointComparison(Synthetic.key("gone", 2, 2), "ops/us", 10, Double.NaN, Design.FORKS, 5, 0, Ratio.NONE,
                        Double.NaN, Double.NaN, Double.NaN, Verdict.ONLY_BASE, List.of())));
        List<CompareResult.Group> groups = r.groups();
        assertEquals(2, groups.size(), "counters at 1 thread and at 2+; the point on one side only in neither");
        CompareResult.Group one = groups.get(0);
        assertFalse(one.contended());
        assertEquals(Optional.of(Verdict.SLOWER), one.unanimous());
        assertTrue(one.anyClaim());
        CompareResult.Group two = groups.get(1);
        assertEquals(Optional.empty(), two.unanimous());
        assertTrue(two.anyClaim(), "one of three slower");
        assertEquals(List.of(Verdict.SLOWER, Verdict.SAME, Verdict.INCONCLUSIVE), List.copyOf(two.verdicts().keySet()),
                "in the verdicts' order, not the points'");

        assertEquals(List.of(Map.entry(Verdict.SLOWER, 3), Map.entry(Verdict.SAME, 1), Map.entry(Verdict.INCONCLUSIVE, 1),
                Map.entry(Verdict.ONLY_BASE, 1)), new ArrayList<>(r.verdictCounts().entrySet()));
        assertEquals(List.of("lock", "adder", "atomic"), r.points(Verdict.SLOWER).stream().map(p -> p.key().variant()).toList());
        assertTrue(r.anyClaim());
    }

    @Test
    void withNoPointFasterOrSlowerNothingIsClaimed() {
        CompareResult r = result(List.of(point("lock", 1, 1.0, Verdict.SAME), point("lock", 2, 1.3, Verdict.INCONCLUSIVE)));
        assertFalse(r.anyClaim());
        assertFalse(r.groups().get(0).anyClaim());
        assertEquals(Optional.of(Verdict.SAME), r.groups().get(0).unanimous());
        assertEquals(Optional.of(Verdict.INCONCLUSIVE), r.groups().get(1).unanimous());
        assertTrue(result(List.of(point("lock", 1, 1.3, Verdict.FASTER))).anyClaim());
    }
}
