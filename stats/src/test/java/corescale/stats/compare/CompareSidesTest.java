package corescale.stats.compare;

import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What compare says about each side: a point found on one side only keeps its mean on that side, an
 * unstable point names its side, machine facts differ only when both sides know them, and the
 * per-core comparison takes each curve's threads = cores point at the most cores.
 */
class CompareSidesTest {

    private static final PointKey KEY = Synthetic.key("lock", 2, 2);

    private static PointSummary point(PointKey key, boolean unstable, double... forkMeans) {
        double mean = java.util.Arrays.stream(forkMeans).average().orElseThrow();
        return new PointSummary(key, "ops/us", forkMeans.length, 10 * forkMeans.length, mean, Double.NaN, Double.NaN,
                Double.NaN, unstable, forkMeans, List.of());
    }

    private static RunData run(String name, RunInfo info, PointSummary... points) {
        return Synthetic.runData(name, List.of(points), Set.of(info));
    }

    private static RunData run(String name, PointSummary... points) {
        return run(name, Synthetic.RUN, points);
    }

    private static RunInfo machine(String cpu, int cpus, String jdk) {
        return new RunInfo("r", "host", "Linux", "amd64", cpu, cpus, "vendor", jdk, "", "", "");
    }

    @Test
    void aPointOnOneSideOnlyKeepsItsMeanOnThatSide() {
        PointKey onlyBase = KEY.withVariant("semaphore");
        PointKey onlyOther = KEY.withVariant("stampedLock");
        CompareResult r = Synthetic.compare(new Comparer(0.05), run("a", point(KEY, false, 100, 101, 99), point(onlyBase, false, 50, 51, 49)), run("b", point(KEY, false, 100, 101, 99), point(onlyOther, false, 70, 71, 69)));
        PointComparison base = r.points().stream().filter(p -> p.key().equals(onlyBase)).findFirst().orElseThrow();
        assertEquals(Verdict.ONLY_BASE, base.verdict());
        assertEquals(50, base.baseMean(), 1e-12);
        assertTrue(Double.isNaN(base.otherMean()));
        PointComparison other = r.points().stream().filter(p -> p.key().equals(onlyOther)).findFirst().orElseThrow();
        assertEquals(Verdict.ONLY_OTHER, other.verdict());
        assertEquals(70, other.otherMean(), 1e-12);
        assertTrue(Double.isNaN(other.baseMean()));
    }

    @Test
    void anUnstablePointNamesItsSide() {
        Comparer comparer = new Comparer(0.05);
        for (boolean[] sides : new boolean[][] {{true, false}, {false, true}, {true, true}}) {
            PointComparison c = Synthetic.compare(comparer, run("a", point(KEY, sides[0], 100, 101, 99)), run("b", point(KEY, sides[1], 100, 102, 98))).points().get(0);
            CompareNote.Side expected = sides[0] && sides[1] ? CompareNote.Side.BOTH
                    : sides[0] ? CompareNote.Side.BASE : CompareNote.Side.OTHER;
            assertTrue(c.notes().contains(new CompareNote.Unstable(expected)), expected + ": " + c.notes());
        }
        PointComparison stable = Synthetic.compare(comparer, run("a", point(KEY, false, 100, 101, 99)), run("b", point(KEY, false, 100, 102, 98))).points().get(0);
        assertTrue(stable.notes().stream().noneMatch(n -> n instanceof CompareNote.Unstable), stable.notes().toString());
    }

    @Test
    void machinesDifferOnlyInWhatBothSidesKnow() {
        PointSummary p = point(KEY, false, 100, 101, 99);
        CompareResult unknown = Synthetic.compare(new Comparer(0.05), run("a", machine("", 0, "25"), p), run("b", machine("AMD EPYC", 8, "25"), p));
        assertEquals(List.of(), unknown.mismatches(), "an unknown CPU or CPU count is no difference");
        CompareResult jdks = Synthetic.compare(new Comparer(0.05), run("a", machine("AMD EPYC", 8, "21.0.2"), p), run("b", machine("AMD EPYC", 8, "25.0.3"), p));
        assertEquals(List.of(new Mismatch("jdk_version", List.of("21.0.2"), List.of("25.0.3"))), jdks.mismatches());
    }

    @Test
    void perCoreComparisonTakesThreadsEqualCoresAtTheMostCores() {
        PointKey lock = Synthetic.key("lock", 1, 1);
        CompareResult r = Synthetic.compare(new Comparer(0.05), run("a", point(lock, false, 10, 10.1, 9.9), point(lock.withCores(2).withThreads(2), false, 18, 18.2, 17.8)), run("b", point(lock, false, 10, 10.1, 9.9), point(lock.withCores(4).withThreads(4), false, 30, 30.3, 29.7),
                        point(lock.withCores(4).withThreads(8), false, 40, 40.4, 39.6)));
        assertEquals(1, r.curves().size(), "core counts differ: one curve compared per core");
        CurveComparison c = r.curves().get(0);
        assertEquals(2, c.baseCores());
        assertEquals(4, c.otherCores());
        assertEquals(4, c.otherThreads(), "threads = cores, though 8 threads did more");
        assertEquals(7.5, c.otherPerCore(), 1e-12);
        assertEquals(9, c.basePerCore(), 1e-12);
    }
}
