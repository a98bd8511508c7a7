package corescale.stats.compare;


import corescale.stats.Synthetic;
import corescale.stats.bounds.Bounds;
import corescale.stats.bounds.PointFacts;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import corescale.stats.scaling.NoFit;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.summary.WelchOnLogs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareTest {

    private static final PointKey KEY = Synthetic.key("lock", 4, 4);

    private static double[] forkMeans(SplittableRandom r, double level, double cv, int forks) {
        double[] out = new double[forks];
        for (int f = 0; f < forks; f++) {
            out[f] = level * (1 + cv * r.nextGaussian());
        }
        return out;
    }

    private static RunData run(String name, PointSummary... points) {
        return Synthetic.runData(name, List.of(points), Set.of(Synthetic.RUN));
    }

    private static PointComparison only(CompareResult r) {
        assertEquals(1, r.points().size());
        return r.points().get(0);
    }

    @Test
    void plantedTenPercentSlowdownIsSlower() {
        SplittableRandom r = new SplittableRandom(5);
        PointSummary base = Synthetic.summary(KEY, Mode.THROUGHPUT, forkMeans(r, 100, 0.01, 5));
        PointSummary other = Synthetic.summary(KEY, Mode.THROUGHPUT, forkMeans(r, 90, 0.01, 5));
        PointComparison c = only(Synthetic.compare(new Comparer(0.05), run("a", base), run("b", other)));
        assertEquals(Verdict.SLOWER, c.verdict(), c.toString());
        assertTrue(c.ratio().high() < 0.95);
        assertTrue(c.pChange() < 0.001, "Welch p " + c.pChange());
    }

    @Test
    void sameDistributionIsRarelyCalledFasterOrSlower() {
        // 5% fork-to-fork noise (as large as the threshold) and 30% (where a percentile bootstrap of
        // 5 values is most likely to be too narrow). Seeded, so the counts are the same on every run.
        for (double cv : new double[]{0.05, 0.30}) {
            SplittableRandom r = new SplittableRandom(99);
            Comparer comparer = new Comparer(0.05);
            int trials = 1000;
            int wrong = 0;
            int same = 0;
            for (int t = 0; t < trials; t++) {
                PointSummary a = Synthetic.summary(KEY, Mode.THROUGHPUT, forkMeans(r, 100, cv, 5));
                PointSummary b = Synthetic.summary(KEY, Mode.THROUGHPUT, forkMeans(r, 100, cv, 5));
                Verdict v = only(Synthetic.compare(comparer, run("a", a), run("b", b))).verdict();
                wrong += v == Verdict.FASTER || v == Verdict.SLOWER ? 1 : 0;
                same += v == Verdict.SAME ? 1 : 0;
            }
            double rate = wrong / (double) trials;
            System.out.printf(java.util.Locale.ROOT, "one point, 5 forks, %.0f%% noise, no change: %d of %d faster/slower,"
                    + " %d same%n", cv * 100, wrong, trials, same);
            assertTrue(rate <= 0.05, "cv " + cv + ": false faster/slower rate " + rate);
            assertTrue(same < trials, "the CI must not always be narrow");
        }
    }

    @Test
    void higherThroughputIsFaster() {
        PointSummary base = Synthetic.summary(KEY, Mode.THROUGHPUT, 100, 101, 99, 100, 100);
        PointSummary other = Synthetic.summary(KEY, Mode.THROUGHPUT, 120, 121, 119, 120, 120);
        PointComparison c = only(Synthetic.compare(new Comparer(0.05), run("a", base), run("b", other)));
        assertEquals(Verdict.FASTER, c.verdict());
        assertEquals(1.2, c.ratio().value(), 1e-12);
    }

    @Test
    void lowerAverageTimeIsFaster() {
        PointSummary base = Synthetic.summary(KEY, Mode.AVERAGE_TIME, 2.0, 2.02, 1.98, 2.0, 2.0);
        PointSummary other = Synthetic.summary(KEY, Mode.AVERAGE_TIME, 1.6, 1.62, 1.58, 1.6, 1.6);
        PointComparison c = only(Synthetic.compare(new Comparer(0.05), run("a", base), run("b", other)));
        assertEquals(Verdict.FASTER, c.verdict());
        assertEquals(1.25, c.ratio().value(), 1e-12); // base time / other time
    }

    @Test
    void verdictRules() {
        // q of no change, ratio, TOST p, threshold, alpha
        assertEquals(Verdict.FASTER, Verdict.of(0.01, 1.10, 0.9, 0.05, 0.05));
        assertEquals(Verdict.SLOWER, Verdict.of(0.01, 0.90, 0.9, 0.05, 0.05));
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(0.06, 0.90, 0.9, 0.05, 0.05), "not a discovery");
        assertEquals(Verdict.SAME, Verdict.of(0.01, 0.98, 0.01, 0.05, 0.05), "significant but within the threshold");
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(0.01, 0.98, 0.20, 0.05, 0.05));
        assertEquals(Verdict.SAME, Verdict.of(0.8, 1.0, 0.001, 0.05, 0.05));
    }

    @Test
    void oneForkOrPooledSideIsInsufficientHoweverLargeTheChange() {
        PointSummary base = Synthetic.summary(KEY, Mode.THROUGHPUT, 100);
        PointSummary other = Synthetic.summary(KEY, Mode.THROUGHPUT, 50, 51, 49);
        PointComparison c = only(Synthetic.compare(new Comparer(0.05), run("a", base), run("b", other)));
        assertEquals(Verdict.INSUFFICIENT, c.verdict());
        assertEquals(0.5, c.ratio().value(), 1e-12);
        assertTrue(Double.isNaN(c.ratio().low()), "no interval from one fork");
        assertEquals(List.of(new CompareNote.SideTooFewForks(CompareNote.Side.BASE, 1, WelchOnLogs.MIN_FORKS)), c.notes());
        PointSummary pooled = new PointSummary(KEY.withMode(Mode.THROUGHPUT), "ops/us", 0, 10, 50, 49, 51, Double.NaN, false,
                new double[0], List.of());
        PointComparison p = only(Synthetic.compare(new Comparer(0.05), run("a", other), run("b", pooled)));
        assertEquals(Verdict.INSUFFICIENT, p.verdict());
        assertEquals(List.of(new CompareNote.SidePooled(CompareNote.Side.OTHER)), p.notes());
    }

    @Test
    void avgtAndSampleOfOnePointAreComparedEachWithItsOwn() {
        PointSummary avgt = Synthetic.summary(KEY, Mode.AVERAGE_TIME, 2.0, 2.0, 2.0);
        PointSummary sample = Synthetic.summary(KEY, Mode.SAMPLE_TIME, 3.0, 3.0, 3.0);
        CompareResult r = Synthetic.compare(new Comparer(0.05), run("a", avgt, sample), run("b", avgt, sample));
        assertEquals(2, r.points().size());
        r.points().forEach(p -> assertEquals(1.0, p.ratio().value(), 1e-12));
    }

    @Test
    void unmatchedPointsAreListedAndMachineDifferencesNoted() {
        PointSummary shared = Synthetic.summary(KEY, Mode.THROUGHPUT, 10, 10.1, 9.9);
        PointSummary onlyA = Synthetic.summary(Synthetic.key("adder", 4, 4), Mode.THROUGHPUT, 5, 5, 5);
        PointSummary onlyB = Synthetic.summary(Synthetic.key("atomic", 4, 4), Mode.THROUGHPUT, 7, 7, 7);
        RunInfo otherJdk = new RunInfo("r2", "hostB", "Linux", "amd64", "cpu", 8, "vendor", "25", "", "", "");
        CompareResult r = Synthetic.compare(new Comparer(0.05), run("a", shared, onlyA), Synthetic.runData("b", List.of(shared, onlyB), Set.of(otherJdk)));
        assertEquals(3, r.points().size());
        assertEquals(Set.of(Verdict.SAME, Verdict.ONLY_BASE, Verdict.ONLY_OTHER),
                Set.copyOf(r.points().stream().map(PointComparison::verdict).toList()));
        assertEquals(List.of(new Mismatch("host", List.of("hostA"), List.of("hostB")),
                new Mismatch("jdk_version", List.of("21.0.2"), List.of("25"))), r.mismatches());
        PointComparison a = r.points().stream().filter(p -> p.verdict() == Verdict.ONLY_BASE).findFirst().orElseThrow();
        assertEquals(List.of(new CompareNote.NotIn("b")), a.notes());
        assertEquals(1, r.families().size());
        assertEquals(1.0, r.families().get(0).geomean(), 1e-12);
    }

    @Test
    void familyGeomeanIsGeometric() {
        PointSummary a1 = Synthetic.summary(KEY, Mode.THROUGHPUT, 10, 10);
        PointSummary b1 = Synthetic.summary(KEY, Mode.THROUGHPUT, 20, 20);
        PointKey k2 = Synthetic.key("adder", 4, 4);
        PointSummary a2 = Synthetic.summary(k2, Mode.THROUGHPUT, 10, 10);
        PointSummary b2 = Synthetic.summary(k2, Mode.THROUGHPUT, 5, 5);
        CompareResult r = Synthetic.compare(new Comparer(0.05), run("a", a1, a2), run("b", b1, b2));
        assertEquals(1.0, r.families().get(0).geomean(), 1e-12); // sqrt(2 · 0.5)
    }

    @Test
    void differentCoreCountsAreComparedPerCoreAtMostCores() {
        PointSummary a = Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.THROUGHPUT, 40, 40, 40);
        PointSummary b = Synthetic.summary(Synthetic.key("lock", 8, 8), Mode.THROUGHPUT, 60, 60, 60);
        CompareResult r = Synthetic.compare(new Comparer(0.05), run("a", a), run("b", b));
        assertEquals(1, r.curves().size());
        CurveComparison c = r.curves().get(0);
        assertEquals(10.0, c.basePerCore(), 1e-12);
        assertEquals(7.5, c.otherPerCore(), 1e-12);
        assertEquals(0.75, c.ratio().value(), 1e-12);
    }

    /**
     * Compare fits the USL only where it shows it: each side's curve over cores when the core counts
     * differ (here 1-8 against 1-16, a fit each), never the curves it only draws.
     */
    @Test
    void theUslIsFittedOnlyForTheCurvesComparedPerCore() {
        List<PointSummary> a = new ArrayList<>();
        List<PointSummary> b = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16}) {
            double x = 10 * n / (1 + 0.05 * (n - 1) + 0.002 * n * (n - 1));
            PointSummary p = Synthetic.summary(Synthetic.key("lock", n, n), Mode.THROUGHPUT, x * 0.99, x, x * 1.01);
            b.add(p);
            if (n <= 8) {
                a.add(p);
            }
        }
        RunData base = Synthetic.runData("a", a, Set.of(Synthetic.RUN));
        RunData other = Synthetic.runData("b", b, Set.of(Synthetic.RUN));
        assertFalse(base.curves().isEmpty());
        assertTrue(base.curves().stream().allMatch(c -> !c.usl().fitted() && c.usl().noFit().reason() == NoFit.Reason.NOT_FITTED),
                "what compare draws is not fitted");
        CurveComparison c = Synthetic.compare(new Comparer(0.05), base, other).curves().get(0);
        assertTrue(c.baseUsl().fitted(), String.valueOf(c.baseUsl().noFit()));
        assertTrue(c.otherUsl().fitted(), String.valueOf(c.otherUsl().noFit()));
        assertEquals(0.05, c.otherUsl().sigma(), 0.01);
    }

    /** A benchmark one unit at a time by construction (StartJoin) is a latency: no per-core comparison. */
    @Test
    void oneAtATimeCurvesGetNoPerCoreComparison() {
        PointSummary a = Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.THROUGHPUT, 40, 40, 40);
        PointSummary b = Synthetic.summary(Synthetic.key("lock", 8, 8), Mode.THROUGHPUT, 60, 60, 60);
        PointSummary la = Synthetic.summary(Synthetic.key("startJoin", 4, 1), Mode.THROUGHPUT, 0.01, 0.01, 0.01);
        PointSummary lb = Synthetic.summary(Synthetic.key("startJoin", 8, 1), Mode.THROUGHPUT, 0.02, 0.02, 0.02);
        PointFacts one = new PointFacts(1, Double.NaN, Double.NaN);
        RunData base = Synthetic.runData("a", List.of(a, la), Set.of(Synthetic.RUN),
                Bounds.of(List.of(a, la), java.util.Map.of(la.key(), one)));
        RunData other = Synthetic.runData("b", List.of(b, lb), Set.of(Synthetic.RUN),
                Bounds.of(List.of(b, lb), java.util.Map.of(lb.key(), one)));
        CompareResult r = Synthetic.compare(new Comparer(0.05), base, other);
        assertEquals(List.of("lock"), r.curves().stream().map(c -> c.curve().variant()).toList());
        // without the facts both curves are compared: the test can fail
        assertEquals(2, Synthetic.compare(new Comparer(0.05), run("a", a, la), run("b", b, lb)).curves().size());
    }

    /**
     * A pool of as many threads as cores runs one unit at a time at 1 core only (concurrency 1 there,
     * 2 at 2 cores): its curve is a curve, its 1-core point in it, where a latency's (1 everywhere) is not.
     */
    @Test
    void aCurveOneUnitAtATimeAtOneCoreOnlyKeepsThatPoint() {
        PointSummary pool1 = Synthetic.summary(Synthetic.key("fixedPool", 1, 1), Mode.THROUGHPUT, 10, 10.1, 9.9);
        PointSummary pool2 = Synthetic.summary(Synthetic.key("fixedPool", 2, 1), Mode.THROUGHPUT, 19, 19.2, 18.9);
        PointSummary join1 = Synthetic.summary(Synthetic.key("startJoin", 1, 1), Mode.THROUGHPUT, 0.01, 0.011, 0.009);
        PointSummary join2 = Synthetic.summary(Synthetic.key("startJoin", 2, 1), Mode.THROUGHPUT, 0.01, 0.011, 0.009);
        PointFacts one = new PointFacts(1, Double.NaN, Double.NaN);
        List<PointSummary> points = List.of(pool1, pool2, join1, join2);
        RunData run = Synthetic.runData("a", points, Set.of(Synthetic.RUN), Bounds.of(points, java.util.Map.of(
                pool1.key(), one, pool2.key(), new PointFacts(2, Double.NaN, Double.NaN), join1.key(), one, join2.key(), one)));
        assertEquals(List.of(pool1, pool2), run.scalable());
    }

    /** A point the service held back on a side says so: a change there is the service's pace as much as the model's. */
    @Test
    void aPointHeldBackByTheServiceOnASideIsNoted() {
        PointSummary vt = Synthetic.summary(Synthetic.key("virtualThreads", 2, 1), Mode.THROUGHPUT, 0.048, 0.049, 0.047);
        PointSummary pool = Synthetic.summary(Synthetic.key("fixedPool", 2, 1), Mode.THROUGHPUT, 0.0017, 0.0018, 0.0016);
        PointFacts heldBack = new PointFacts(200, 1000, 2.4);
        PointFacts onTime = new PointFacts(200, 1000, 1.1);
        RunData base = Synthetic.runData("a", List.of(vt, pool), Set.of(Synthetic.RUN),
                Bounds.of(List.of(vt, pool), java.util.Map.of(vt.key(), heldBack, pool.key(), onTime)));
        RunData other = Synthetic.runData("b", List.of(vt, pool), Set.of(Synthetic.RUN),
                Bounds.of(List.of(vt, pool), java.util.Map.of(vt.key(), onTime, pool.key(), onTime)));
        CompareResult r = Synthetic.compare(new Comparer(0.05), base, other);
        PointComparison held = r.points().stream().filter(p -> p.key().variant().equals("virtualThreads")).findFirst().orElseThrow();
        assertEquals(List.of(new CompareNote.ServiceBound(CompareNote.Side.BASE)), held.notes());
        PointComparison free = r.points().stream().filter(p -> p.key().variant().equals("fixedPool")).findFirst().orElseThrow();
        assertEquals(List.of(), free.notes());
        CompareResult both = Synthetic.compare(new Comparer(0.05), base, base);
        assertTrue(both.points().stream().filter(p -> p.key().variant().equals("virtualThreads")).findFirst().orElseThrow()
                .notes().contains(new CompareNote.ServiceBound(CompareNote.Side.BOTH)));
    }

    /**
     * The verdict's edges as stats/STATISTICS.md states them: faster/slower when q ≤ α (a q of exactly α
     * is a discovery) and the ratio lies beyond 1 + t (exactly 1 + t is not beyond it); same when
     * p_same &lt; α (exactly α is not).
     */
    @Test
    void verdictEdgesAreTheDocumentedOnes() {
        assertEquals(Verdict.FASTER, Verdict.of(0.05, 1.10, 0.9, 0.05, 0.05), "q = alpha is a discovery");
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(0.01, 1 + 0.05, 0.9, 0.05, 0.05), "ratio 1 + t is not beyond it");
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(0.5, 1.0, 0.05, 0.05, 0.05), "p_same = alpha is not below it");
    }

    /** The same edges on the slower side, the one a regression gate fires on: q = α is a discovery, ratio 1 − t is not below 1 − t. */
    @Test
    void slowerVerdictEdgesAreTheDocumentedOnes() {
        assertEquals(Verdict.SLOWER, Verdict.of(0.05, 0.90, 0.9, 0.05, 0.05), "q = alpha is a discovery");
        assertEquals(Verdict.INCONCLUSIVE, Verdict.of(0.01, 1 - 0.05, 0.9, 0.05, 0.05), "ratio 1 - t is not below it");
    }

    /** A threshold is a relative change in [0, 1): 1 would call a point slower only below a ratio of 0. */
    @Test
    void aThresholdOfOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Comparer(1.0));
    }

    /** A side of two forks, one of them 0, has enough forks: what stops the test is the fork mean, and the note says so. */
    @Test
    void aZeroForkMeanIsNamedAsNotPositiveNotAsTooFewForks() {
        PointSummary base = Synthetic.summary(KEY, Mode.THROUGHPUT, 100, 0);
        PointSummary other = Synthetic.summary(KEY, Mode.THROUGHPUT, 100, 101);
        PointComparison c = only(Synthetic.compare(new Comparer(0.05), run("a", base), run("b", other)));
        assertEquals(Verdict.INSUFFICIENT, c.verdict());
        assertEquals(List.of(new CompareNote.SideForkMeanNotPositive(CompareNote.Side.BASE)), c.notes());
    }

    /** A ratio of 0 (the other side measured nothing) has no logarithm: the family's geomean leaves it out. */
    @Test
    void aZeroRatioIsLeftOutOfTheFamilyGeomean() {
        PointKey k2 = Synthetic.key("adder", 4, 4);
        CompareResult r = Synthetic.compare(new Comparer(0.05), run("a", Synthetic.summary(KEY, Mode.THROUGHPUT, 10, 10.1, 9.9), Synthetic.summary(k2, Mode.THROUGHPUT, 10, 10.1, 9.9)), run("b", Synthetic.summary(KEY, Mode.THROUGHPUT, 20, 20.2, 19.8), Synthetic.summary(k2, Mode.THROUGHPUT, 0, 0, 0)));
        CompareResult.FamilyGeomean f = r.families().get(0);
        assertEquals(1, f.points());
        assertEquals(2.0, f.geomean(), 1e-12); // KEY alone: 20/10
    }

    /**
     * Per core at each side's largest core count, even where that is not the side's best throughput:
     * base 40 at 4 cores and 30 at 8, other also 20 at 16: 30/8 = 3.75 against 20/16 = 1.25 a core.
     */
    @Test
    void perCoreIsTakenAtTheLargestCoreCountNotAtTheBestThroughput() {
        PointSummary at4 = Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.THROUGHPUT, 40, 40.4, 39.6);
        PointSummary at8 = Synthetic.summary(Synthetic.key("lock", 8, 8), Mode.THROUGHPUT, 30, 30.3, 29.7);
        PointSummary at16 = Synthetic.summary(Synthetic.key("lock", 16, 16), Mode.THROUGHPUT, 20, 20.2, 19.8);
        CurveComparison c = Synthetic.compare(new Comparer(0.05), run("a", at4, at8), run("b", at4, at8, at16)).curves().get(0);
        assertEquals(List.of(8, 16), List.of(c.baseCores(), c.otherCores()));
        assertEquals(3.75, c.basePerCore(), 1e-12);
        assertEquals(1.25, c.otherPerCore(), 1e-12);
    }

    /** A side whose points do not know their cores (0) gets no per-core figure, whichever side it is. */
    @Test
    void aSideWithoutCoresHasNoPerCoreFigure() {
        PointSummary unknown = Synthetic.summary(Synthetic.key("lock", 0, 4), Mode.THROUGHPUT, 40, 40.4, 39.6);
        PointSummary at8 = Synthetic.summary(Synthetic.key("lock", 8, 8), Mode.THROUGHPUT, 60, 60.6, 59.4);
        for (CurveComparison c : List.of(Synthetic.compare(new Comparer(0.05), run("a", unknown), run("b", at8)).curves().get(0),
                Synthetic.compare(new Comparer(0.05), run("a", at8), run("b", unknown)).curves().get(0))) {
            assertFalse(c.coresKnown(), c.toString());
            assertTrue(Double.isNaN(c.ratio().value()), c.toString());
            assertTrue(Double.isNaN(c.basePerCore()) && Double.isNaN(c.otherPerCore()), c.toString());
        }
    }

    @Test
    void coresAreKnownWhenBothSidesHaveThem() {
        PointSummary a = Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.THROUGHPUT, 40, 40, 40);
        PointSummary b = Synthetic.summary(Synthetic.key("lock", 8, 8), Mode.THROUGHPUT, 60, 60, 60);
        assertTrue(Synthetic.compare(new Comparer(0.05), run("a", a), run("b", b)).curves().get(0).coresKnown());
    }
}
