package corescale.stats.compare;

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
 * Replicate runs as the top level of replication, on generated runs with a planted run-level shift
 * (every point of one run ×0.8, no code change), and the canary naming a machine that moved.
 */
class ReplicateRunsTest {

    private static final int POINTS = 20;
    private static final int FORKS = 5;
    private static final double FORK_NOISE = 0.03;

    /** One run: every point's fork means level·shift·(1 + 3% noise); half the points 1 thread, half 2. */
    private static RunData run(String name, SplittableRandom rnd, double shift, List<CanaryReading> canary) {
        List<PointSummary> points = new ArrayList<>();
        for (int p = 0; p < POINTS; p++) {
            PointKey key = new PointKey("counters", "Counters.increment", "v" + p, "", 2, 1 + p % 2);
            double[] forks = new double[FORKS];
            for (int f = 0; f < FORKS; f++) {
                forks[f] = (10 + p) * shift * (1 + FORK_NOISE * rnd.nextGaussian());
            }
            points.add(Synthetic.summary(key, Mode.THROUGHPUT, forks));
        }
        RunData plain = new RunData(name, points, Set.of(Synthetic.RUN));
        return new RunData(name, points, plain.runs(), Bounds.NONE, plain.curves(), canary);
    }

    private static List<CanaryReading> canary(double speed) {
        return List.of(new CanaryReading("start", 0, 100 * speed, 80 / speed),
                new CanaryReading("end", 600, 100 * speed, 80 / speed));
    }

    private static double logWidth(PointComparison p) {
        return Math.log(p.ratio().high() / p.ratio().low());
    }

    @Test
    void aRunLevelShiftIsCoveredByTheReplicateIntervalAndWidensIt() {
        SplittableRandom rnd = new SplittableRandom(1301);
        Comparer comparer = new Comparer(0.05);
        int trials = 50;
        int covered = 0;
        int wider = 0;
        int falseCalls = 0;
        double replicateWidth = 0;
        double singleWidth = 0;
        for (int t = 0; t < trials; t++) {
            RunData r1 = run("r1", rnd, 1, List.of());
            RunData r2 = run("r2", rnd, 0.8, List.of());
            RunData r3 = run("r3", rnd, 1, List.of());
            RunData r4 = run("r4", rnd, 1, List.of());
            CompareResult replicated = comparer.compare(List.of(r1, r2), List.of(r3, r4), "r1,r2", "r3,r4");
            CompareResult single = comparer.compare(r1, r3);
            assertEquals(Design.RUNS, replicated.design());
            assertEquals(POINTS, replicated.points().size());
            for (int i = 0; i < POINTS; i++) {
                PointComparison p = replicated.points().get(i);
                PointComparison s = single.points().get(i);
                assertEquals(p.key(), s.key());
                assertEquals(2, p.nBase());
                covered += p.ratio().low() <= 1 && 1 <= p.ratio().high() ? 1 : 0;
                wider += logWidth(p) > logWidth(s) ? 1 : 0;
                falseCalls += p.verdict() == Verdict.SLOWER || p.verdict() == Verdict.FASTER ? 1 : 0;
                replicateWidth += logWidth(p);
                singleWidth += logWidth(s);
            }
        }
        int all = trials * POINTS;
        System.out.printf(Locale.ROOT, "run 2 of the base x0.8, r1,r2 vs r3,r4: true ratio 1 covered at %d of %d points,"
                + " %d faster/slower; replicate interval wider than r1 vs r3's at %d; mean log width %.3f vs %.4f%n",
                covered, all, falseCalls, wider, replicateWidth / all, singleWidth / all);
        assertTrue(covered >= all * 0.95, covered + " of " + all);
        assertTrue(wider >= all * 0.95, wider + " of " + all);
        assertTrue(replicateWidth > 2 * singleWidth);
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
        assertTrue(p.note().contains("the single run's side taken to vary from run to run as much as the other"), p.note());
        assertTrue(CompareFindings.of(r, 0.05).stream().anyMatch(f -> f.contains("2 runs vs 1: the run is the unit")));
    }

    /** What the findings say of r2 (the shifted run) against r1, one run a side, with the canary readings given. */
    private static List<String> singleRunFindings(double canarySpeedOfR2) {
        SplittableRandom rnd = new SplittableRandom(1303);
        RunData r1 = run("r1", rnd, 1, canary(1));
        RunData r2 = run("r2", rnd, 0.8, canary(canarySpeedOfR2));
        CompareResult r = new Comparer(0.05).compare(r1, r2);
        assertEquals(Design.FORKS, r.design());
        assertTrue(r.points().stream().allMatch(p -> p.verdict() == Verdict.SLOWER), "the shift is called slower");
        List<String> findings = CompareFindings.of(r, 0.05);
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
        assertTrue(findings.contains("r2 vs r1: the canary moved beyond ±5.0% as well (the machine was 0.80× as fast on"
                + " the canary's cpu kernel, 0.80× on its memory kernel): these differences may be the machine, not the"
                + " code; compare interleaved configurations (run --config) or replicate runs (compare r1,r2 r3,r4)"),
                findings.toString());
        assertTrue(findings.stream().anyMatch(f -> f.contains("the intervals cover fork-to-fork variance only")));
    }

    @Test
    void aSteadyCanaryLeavesTheClaimAlone() {
        List<String> findings = singleRunFindings(1);
        assertTrue(findings.stream().anyMatch(f -> f.matches("r2 vs r1: 2[01]% slower on counters at 1 thread \\(10 points,"
                + " all slower; one run a side\\)")), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.contains("not the code")), findings.toString());
    }

    @Test
    void canaryRatiosAreOtherOverBaseAsSpeed() {
        // CPU 100 and 120 ops/us in run a (mean 110) against 88: 0.8; memory 80 ns against 100 ns: 0.8.
        Canary c = Canary.between(List.of(List.of(new CanaryReading("start", 0, 100, 80), new CanaryReading("end", 9, 120, 80))),
                List.of(List.of(new CanaryReading("start", 0, 88, 100))));
        assertEquals(0.8, c.cpu(), 1e-12);
        assertEquals(0.8, c.memory(), 1e-12);
        assertTrue(c.beyond(0.05));
        assertFalse(Canary.between(List.of(List.of()), List.of(List.of(new CanaryReading("start", 0, 88, 100)))).known());
        Canary drift = Canary.drift(List.of(new CanaryReading("start", 0, 100, 80), new CanaryReading("middle", 5, 50, 80),
                new CanaryReading("end", 9, 96, 80)));
        assertEquals(0.96, drift.cpu(), 1e-12);
        assertFalse(drift.beyond(0.05), "first against last only");
    }
}
