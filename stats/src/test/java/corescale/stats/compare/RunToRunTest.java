package corescale.stats.compare;

import corescale.stats.Synthetic;
import corescale.stats.bounds.Bounds;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.report.CompareFindings;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.summary.Intervals;
import corescale.stats.summary.WelchOnLogs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The machine's drift between two runs, from their canary readings, against values computed with numpy. */
class RunToRunTest {

    private static final long CHAIN = 1L << 30;

    /** A reading of {@code cpu} ops/µs (its three forks given) and a steady memory kernel. */
    private static CanaryReading reading(double cpu, double... cpuForks) {
        return new CanaryReading("start", 0, cpu, 100, java.util.Arrays.stream(cpuForks).boxed().toList(),
                List.of(100.0, 100.0, 100.0), CHAIN);
    }

    /** The readings of the first A/A pair of default runs on the 2-vCPU Xeon VM (forks made up around them). */
    private static final List<CanaryReading> RUN_A = List.of(reading(229, 232, 228, 227), reading(214, 216, 213, 213),
            reading(233, 236, 232, 231));
    private static final List<CanaryReading> RUN_B = List.of(reading(223, 226, 222, 221), reading(203, 205, 202, 202),
            reading(220, 222, 219, 219));

    @Test
    void driftIsTheReadingsSpreadWithinEachRunLessTheirForksAsNumpyHasIt() {
        // numpy: s2 = (var(log A, ddof=1)·2 + var(log B, ddof=1)·2)/4 − pooled fork variance/3, τ² = 2·s2.
        RunToRun r = RunToRun.fromCanary(RUN_A, RUN_B);
        assertTrue(r.estimated());
        assertEquals(6, r.readings());
        assertEquals(0.004534239341807107, r.variance(), 1e-12);
        assertEquals(0.06965563551024198, r.relative(), 1e-12);
        assertEquals(0.1410827881797145, r.floor(), 1e-9);
        assertTrue(r.drifted());
        assertFalse(RunToRun.NONE.drifted());
        assertFalse(new RunToRun(0, 6).drifted(), "estimated, and no drift: more forks tell more");
    }

    @Test
    void aShiftBetweenTheRunsIsNotDrift() {
        // Run B at 80% of run A's speed throughout: its own readings agree, so nothing drifted within either run.
        List<CanaryReading> slower = RUN_A.stream().map(x -> reading(x.cpuOpsPerUs() * 0.8,
                x.cpuForks().stream().mapToDouble(f -> f * 0.8).toArray())).toList();
        assertEquals(RunToRun.fromCanary(RUN_A, RUN_A).variance(), RunToRun.fromCanary(RUN_A, slower).variance(), 1e-12);
    }

    @Test
    void theKernelThatDriftedMoreCountsAndTheMemoryKernelOnlyOverOneChain() {
        List<CanaryReading> memoryDrifts = List.of(
                new CanaryReading("start", 0, 200, 100, List.of(200.0, 200.0), List.of(100.0, 100.0), CHAIN),
                new CanaryReading("end", 600, 200, 120, List.of(200.0, 200.0), List.of(120.0, 120.0), CHAIN));
        RunToRun both = RunToRun.fromCanary(memoryDrifts, memoryDrifts);
        // Each run: logs of 100 and 120 ns, variance (ln 1.2)²/2; pooled the same; τ² twice it.
        assertEquals(Math.pow(Math.log(1.2), 2), both.variance(), 1e-12);
        List<CanaryReading> otherChain = memoryDrifts.stream().map(x -> new CanaryReading(x.at(), x.secondsIntoRun(),
                x.cpuOpsPerUs(), x.memoryNsPerLoad(), x.cpuForks(), x.memoryForks(), CHAIN / 16)).toList();
        assertEquals(0, RunToRun.fromCanary(memoryDrifts, otherChain).variance(), 1e-15, "the cpu kernel alone: steady");
    }

    @Test
    void withoutTwoReadingsASideNothingIsKnown() {
        assertSame(RunToRun.NONE, RunToRun.fromCanary(RUN_A, RUN_B.subList(0, 1)));
        assertSame(RunToRun.NONE, RunToRun.fromCanary(List.of(), RUN_B));
        assertFalse(RunToRun.NONE.estimated());
        assertThrows(IllegalArgumentException.class, () -> new RunToRun(-1e-9, 2));
    }

    @Test
    void aWidenedTestAddsTheVarianceAndKeepsTheForksDegreesOfFreedom() {
        WelchOnLogs w = WelchOnLogs.of(new double[] {90, 92, 89.5}, new double[] {100, 103, 98, 101});
        WelchOnLogs wide = w.widened(0.0025);
        assertEquals(w.d(), wide.d(), 0);
        assertEquals(Math.sqrt(w.se() * w.se() + 0.0025), wide.se(), 1e-15);
        assertEquals(w.df(), wide.df(), 0);
        assertSame(w, w.widened(0));
        assertTrue(wide.pChange() > w.pChange());
    }

    /** One run a side with these readings: each point's interval is exp(d ± t(df)·√(se² + τ²)). */
    @Test
    void compareTakesTheDriftIntoEveryPointOfOneRunASide() {
        PointKey key = new PointKey("counters", "Counters.increment", "atomicLong", "", 1, 1, Mode.THROUGHPUT);
        double[] base = {100, 103, 98, 101};
        double[] other = {90, 92, 89.5};
        RunData a = withCanary("a", key, base, RUN_A);
        RunData b = withCanary("b", key, other, RUN_B);
        CompareResult r = Synthetic.compare(new Comparer(0.05), a, b);
        assertEquals(RunToRun.fromCanary(RUN_A, RUN_B), r.runToRun());
        WelchOnLogs expected = WelchOnLogs.of(other, base).widened(r.runToRun().variance());
        PointComparison p = r.points().get(0);
        double t = Intervals.tQuantile(Intervals.LEVEL, expected.df());
        assertEquals(Math.exp(expected.d() - t * expected.se()), p.ratio().low(), 1e-12);
        assertEquals(Math.exp(expected.d() + t * expected.se()), p.ratio().high(), 1e-12);
        assertEquals(expected.pChange(), p.pChange(), 1e-12);
        // Without the drift the forks alone call it slower (p 0.0005); with it, not.
        assertEquals(Verdict.INCONCLUSIVE, p.verdict());
        assertEquals(Verdict.SLOWER, Synthetic.compare(new Comparer(0.05), withCanary("a", key, base, List.of()), withCanary("b", key, other, List.of())).points().get(0).verdict());
    }

    /** The findings say what the intervals cover: the drift and its size, or the forks alone without readings. */
    @Test
    void theFindingsSayWhetherTheDriftIsInTheIntervals() {
        PointKey key = new PointKey("counters", "Counters.increment", "atomicLong", "", 1, 1, Mode.THROUGHPUT);
        double[] forks = {100, 103, 98, 101};
        List<String> with = CompareFindings.of(Synthetic.compare(new Comparer(0.05), withCanary("a", key, forks, RUN_A), withCanary("b", key, forks, RUN_B)));
        assertTrue(with.stream().anyMatch(f -> f.contains("the intervals cover fork-to-fork variance and the machine's drift,"
                + " which the canary measured during the runs (a point's two runs differ by ±7.0% from it")), with.toString());
        List<String> without = CompareFindings.of(Synthetic.compare(new Comparer(0.05), withCanary("a", key, forks, List.of()), withCanary("b", key, forks, List.of())));
        assertTrue(without.stream().anyMatch(f -> f.contains("the intervals cover fork-to-fork variance only (no canary"
                + " readings to measure the machine's drift by)")), without.toString());
    }

    private static RunData withCanary(String name, PointKey key, double[] forks, List<CanaryReading> canary) {
        List<PointSummary> points = List.of(Synthetic.summary(key, Mode.THROUGHPUT, forks));
        RunData plain = Synthetic.runData(name, points, Set.of(Synthetic.RUN));
        return new RunData(name, points, plain.runs(), Bounds.NONE, plain.curves(), canary);
    }
}
