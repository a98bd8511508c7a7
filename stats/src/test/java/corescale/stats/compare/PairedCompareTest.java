package corescale.stats.compare;

import corescale.stats.summary.Ratio;
import corescale.stats.Synthetic;
import corescale.stats.io.BadInputException;
import corescale.stats.load.Configs;
import corescale.stats.load.Format;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import corescale.stats.model.Units;
import corescale.stats.summary.Summarizer;
import corescale.stats.summary.SummaryRow;
import corescale.stats.summary.PairedT;
import corescale.stats.summary.WelchOnLogs;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The comparison of interleaved configurations (forks paired by round, the round a random effect:
 * {@link corescale.stats.summary.MixedOnLogs}, {@code mixed-log}) on seeded simulated runs: rows of two
 * configurations go through the configuration split, the summary and the comparison, as
 * {@code compare RUN} does; and the paired t, its branch when the rounds share an effect, against scipy
 * (the pooled branch and the correction: {@code MixedOnLogsTest}).
 * {@code MixedCompareTest} measures its false calls and widths against Welch's and the paired t's.
 */
class PairedCompareTest {

    private static final int POINTS = 20;
    private static final int ITERATIONS = 5;
    private static final double ITERATION_NOISE = 0.01;

    @Test
    void pairedTOnLogsMatchesScipy() {
        // scipy 1.17: ttest_rel(log(num), log(den)); interval and TOST from t(4) by hand.
        WelchOnLogs w = PairedT.of(new double[] {102, 98.5, 105, 99, 101.5}, new double[] {100, 97, 101, 98, 99});
        assertNotNull(w);
        assertEquals(0.0218158700196744, w.d(), 1e-12);
        assertEquals(0.0049067508390991405, w.se(), 1e-12);
        assertEquals(4, w.df());
        assertEquals(0.011280706839480122, w.pChange(), 1e-9);
        assertEquals(0.0026686414518124323, w.pSame(0.05), 1e-9);
        double[] ci = w.ratioInterval(0.95);
        assertEquals(1.008226196404598, ci[0], 1e-9);
        assertEquals(1.0360746470403253, ci[1], 1e-9);
    }

    @Test
    void oneRunAgainstReplicatesIsThePooledTWithTheReplicatesVariance() {
        // scipy 1.17: ttest_ind(log([90]), log([100, 104, 97]), equal_var=True): the single value adds
        // nothing to the pooled sum of squares, so s² is the replicated side's.
        WelchOnLogs w = WelchOnLogs.oneAgainstReplicates(new double[] {90}, new double[] {100, 104, 97});
        assertNotNull(w);
        assertEquals(-0.10828101754735098, w.d(), 1e-12);
        assertEquals(0.04033558947123775, w.se(), 1e-12);
        assertEquals(2, w.df());
        assertEquals(0.1152607562451049, w.pChange(), 1e-9);
        // The single value on the other side: the same test, d negated.
        WelchOnLogs reversed = WelchOnLogs.oneAgainstReplicates(new double[] {100, 104, 97}, new double[] {90});
        assertEquals(0.10828101754735098, reversed.d(), 1e-12);
        assertEquals(0.04033558947123775, reversed.se(), 1e-12);
        assertEquals(2, reversed.df());
    }

    /**
     * One simulated run of two configurations a and b, {@code rounds} rounds: in round f every fork
     * mean is level · (1 + drift·f) (the machine slows or speeds over time, alike for both) times
     * 1 + noise·N(0,1) of its own; b is a's level times {@code bFactor}. Half the points run 1
     * thread, half 2.
     */
    private static List<RunData> run(SplittableRandom rnd, int rounds, double drift, double noise, double bFactor)
            throws BadInputException {
        List<Measurement> rows = new ArrayList<>();
        for (int f = 1; f <= rounds; f++) {
            for (String config : List.of("a", "b")) {
                RunInfo info = new RunInfo("r1", "hostA", "Linux", "amd64", "cpu", 8, "vendor", "21", "", config, "");
                for (int p = 0; p < POINTS; p++) {
                    PointKey key = new PointKey("counters", "Counters.increment", "v" + p, "", 2, 1 + p % 2, Mode.THROUGHPUT);
                    double forkMean = (10 + p) * (config.equals("b") ? bFactor : 1) * (1 + drift * f)
                            * (1 + noise * rnd.nextGaussian());
                    for (int i = 1; i <= ITERATIONS; i++) {
                        rows.add(new Measurement(info, key.withMode(Mode.THROUGHPUT), Units.THROUGHPUT, f, i,
                                forkMean * (1 + ITERATION_NOISE * rnd.nextGaussian()), Map.of()));
                    }
                }
            }
        }
        List<LoadedInput> loaded = List.of(new LoadedInput(Path.of("sim.csv"), Format.RESULTS_CSV, rows, List.of()));
        List<RunData> out = new ArrayList<>();
        for (String config : Configs.names(loaded, List.of())) {
            List<PointSummary> points = new Summarizer().summarize(Configs.only(loaded, config)).stream()
                    .map(SummaryRow::summary).toList();
            out.add(Synthetic.runData(config, points, Set.of()));
        }
        assertEquals(List.of("a", "b"), out.stream().map(RunData::name).toList());
        return out;
    }

    private static double meanLogWidth(CompareResult r) {
        return r.points().stream().mapToDouble(p -> Math.log(p.ratio().high() / p.ratio().low())).average().orElseThrow();
    }

    /**
     * A linear drift of 2% a round (not the random round effect the model assumes) with 3% fork noise:
     * the rounds share it, so the comparison of configurations takes the paired branch nearly always and
     * its interval is narrower than Welch's on the same fork means.
     */
    @Test
    void identicalConfigurationsUnderCommonDriftAreNotCalledChangedAndTheRoundModelNarrowsTheInterval()
            throws BadInputException {
        SplittableRandom rnd = new SplittableRandom(1201);
        Comparer comparer = new Comparer(0.05);
        int trials = 200;
        int clean = 0;
        int pairedNarrower = 0;
        double pairedWidth = 0;
        double welchWidth = 0;
        for (int t = 0; t < trials; t++) {
            List<RunData> configs = run(rnd, 5, 0.02, 0.03, 1);
            CompareResult paired = comparer.comparePaired(configs.get(0), configs.get(1));
            CompareResult welch = Synthetic.compare(comparer, configs.get(0), configs.get(1));
            assertEquals(Design.PAIRED, paired.design());
            assertTrue(paired.points().stream().allMatch(p -> p.nBase() == 5 && p.nOther() == 5));
            assertTrue(paired.points().stream().allMatch(p -> p.ratio().method() == Ratio.Method.MIXED_LOG));
            clean += paired.points().stream().noneMatch(p -> p.verdict() == Verdict.FASTER || p.verdict() == Verdict.SLOWER)
                    ? 1 : 0;
            pairedWidth += meanLogWidth(paired);
            welchWidth += meanLogWidth(welch);
            pairedNarrower += meanLogWidth(paired) < meanLogWidth(welch) ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "A/A, 5 rounds, drift 2%%/round, 3%% noise: %d of %d runs with no point faster or"
                + " slower; mean 95%% interval width (log) mixed-log %.4f, unpaired Welch %.4f; mixed-log narrower in %d"
                + " of %d runs%n", clean, trials, pairedWidth / trials, welchWidth / trials, pairedNarrower, trials);
        assertTrue(clean >= trials * 0.95, clean + " of " + trials);
        assertTrue(pairedWidth < welchWidth * 0.9, pairedWidth / trials + " vs " + welchWidth / trials);
        assertTrue(pairedNarrower >= trials * 0.9, pairedNarrower + " of " + trials);
    }

    @Test
    void plantedThirtyPercentSlowdownIsSlowerAtNearlyEveryPoint() throws BadInputException {
        SplittableRandom rnd = new SplittableRandom(1202);
        Comparer comparer = new Comparer(0.05);
        int trials = 20;
        int slower = 0;
        double ratios = 0;
        for (int t = 0; t < trials; t++) {
            List<RunData> configs = run(rnd, 5, 0.02, 0.03, 0.7);
            for (PointComparison p : comparer.comparePaired(configs.get(0), configs.get(1)).points()) {
                slower += p.verdict() == Verdict.SLOWER ? 1 : 0;
                ratios += Math.log(p.ratio().value());
            }
        }
        int all = trials * POINTS;
        System.out.printf(Locale.ROOT, "b 30%% slower, 5 pairs, 3%% noise: %d of %d points slower, geometric mean ratio"
                + " %.3f%n", slower, all, Math.exp(ratios / all));
        assertTrue(slower >= all * 0.95, slower + " of " + all);
        assertEquals(0.7, Math.exp(ratios / all), 0.01);
    }

    @Test
    void aForkWithoutAPartnerIsDroppedAndNamed() {
        PointKey key = new PointKey("counters", "Counters.increment", "lock", "", 2, 1, Mode.THROUGHPUT);
        PointSummary a = new PointSummary(key.withMode(Mode.THROUGHPUT), "ops/us", 4, 20, 10, 9, 11, 0.01, false,
                new double[] {10, 10.2, 9.9, 10.1}, new int[] {1, 2, 3, 4}, "", Double.NaN, List.of());
        PointSummary b = new PointSummary(key.withMode(Mode.THROUGHPUT), "ops/us", 3, 15, 7, 6, 8, 0.01, false,
                new double[] {7, 7.1, 7.05}, new int[] {1, 2, 4}, "", Double.NaN, List.of());
        CompareResult r = new Comparer(0.05).comparePaired(Synthetic.runData("a", List.of(a), Set.of()),
                Synthetic.runData("b", List.of(b), Set.of()));
        PointComparison p = r.points().get(0);
        assertEquals(3, p.nBase());
        assertEquals(List.of(new CompareNote.ForksUnpaired(List.of(new CompareNote.Unpaired("a", List.of(3))))), p.notes());
        assertEquals(List.of(new CompareNote.UnpairedTotal(1, 1)), r.notes());
        // Rounds 1, 2 and 4: ratios 0.7, 7.1/10.2 and 7.05/10.1.
        assertEquals(Math.cbrt(0.7 * 7.1 / 10.2 * 7.05 / 10.1), p.ratio().value(), 1e-12);
        assertEquals(Verdict.SLOWER, p.verdict());
    }

    private static PointSummary forks(PointKey key, double[] means, int[] rounds) {
        return new PointSummary(key, "ops/us", means.length, means.length * 5, java.util.Arrays.stream(means).average().orElseThrow(),
                Double.NaN, Double.NaN, Double.NaN, false, means, rounds, "", Double.NaN, List.of());
    }

    /** One point's paired comparison, base forks of {@code baseRounds} against other forks of {@code otherRounds}. */
    private static PointComparison pairedOnePoint(double[] base, int[] baseRounds, double[] other, int[] otherRounds) {
        PointKey key = new PointKey("counters", "Counters.increment", "lock", "", 2, 1, Mode.THROUGHPUT);
        return new Comparer(0.05).comparePaired(
                Synthetic.runData("a", List.of(forks(key, base, baseRounds)), Set.of()),
                Synthetic.runData("b", List.of(forks(key, other, otherRounds)), Set.of())).points().get(0);
    }

    /** Rounds 1 and 2 against rounds 1 and 3: one pair, fewer than a verdict needs, and each side's lone fork named. */
    @Test
    void onePairIsTooFewAndBothSidesUnpairedForksAreNamed() {
        PointComparison p = pairedOnePoint(new double[] {10, 10.2}, new int[] {1, 2}, new double[] {7, 7.1}, new int[] {1, 3});
        assertEquals(Verdict.INSUFFICIENT, p.verdict());
        assertEquals(List.of(new CompareNote.TooFewPairs(1, WelchOnLogs.MIN_FORKS), new CompareNote.ForksUnpaired(List.of(
                new CompareNote.Unpaired("a", List.of(2)), new CompareNote.Unpaired("b", List.of(3))))), p.notes());
    }

    /** Two pairs are enough pairs: a fork mean of 0 is what stops the test, and the note says that. */
    @Test
    void twoPairsWithAZeroForkMeanAreNotTooFewPairs() {
        PointComparison p = pairedOnePoint(new double[] {10, 0}, new int[] {1, 2}, new double[] {7, 7.1}, new int[] {1, 2});
        assertEquals(List.of(CompareNote.Plain.FORK_MEAN_NOT_POSITIVE), p.notes());
    }

    /** Of two points only one dropped a fork: the comparison's total names 1 fork at 1 point. */
    @Test
    void theUnpairedTotalCountsOnlyThePointsThatDroppedForks() {
        PointKey lock = new PointKey("counters", "Counters.increment", "lock", "", 2, 1, Mode.THROUGHPUT);
        PointKey adder = lock.withVariant("adder");
        int[] three = {1, 2, 3};
        CompareResult r = new Comparer(0.05).comparePaired(
                Synthetic.runData("a", List.of(forks(lock, new double[] {10, 10.2, 9.9}, three),
                        forks(adder, new double[] {20, 20.2, 19.9}, three)), Set.of()),
                Synthetic.runData("b", List.of(forks(lock, new double[] {7, 7.1}, new int[] {1, 2}),
                        forks(adder, new double[] {21, 21.3, 20.8}, three)), Set.of()));
        assertEquals(List.of(new CompareNote.UnpairedTotal(1, 1)), r.notes());
    }
}
