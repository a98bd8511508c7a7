package corescale.stats;

import corescale.stats.io.BadInputException;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.Comparer;
import corescale.stats.compare.PointComparison;
import corescale.stats.compare.RunData;
import corescale.stats.compare.Verdict;
import corescale.stats.summary.LogRatioTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compare, one run a side, on real runs of unchanged code: the former reference and the two A/A
 * runs made back to back after it on the same VM (results/aa-2vcpu-xeon-jdk25), three pairs loaded
 * and analysed as {@code compare} does. With the machine's drift the canary measured in every interval
 * the p-values of no change are as chance has them and nothing is called; with the forks alone (the
 * same runs without their canary readings) a quarter of the points are at p &lt; 0.05 and points are
 * called changed.
 */
class DriftCalibrationTest {

    private static final Path RESULTS = Path.of("..", "results");
    private static final Path AA = RESULTS.resolve("aa-2vcpu-xeon-jdk25");
    private static final List<Path> RUNS = List.of(AA.resolve("former-reference"), AA.resolve("a"), AA.resolve("b"));

    private static RunData load(Path run) throws BadInputException, IOException {
        return RunInput.load(run, new PrintStream(OutputStream.nullOutputStream())).runData();
    }

    private static List<RunData> loadAll(List<Path> runs) throws BadInputException, IOException {
        List<RunData> out = new java.util.ArrayList<>();
        for (Path p : runs) {
            out.add(load(p));
        }
        return out;
    }

    /** The same run as if it had no canary readings: its forks are all compare knows. */
    private static RunData withoutCanary(RunData r) {
        return new RunData(r.name(), r.points(), r.runs(), r.bounds(), r.curves(), List.of());
    }

    private record Pair(String name, int points, int below5, int called) {
        double share() {
            return below5 / (double) points;
        }
    }

    private static Pair pair(String name, CompareResult r) {
        List<PointComparison> tested = r.points().stream().filter(p -> Double.isFinite(p.pChange())).toList();
        int below = (int) tested.stream().filter(p -> p.pChange() < 0.05).count();
        int called = (int) tested.stream().filter(p -> p.verdict() == Verdict.FASTER || p.verdict() == Verdict.SLOWER).count();
        return new Pair(name, tested.size(), below, called);
    }

    @Test
    void threeAaPairsOfRealRunsCallNothingWithTheDriftAndCryWolfWithoutIt() throws Exception {
        List<RunData> runs = loadAll(RUNS);
        Comparer comparer = new Comparer(LogRatioTest.DEFAULT_THRESHOLD);
        int pairsCalledWithoutDrift = 0;
        for (int[] ij : new int[][] {{0, 1}, {0, 2}, {1, 2}}) {
            RunData a = runs.get(ij[0]);
            RunData b = runs.get(ij[1]);
            CompareResult withDrift = Synthetic.compare(comparer, a, b);
            assertTrue(withDrift.runToRun().estimated(), "both runs have canary readings");
            Pair drift = pair(RUNS.get(ij[1]) + " vs " + RUNS.get(ij[0]), withDrift);
            Pair forks = pair(drift.name(), Synthetic.compare(comparer, withoutCanary(a), withoutCanary(b)));
            System.out.printf(Locale.ROOT, "%s: drift ±%.1f%%; p < 0.05 at %d of %d points with it, %d with the forks"
                    + " alone; called %d with it, %d without%n", drift.name(), 100 * withDrift.runToRun().relative(),
                    drift.below5(), drift.points(), forks.below5(), drift.called(), forks.called());
            assertEquals(106, drift.points(), "every point of the default profile in both runs");
            assertEquals(0, drift.called(), drift.toString());
            // Chance puts 5% below 0.05; 106 points make 10% about two standard errors above it.
            assertTrue(drift.share() <= 0.10, drift.toString());
            assertTrue(forks.share() >= 0.20, "the forks alone: " + forks);
            pairsCalledWithoutDrift += forks.called() > 0 ? 1 : 0;
        }
        assertEquals(3, pairsCalledWithoutDrift, "each pair, with the forks alone, called some point changed");
    }

    /** Every default run of unchanged benchmarks committed from the Xeon VM, 06:05 to 15:29 of one day. */
    private static final List<Path> ALL_AA = List.of(AA.resolve("former-reference"), AA.resolve("a"), AA.resolve("b"),
            RESULTS.resolve("aa-rounds-2vcpu-xeon-jdk25").resolve("a"), RESULTS.resolve("aa-rounds-2vcpu-xeon-jdk25").resolve("b"),
            RESULTS.resolve("reference-2vcpu-xeon-jdk25"), RESULTS.resolve("aa-workload-2vcpu-xeon-jdk25").resolve("a"),
            RESULTS.resolve("aa-workload-2vcpu-xeon-jdk25").resolve("b"), RESULTS.resolve("aa-workload-2vcpu-xeon-jdk25").resolve("c"),
            RESULTS.resolve("aa-rounds-2vcpu-xeon-jdk25").resolve("c"), RESULTS.resolve("aa-rounds-2vcpu-xeon-jdk25").resolve("d"));

    /**
     * {@code --fail-on-regression} on real data where nothing changed: each of the eleven runs against
     * each other, both ways (110 gates). It fires in at most 5% of them, and only where the canary saw
     * the machine itself move beyond the threshold, which its line then names.
     */
    @Test
    void theGateOnEveryOrderedPairOfElevenRealRunsOfUnchangedBenchmarks() throws Exception {
        List<RunData> runs = loadAll(ALL_AA);
        Comparer comparer = new Comparer(LogRatioTest.DEFAULT_THRESHOLD);
        int gates = 0;
        List<CompareResult> fired = new java.util.ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            for (int j = 0; j < runs.size(); j++) {
                if (i == j) {
                    continue;
                }
                CompareResult r = Synthetic.compare(comparer, runs.get(i), runs.get(j));
                gates++;
                if (r.anySlower()) {
                    fired.add(r);
                }
            }
        }
        List<String> said = fired.stream().map(r -> r.other() + " vs " + r.base() + ", canary " + r.canary()).toList();
        System.out.printf(Locale.ROOT, "the gate fired in %d of %d: %s%n", fired.size(), gates, said);
        assertEquals(110, gates);
        assertTrue(fired.size() <= 0.05 * gates, said.toString());
        assertEquals(List.of(), fired.stream().filter(r -> !r.canary().beyond(LogRatioTest.DEFAULT_THRESHOLD)).toList(),
                "fired where the machine did not move");
    }
}
