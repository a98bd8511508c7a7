package corescale.stats.report;

import corescale.stats.Synthetic;
import corescale.stats.compare.CompareResult;
import corescale.stats.run.Canary;
import corescale.stats.compare.Comparer;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A comparison's lines per family and contention level: the change in words when every point agrees
 * (slower, faster, the same), else the geometric mean ratio and the count of each verdict; and the
 * console's block, with the machine's own speed only where the runs measured it.
 */
class CompareFindingsTest {

    /** Five fork means around 100 × factor, 0.5% apart: tight enough for a verdict at ±5%. */
    private static PointSummary point(String variant, double factor) {
        PointKey key = new PointKey("counters", "Counters.increment", variant, "", 2, 1, Mode.THROUGHPUT);
        double[] forks = {100, 100.5, 99.5, 100.2, 99.8};
        for (int f = 0; f < forks.length; f++) {
            forks[f] *= factor;
        }
        return Synthetic.summary(key, Mode.THROUGHPUT, forks);
    }

    /** The base at 1 for every variant against the other at each variant's factor. */
    private static CompareResult compare(double... factors) {
        List<PointSummary> base = new ArrayList<>();
        List<PointSummary> other = new ArrayList<>();
        for (int i = 0; i < factors.length; i++) {
            base.add(point("v" + i, 1));
            other.add(point("v" + i, factors[i]));
        }
        return Synthetic.compare(new Comparer(0.05), Synthetic.runData("base", base, Set.of(Synthetic.RUN)), Synthetic.runData("other", other, Set.of(Synthetic.RUN)));
    }

    private static String first(CompareResult r) {
        return CompareFindings.of(r).get(0);
    }

    @Test
    void everyPointFasterIsSaidAsTheChange() {
        assertEquals("25% faster on counters at 1 thread (2 points, all faster; one run a side)", first(compare(1.25, 1.25)));
        assertEquals("25% faster on counters at 1 thread (1 point, faster; one run a side)", first(compare(1.25)));
    }

    @Test
    void everyPointSlowerIsSaidAsTheChange() {
        assertEquals("20% slower on counters at 1 thread (2 points, all slower; one run a side)", first(compare(0.8, 0.8)));
    }

    @Test
    void theGateNamesTheFirstFiveSlowerPointsAndCountsTheRest() {
        assertEquals("--fail-on-regression: 1 point slower: other vs base: counters · Counters.increment v0 1t/2c ×0.8 "
                + "[0.796, 0.804] (compare.md has each)", CompareFindings.regression(List.of(compare(0.8, 1))));
        String seven = CompareFindings.regression(List.of(compare(0.8, 0.8, 0.8, 1, 0.8, 0.8, 0.8, 0.8)));
        assertTrue(seven.startsWith("--fail-on-regression: 7 points slower: other vs base: counters · Counters.increment v0 "), seven);
        assertEquals(5, seven.split("other vs base: ", -1).length - 1, "five named: " + seven);
        assertTrue(seven.contains(" v5 ") && !seven.contains(" v6 ") && !seven.contains(" v3 "), "the first five slower, in order: " + seven);
        assertTrue(seven.endsWith("] and 2 more (compare.md has each)"), seven);
    }

    /** One run a side, and the canary says the machine itself was slower: the gate's line says so, once. */
    @Test
    void theGateSaysWhenTheMachineMovedToo() {
        CompareResult r = compare(0.8, 1);
        CompareResult moved = new CompareResult(r.base(), r.other(), r.design(), r.baseRuns(), r.otherRuns(), r.points(),
                r.curves(), r.mismatches(), new Canary(0.835, 0.935), r.runToRun(), r.notes(), r.threshold(), r.alpha(), r.minForks());
        assertEquals("--fail-on-regression: 1 point slower: other vs base: counters · Counters.increment v0 1t/2c ×0.8 "
                + "[0.796, 0.804] (compare.md has each); the machine moved too, beyond ±5% (other vs base: ×0.835 as fast "
                + "on the canary's cpu kernel, ×0.935 on its memory kernel): it may be the machine, not the code",
                CompareFindings.regression(List.of(moved)));
        CompareResult steady = new CompareResult(r.base(), r.other(), r.design(), r.baseRuns(), r.otherRuns(), r.points(),
                r.curves(), r.mismatches(), new Canary(0.98, 1.01), r.runToRun(), r.notes(), r.threshold(), r.alpha(), r.minForks());
        assertFalse(CompareFindings.regression(List.of(steady)).contains("machine moved"));
    }

    @Test
    void everyPointTheSameIsSaidWithTheThreshold() {
        assertEquals("the same within ±5% on counters at 1 thread (2 points, all same; one run a side)",
                first(compare(1, 1.001)));
    }

    @Test
    void mixedVerdictsGiveTheGeometricMeanAndEachCount() {
        assertEquals("geometric mean ratio ×1.12 on counters at 1 thread (2 points: 1 faster, 1 same; one run a side)",
                first(compare(1.25, 1)));
    }

    /** Two forks a side 10% apart: no interval at t(1) can call a change or sameness within ±5%. */
    @Test
    void inconclusivePointsAreCountedWithTheForksTheirTestsHad() {
        PointKey key = new PointKey("counters", "Counters.increment", "v0", "", 2, 1, Mode.THROUGHPUT);
        CompareResult r = Synthetic.compare(new Comparer(0.05), Synthetic.runData("base", List.of(point("v0", 1), Synthetic.summary(key.withVariant("v1"), Mode.THROUGHPUT, 100, 101, 99)),
                        Set.of(Synthetic.RUN)), Synthetic.runData("other", List.of(point("v0", 1), Synthetic.summary(key.withVariant("v1"), Mode.THROUGHPUT, 95, 105)),
                        Set.of(Synthetic.RUN)));
        List<String> lines = CompareFindings.of(r);
        assertTrue(lines.contains("1 inconclusive: too few or too spread to call a change, or the same within ±5% "
                + "(forks a point: base 3, other 2); more forks a point tell more"), lines.toString());
        assertEquals(0, CompareFindings.of(compare(1, 1.25)).stream().filter(l -> l.contains("inconclusive:")).count(),
                "no line where every point has a verdict");
    }

    @Test
    void theConsoleNamesTheComparisonOnceAndTheMachineOnlyWhereMeasured() {
        CompareResult r = compare(1.25, 1);
        List<String> lines = CompareFindings.consoleLines(r, CompareFindings.of(r));
        assertEquals("other vs base (forks): 1 faster, 1 same", lines.get(0));
        assertEquals("  geometric mean ratio ×1.12 on counters at 1 thread (2 points: 1 faster, 1 same; one run a side)",
                lines.get(1), "no canary line: the runs have no canary");
        assertEquals(0, lines.stream().filter(l -> l.contains("insufficient")).count(), lines.toString());
    }
}
