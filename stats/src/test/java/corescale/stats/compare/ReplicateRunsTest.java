package corescale.stats.compare;

import corescale.stats.summary.Ratio;
import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.report.CompareFindings;
import corescale.stats.run.Canary;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.bounds.Bounds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replicate runs as the top level of replication, on generated runs of 20 points: every run is shifted
 * by a random run-level effect shared by all its points (as runs on a shared VM are: another boot,
 * another hour, another neighbour), with no code change or with a planted one; and the canary naming a
 * machine that moved.
 */
class ReplicateRunsTest {

    private static final int POINTS = 20;
    private static final int FORKS = 5;
    private static final double FORK_NOISE = 0.03;
    /** Run-to-run sd on the log scale: each run's points all ×exp(N(0, 0.05²)). */
    private static final double RUN_SD = 0.05;
    private static final int TRIALS = 500;

    /** One run: every point's fork means level·shift·(1 + 3% noise); half the points 1 thread, half 2. */
    private static RunData run(String name, SplittableRandom rnd, double shift, List<CanaryReading> canary) {
        List<PointSummary> points = new ArrayList<>();
        for (int p = 0; p < POINTS; p++) {
            PointKey key = new PointKey("counters", "Counters.increment", "v" + p, "", 2, 1 + p % 2, Mode.THROUGHPUT);
            double[] forks = new double[FORKS];
            for (int f = 0; f < FORKS; f++) {
                forks[f] = (10 + p) * shift * (1 + FORK_NOISE * rnd.nextGaussian());
            }
            points.add(Synthetic.summary(key, Mode.THROUGHPUT, forks));
        }
        RunData plain = Synthetic.runData(name, points, Set.of(Synthetic.RUN));
        return new RunData(name, points, plain.runs(), Bounds.NONE, plain.curves(), canary);
    }

    /** {@code count} runs of one side, each shifted by its own random run effect, times {@code factor} (the code's). */
    private static List<RunData> side(String prefix, SplittableRandom rnd, int count, double factor) {
        List<RunData> out = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            out.add(run(prefix + i, rnd, factor * Math.exp(RUN_SD * rnd.nextGaussian()), List.of()));
        }
        return out;
    }

    private static List<CanaryReading> canary(double speed) {
        return List.of(new CanaryReading("start", 0, 100 * speed, 80 / speed, null, null, 0),
                new CanaryReading("end", 600, 100 * speed, 80 / speed, null, null, 0));
    }

    private static double logWidth(PointComparison p) {
        return Math.log(p.ratio().high() / p.ratio().low());
    }

    private static boolean called(PointComparison p) {
        return p.verdict() == Verdict.SLOWER || p.verdict() == Verdict.FASTER;
    }

    /** What {@code TRIALS} comparisons of k runs against k runs gave, all runs with random run effects. */
    private record Replicates(int runs, double trueRatio, int points, int called, int slower, int comparisonsCalled,
                              int covered, int singleCalled, int singleComparisonsCalled, int singleCovered,
                              double width, double singleWidth, int wider) {

        String line() {
            return String.format(Locale.ROOT, "%d runs vs %d, true ratio %.2f, run sd 5%%: %d of %d points faster or slower"
                            + " (%d slower) in %d of %d comparisons; interval covers the true ratio at %d (%.1f%%); mean log"
                            + " width %.3f. First run a side alone (r1 vs s1): %d points faster or slower in %d comparisons,"
                            + " covers at %d (%.1f%%), mean log width %.3f; replicate interval wider at %d",
                    runs, runs, trueRatio, called, points, slower, comparisonsCalled, TRIALS, covered, 100.0 * covered / points,
                    width, singleCalled, singleComparisonsCalled, singleCovered, 100.0 * singleCovered / points,
                    singleWidth, wider);
        }
    }

    private static Replicates replicates(long seed, int runs, double trueRatio) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Comparer comparer = new Comparer(0.05);
        int called = 0;
        int slower = 0;
        int comparisonsCalled = 0;
        int covered = 0;
        int singleCalled = 0;
        int singleComparisonsCalled = 0;
        int singleCovered = 0;
        int wider = 0;
        double width = 0;
        double singleWidth = 0;
        for (int t = 0; t < TRIALS; t++) {
            List<RunData> base = side("r", rnd, runs, 1);
            List<RunData> other = side("s", rnd, runs, trueRatio);
            CompareResult replicated = comparer.compare(base, other, "base", "other");
            CompareResult single = Synthetic.compare(comparer, base.get(0), other.get(0));
            assertEquals(Design.RUNS, replicated.design());
            assertEquals(POINTS, replicated.points().size());
            boolean any = false;
            boolean singleAny = false;
            for (int i = 0; i < POINTS; i++) {
                PointComparison p = replicated.points().get(i);
                PointComparison s = single.points().get(i);
                assertEquals(p.key(), s.key());
                assertEquals(runs, p.nBase());
                assertEquals(Ratio.Method.RUNS_LOG, p.ratio().method());
                called += called(p) ? 1 : 0;
                slower += p.verdict() == Verdict.SLOWER ? 1 : 0;
                any |= called(p);
                covered += p.ratio().low() <= trueRatio && trueRatio <= p.ratio().high() ? 1 : 0;
                singleCalled += called(s) ? 1 : 0;
                singleAny |= called(s);
                singleCovered += s.ratio().low() <= trueRatio && trueRatio <= s.ratio().high() ? 1 : 0;
                wider += logWidth(p) > logWidth(s) ? 1 : 0;
                width += logWidth(p);
                singleWidth += logWidth(s);
            }
            comparisonsCalled += any ? 1 : 0;
            singleComparisonsCalled += singleAny ? 1 : 0;
        }
        int all = TRIALS * POINTS;
        Replicates r = new Replicates(runs, trueRatio, all, called, slower, comparisonsCalled, covered, singleCalled,
                singleComparisonsCalled, singleCovered, width / all, singleWidth / all, wider);
        System.out.println(r.line());
        return r;
    }

    /**
     * No code change, 2 and 3 runs a side, every run shifted by its own run effect (sd 5%, against 3%
     * fork noise over 5 forks): the replicate comparison calls at most 5% of the points and of the
     * comparisons faster or slower, and its 95% interval covers the true ratio 1 at 95% of the points or
     * more; the single-run comparison of the same runs, whose interval covers fork-to-fork variance only,
     * calls most comparisons changed.
     */
    @Test
    void randomRunEffectsAreCoveredByTheReplicateIntervalAndNotCalledChanges() {
        for (int runs : new int[] {2, 3}) {
            Replicates r = replicates(1300 + runs, runs, 1);
            assertTrue(r.called <= 0.05 * r.points, r.line());
            assertTrue(r.comparisonsCalled <= 0.05 * TRIALS, r.line());
            assertTrue(r.covered >= 0.95 * r.points, r.line());
            assertTrue(r.singleComparisonsCalled >= 0.5 * TRIALS, r.line());
            assertTrue(r.wider >= 0.95 * r.points, r.line());
        }
    }

    /**
     * The other side 15% slower at every point (ratio 0.85), same run effects: what the replicate
     * comparison catches with 2 and 3 runs a side (with 2, Welch's df is 1 to 2 and its t 4.3 to 12.7, so
     * little), that it never calls such a point faster, and that its interval covers the true 0.85.
     */
    @Test
    void aFifteenPercentSlowdownThroughRandomRunEffects() {
        Replicates two = replicates(1310, 2, 0.85);
        Replicates three = replicates(1311, 3, 0.85);
        for (Replicates r : List.of(two, three)) {
            assertEquals(r.called, r.slower, r.line());
            assertTrue(r.covered >= 0.95 * r.points, r.line());
        }
        assertTrue(three.slower > two.slower, "a third run a side catches more");
        assertTrue(three.slower >= 0.4 * three.points, three.line());
    }

    @Test
    void oneReplicatedSideLendsItsRunToRunVarianceToASingleRun() {
        SplittableRandom rnd = new SplittableRandom(1302);
        CompareResult r = new Comparer(0.05).compare(List.of(run("r1", rnd, 1, List.of()), run("r2", rnd, 0.8, List.of())),
                List.of(run("r3", rnd, 1, List.of())), "r1,r2", "r3");
        PointComparison p = r.points().get(0);
        assertEquals(Design.RUNS, p.design());
        assertEquals(2, p.nBase());
        assertEquals(1, p.nOther());
        assertTrue(p.notes().contains(CompareNote.Plain.SINGLE_RUN_SIDE_VARIES_AS_OTHER), p.notes().toString());
        assertTrue(CompareFindings.of(r).stream().anyMatch(f -> f.contains("2 runs vs 1: the run is the unit")));
    }

    /** What the findings say of r2 (the shifted run) against r1, one run a side, with the canary readings given. */
    private static List<String> singleRunFindings(double canarySpeedOfR2) {
        SplittableRandom rnd = new SplittableRandom(1303);
        RunData r1 = run("r1", rnd, 1, canary(1));
        RunData r2 = run("r2", rnd, 0.8, canary(canarySpeedOfR2));
        CompareResult r = Synthetic.compare(new Comparer(0.05), r1, r2);
        assertEquals(Design.FORKS, r.design());
        assertTrue(r.points().stream().allMatch(p -> p.verdict() == Verdict.SLOWER), "the shift is called slower");
        List<String> findings = CompareFindings.of(r);
        System.out.println("canary x" + canarySpeedOfR2 + ":\n  " + String.join("\n  ", findings));
        return findings;
    }

    @Test
    void aSingleRunComparisonNamesTheCanaryWhenTheMachineMovedAsMuch() {
        List<String> findings = singleRunFindings(0.8);
        List<String> claims = findings.stream().filter(f -> f.contains("slower") || f.contains("faster")).toList();
        assertFalse(claims.isEmpty());
        for (String claim : claims) {
            assertTrue(claim.contains("canary"), "a change claimed without naming the canary: " + claim);
        }
        assertTrue(findings.contains("the canary moved beyond ±5% as well (the machine was ×0.8 as fast on"
                + " the canary's cpu kernel, ×0.8 on its memory kernel): these differences may be the machine, not the"
                + " code; compare interleaved configurations (run --config) or replicate runs (compare r1,r2 r3,r4)"),
                findings.toString());
        // Two readings a run, alike: the canary saw no drift within either run, so the forks' intervals stand.
        assertTrue(findings.stream().anyMatch(f -> f.contains("the intervals cover fork-to-fork variance and the machine's"
                + " drift, which the canary measured during the runs (a point's two runs differ by ±0.0% from it")), findings.toString());
    }

    /** r1's readings walked 64 MiB (unrecorded), r2's 1 GiB: the memory kernel is left out, and the findings say why. */
    @Test
    void runsWhoseCanaryChainsDifferCompareTheCpuKernelOnly() {
        SplittableRandom rnd = new SplittableRandom(1303);
        RunData r1 = run("r1", rnd, 1, canary(1));
        RunData r2 = run("r2", rnd, 0.8, List.of(new CanaryReading("start", 0, 80, 300, List.of(), List.of(), 1L << 30)));
        CompareResult r = Synthetic.compare(new Comparer(0.05), r1, r2);
        assertEquals(0.8, r.canary().cpu(), 1e-12);
        assertTrue(Double.isNaN(r.canary().memory()), "memory " + r.canary().memory());
        assertTrue(r.notes().contains(CompareNote.Plain.CANARY_CHAINS_DIFFER), r.notes().toString());
        List<String> findings = CompareFindings.of(r);
        assertTrue(findings.contains("the canary's memory kernel walked chains of different sizes (it follows the largest"
                + " cache): its times are not compared"), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.contains("memory kernel,") || f.contains("on its memory kernel")), findings.toString());
    }

    @Test
    void aSteadyCanaryLeavesTheClaimAlone() {
        List<String> findings = singleRunFindings(1);
        assertTrue(findings.stream().anyMatch(f -> f.matches("2[01]% slower on counters at 1 thread \\(10 points,"
                + " all slower; one run a side\\)")), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.contains("not the code")), findings.toString());
    }

    @Test
    void canaryRatiosAreOtherOverBaseAsSpeed() {
        // CPU 100 and 120 ops/us in run a (mean 110) against 88: 0.8; memory 80 ns against 100 ns: 0.8.
        Canary c = Canary.between(List.of(List.of(new CanaryReading("start", 0, 100, 80, null, null, 0), new CanaryReading("end", 9, 120, 80, null, null, 0))),
                List.of(List.of(new CanaryReading("start", 0, 88, 100, null, null, 0))));
        assertEquals(0.8, c.cpu(), 1e-12);
        assertEquals(0.8, c.memory(), 1e-12);
        assertTrue(c.beyond(0.05));
        assertFalse(Canary.between(List.of(List.of()), List.of(List.of(new CanaryReading("start", 0, 88, 100, null, null, 0)))).known());
        Canary drift = Canary.drift(List.of(new CanaryReading("start", 0, 100, 80, null, null, 0), new CanaryReading("middle", 5, 50, 80, null, null, 0),
                new CanaryReading("end", 9, 96, 80, null, null, 0)));
        assertEquals(0.96, drift.cpu(), 1e-12);
        assertFalse(drift.beyond(0.05), "first against last only");
    }

    /** A 64 MiB chain in a 300 MiB cache against a 1 GiB one through memory: the memory kernel is not compared, the cpu kernel is. */
    @Test
    void canaryMemoryIsComparedOnlyOverOneChainSize() {
        CanaryReading small = new CanaryReading("start", 0, 100, 40, List.of(), List.of(), 64L << 20);
        CanaryReading large = new CanaryReading("start", 0, 100, 130, List.of(), List.of(), 1L << 30);
        Canary c = Canary.between(List.of(List.of(small)), List.of(List.of(large)));
        assertEquals(1.0, c.cpu(), 1e-12);
        assertTrue(Double.isNaN(c.memory()), "memory " + c.memory());
        assertFalse(Canary.sameChain(List.of(List.of(small)), List.of(List.of(large))));
        CanaryReading slower = new CanaryReading("end", 9, 100, 260, List.of(), List.of(), 1L << 30);
        assertEquals(0.5, Canary.between(List.of(List.of(large)), List.of(List.of(slower))).memory(), 1e-12, "one chain: compared");
    }

    /**
     * Two runs a side, one point in only the first run of each: compared by its forks and named as
     * missing from a run on each side; the point in every run is compared by runs, with no such note.
     */
    @Test
    void aPointInOneRunOfEachSideIsComparedByItsForksAndNamed() {
        PointKey everywhere = new PointKey("counters", "Counters.increment", "lock", "", 2, 1, Mode.THROUGHPUT);
        PointKey once = everywhere.withVariant("adder");
        PointSummary e = Synthetic.summary(everywhere, Mode.THROUGHPUT, 10, 10.2, 9.9);
        PointSummary o = Synthetic.summary(once, Mode.THROUGHPUT, 20, 20.3, 19.8);
        List<RunData> base = List.of(Synthetic.runData("a1", List.of(e, o), Set.of(Synthetic.RUN)),
                Synthetic.runData("a2", List.of(Synthetic.summary(everywhere, Mode.THROUGHPUT, 10.4, 10.1, 10.2)), Set.of(Synthetic.RUN)));
        List<RunData> other = List.of(Synthetic.runData("b1", List.of(e, o), Set.of(Synthetic.RUN)),
                Synthetic.runData("b2", List.of(Synthetic.summary(everywhere, Mode.THROUGHPUT, 9.8, 10.0, 9.7)), Set.of(Synthetic.RUN)));
        CompareResult r = new Comparer(0.05).compare(base, other, "a", "b");
        PointComparison onceCompared = r.points().stream().filter(p -> p.key().equals(once)).findFirst().orElseThrow();
        assertEquals(Design.FORKS, onceCompared.design());
        assertEquals(List.of(new CompareNote.MissingRuns(CompareNote.Side.BASE, 1, 2),
                new CompareNote.MissingRuns(CompareNote.Side.OTHER, 1, 2), CompareNote.Plain.ONE_RUN_A_SIDE), onceCompared.notes());
        PointComparison everywhereCompared = r.points().stream().filter(p -> p.key().equals(everywhere)).findFirst().orElseThrow();
        assertEquals(Design.RUNS, everywhereCompared.design());
        assertEquals(List.of(), everywhereCompared.notes());
    }

    /**
     * A point in one run of each side is compared by its forks as one run a side is: with the drift
     * those two runs' canaries saw in its interval (the fork test alone was called "slower" where the
     * same two runs compared as one run a side were inconclusive).
     */
    @Test
    void aPointInOneRunOfEachSideTakesInTheDriftOfThoseRuns() {
        PointKey everywhere = new PointKey("counters", "Counters.increment", "lock", "", 2, 1, Mode.THROUGHPUT);
        PointKey once = everywhere.withVariant("adder");
        PointSummary baseOnce = Synthetic.summary(once, Mode.THROUGHPUT, 20, 20.3, 19.8);
        PointSummary otherOnce = Synthetic.summary(once, Mode.THROUGHPUT, 18, 18.2, 17.9);
        List<CanaryReading> steady = List.of(reading("start", 200), reading("end", 200));
        List<CanaryReading> drifting = List.of(reading("start", 200), reading("end", 170));
        RunData a1 = runWithCanary("a1", List.of(Synthetic.summary(everywhere, Mode.THROUGHPUT, 10, 10.2, 9.9), baseOnce), drifting);
        RunData a2 = runWithCanary("a2", List.of(Synthetic.summary(everywhere, Mode.THROUGHPUT, 10.4, 10.1, 10.2)), steady);
        RunData b1 = runWithCanary("b1", List.of(Synthetic.summary(everywhere, Mode.THROUGHPUT, 9.8, 10.0, 9.7), otherOnce), steady);
        RunData b2 = runWithCanary("b2", List.of(Synthetic.summary(everywhere, Mode.THROUGHPUT, 9.9, 10.1, 9.8)), steady);
        PointComparison asReplicates = new Comparer(0.05).compare(List.of(a1, a2), List.of(b1, b2), "a", "b").points().stream()
                .filter(p -> p.key().equals(once)).findFirst().orElseThrow();
        PointComparison asOneRunASide = new Comparer(0.05).compare(List.of(a1), List.of(b1), "a", "b").points().stream()
                .filter(p -> p.key().equals(once)).findFirst().orElseThrow();
        assertEquals(asOneRunASide.ratio(), asReplicates.ratio(), "the same test on the same two runs");
        PointComparison forksAlone = new Comparer(0.05).compare(List.of(withoutCanary(a1)), List.of(withoutCanary(b1)), "a", "b")
                .points().stream().filter(p -> p.key().equals(once)).findFirst().orElseThrow();
        assertTrue(asReplicates.ratio().high() - asReplicates.ratio().low() > 2 * (forksAlone.ratio().high() - forksAlone.ratio().low()),
                asReplicates.ratio() + " against the forks alone " + forksAlone.ratio());
    }

    private static CanaryReading reading(String at, double cpu) {
        return new CanaryReading(at, 0, cpu, 100, List.of(cpu, cpu * 1.01, cpu * 0.99), List.of(100.0, 101.0, 99.0), 1L << 30);
    }

    private static RunData runWithCanary(String name, List<PointSummary> points, List<CanaryReading> canary) {
        RunData r = Synthetic.runData(name, points, Set.of(Synthetic.RUN));
        return new RunData(r.name(), r.points(), r.runs(), r.bounds(), r.curves(), canary);
    }

    private static RunData withoutCanary(RunData r) {
        return new RunData(r.name(), r.points(), r.runs(), r.bounds(), r.curves(), List.of());
    }

    /**
     * A run's value of a point is the geometric mean of its fork means, as STATISTICS.md says the ratio
     * is one of geometric means: base runs of forks (1, 100) and (4, 100) are worth 10 and 20, other
     * runs of (20, 20) and (10, 160) 20 and 40, so the ratio is √(20·40)/√(10·20) = 2 exactly (with
     * arithmetic means of forks it would be √(20·85)/√(50.5·52) = 0.80).
     */
    @Test
    void aRunIsWorthTheGeometricMeanOfItsForkMeans() {
        PointKey k = new PointKey("counters", "Counters.increment", "lock", "", 2, 1, Mode.THROUGHPUT);
        List<RunData> base = List.of(Synthetic.runData("a1", List.of(Synthetic.summary(k, Mode.THROUGHPUT, 1, 100)), Set.of(Synthetic.RUN)),
                Synthetic.runData("a2", List.of(Synthetic.summary(k, Mode.THROUGHPUT, 4, 100)), Set.of(Synthetic.RUN)));
        List<RunData> other = List.of(Synthetic.runData("b1", List.of(Synthetic.summary(k, Mode.THROUGHPUT, 20, 20)), Set.of(Synthetic.RUN)),
                Synthetic.runData("b2", List.of(Synthetic.summary(k, Mode.THROUGHPUT, 10, 160)), Set.of(Synthetic.RUN)));
        PointComparison c = new Comparer(0.05).compare(base, other, "a", "b").points().get(0);
        assertEquals(Design.RUNS, c.design());
        assertEquals(2.0, c.ratio().value(), 1e-12);
    }
}
