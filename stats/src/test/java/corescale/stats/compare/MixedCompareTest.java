package corescale.stats.compare;

import corescale.stats.summary.FalseDiscovery;
import corescale.stats.summary.Ratio;
import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.MixedOnLogs;
import corescale.stats.summary.PairedT;
import corescale.stats.summary.WelchOnLogs;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interleaved A/A comparisons, seeded, through {@link Comparer#comparePaired} as {@code compare RUN}
 * uses it, at the round counts compare sees: does the test of interleaved configurations keep its false
 * calls at 5% and its intervals as narrow as the better of Welch's t and the paired t, whether the
 * forks vary independently (as on this machine, where a JVM's mode is its own) or share a per-round
 * drift? Each trial is one point in two configurations a and b of one run, n rounds of one fork each,
 * with log-normal fork means: level · exp(u_r + e), u_r the round's shift shared by its two forks
 * (N(0, roundSd²) on the log scale; 0 when the forks are independent), e each fork's own (N(0, 0.05²)).
 * A trial is a comparison of one point, so the Benjamini–Hochberg family is that point alone and a
 * false call is any {@code faster} or {@code slower} at the tool's α (5%) and threshold (5%). On the
 * same fork means: Welch's t ({@link Comparer#compare(RunData, RunData)}, one run a side), the plain
 * paired t (the former rule, {@link PairedT}) and the mixed model's branch t without the
 * correction for the choice of branch ({@link MixedOnLogs#pUncorrected}, REML with Satterthwaite df).
 */
class MixedCompareTest {

    private static final int TRIALS = 2000;
    private static final double FORK_SD = 0.05;
    private static final double THRESHOLD = 0.05;
    private static final int[] ROUNDS = {3, 4, 5, 8};
    private static final PointKey KEY = Synthetic.key("lock", 1, 1);

    /** A regime: the per-round shift's sd on the log scale, and the seed of its first round count. */
    private record Regime(String name, double roundSd, long seed) {
    }

    /** What one regime and round count gave. */
    private record Cell(Regime regime, int rounds, int mixedCalls, int mixedRejects, int uncorrectedCalls,
                        int uncorrectedRejects, int welchCalls, int pairedCalls, double mixedWidth, double welchWidth, double pairedWidth,
                        int pairedBranch) {

        double rate(int count) {
            return (double) count / TRIALS;
        }

        double best() {
            return Math.min(welchWidth, pairedWidth);
        }

        String line() {
            return String.format(Locale.ROOT, "%-32s %d rounds: false calls mixed %.2f%% (p<=5%%: %.2f%%), uncorrected"
                            + " REML %.2f%% (p<=5%%: %.2f%%), Welch %.2f%%, paired %.2f%%; mean 95%% width (log) mixed %.4f,"
                            + " Welch %.4f, paired %.4f (mixed/better %.3f); paired branch in %d of %d",
                    regime.name, rounds, 100 * rate(mixedCalls), 100 * rate(mixedRejects), 100 * rate(uncorrectedCalls),
                    100 * rate(uncorrectedRejects),
                    100 * rate(welchCalls), 100 * rate(pairedCalls), mixedWidth, welchWidth, pairedWidth,
                    mixedWidth / best(), pairedBranch, TRIALS);
        }
    }

    private static RunData run(String name, double[] forkMeans) {
        return Synthetic.runData(name, List.of(Synthetic.summary(KEY, Mode.THROUGHPUT, forkMeans)), Set.of(Synthetic.RUN));
    }

    private static boolean called(Verdict v) {
        return v == Verdict.FASTER || v == Verdict.SLOWER;
    }

    private static double logWidth(double[] ci) {
        return Math.log(ci[1] / ci[0]);
    }

    private static Cell simulate(Regime regime, int rounds) {
        SplittableRandom rnd = new SplittableRandom(regime.seed + rounds);
        Comparer comparer = new Comparer(THRESHOLD);
        int mixedCalls = 0;
        int mixedRejects = 0;
        int uncorrectedCalls = 0;
        int uncorrectedRejects = 0;
        int welchCalls = 0;
        int pairedCalls = 0;
        int pairedBranch = 0;
        double mixedWidth = 0;
        double welchWidth = 0;
        double pairedWidth = 0;
        for (int t = 0; t < TRIALS; t++) {
            double level = 10 * Math.exp(rnd.nextGaussian());
            double[] a = new double[rounds];
            double[] b = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                double shift = regime.roundSd * rnd.nextGaussian();
                a[r] = level * Math.exp(shift + FORK_SD * rnd.nextGaussian());
                b[r] = level * Math.exp(shift + FORK_SD * rnd.nextGaussian());
            }
            RunData ra = run("a", a);
            RunData rb = run("b", b);
            CompareResult mixed = comparer.comparePaired(ra, rb);
            PointComparison m = mixed.points().get(0);
            assertEquals(Design.PAIRED, m.design());
            assertEquals(Ratio.Method.MIXED_LOG, m.ratio().method());
            assertEquals(rounds, m.nBase());
            mixedCalls += called(m.verdict()) ? 1 : 0;
            mixedRejects += m.pChange() <= FalseDiscovery.ALPHA ? 1 : 0;
            mixedWidth += Math.log(m.ratio().high() / m.ratio().low());

            MixedOnLogs model = MixedOnLogs.of(b, a);
            pairedBranch += model.roundsShared() ? 1 : 0;
            double ratio = Math.exp(model.d());
            uncorrectedCalls += called(Verdict.of(model.pUncorrected(), ratio, 1, THRESHOLD, FalseDiscovery.ALPHA)) ? 1 : 0;
            uncorrectedRejects += model.pUncorrected() <= FalseDiscovery.ALPHA ? 1 : 0;

            PointComparison w = Synthetic.compare(comparer, ra, rb).points().get(0);
            assertEquals(Design.FORKS, w.design());
            welchCalls += called(w.verdict()) ? 1 : 0;
            welchWidth += Math.log(w.ratio().high() / w.ratio().low());

            WelchOnLogs paired = PairedT.of(b, a);
            pairedCalls += called(Verdict.of(paired.pChange(), Math.exp(paired.d()), paired.pSame(THRESHOLD), THRESHOLD,
                    FalseDiscovery.ALPHA)) ? 1 : 0;
            pairedWidth += logWidth(paired.ratioInterval(0.95));
        }
        return new Cell(regime, rounds, mixedCalls, mixedRejects, uncorrectedCalls, uncorrectedRejects, welchCalls, pairedCalls,
                mixedWidth / TRIALS, welchWidth / TRIALS, pairedWidth / TRIALS, pairedBranch);
    }

    @Test
    void falseCallsAtMostFivePercentAndIntervalsWithinTenPercentOfTheBetterDesign() {
        List<Regime> regimes = List.of(
                new Regime("independent forks", 0, 2400),
                new Regime("round drift sd = fork sd (5%)", FORK_SD, 2410),
                new Regime("round drift sd = 2 fork sd (10%)", 2 * FORK_SD, 2420));
        List<Cell> cells = new ArrayList<>();
        for (Regime regime : regimes) {
            for (int rounds : ROUNDS) {
                Cell c = simulate(regime, rounds);
                cells.add(c);
                System.out.println(c.line());
            }
        }
        // Monte Carlo allowance on the level itself: the test is exact at 5% with independent forks.
        double allowance = 3 * Math.sqrt(0.05 * 0.95 / TRIALS);
        List<String> failures = new ArrayList<>();
        for (Cell c : cells) {
            String where = c.regime.name + ", " + c.rounds + " rounds: ";
            if (c.rate(c.mixedCalls) > 0.05) {
                failures.add(where + "false calls " + c.rate(c.mixedCalls));
            }
            if (c.rate(c.mixedRejects) > 0.05 + allowance) {
                failures.add(where + "p <= 5% in " + c.rate(c.mixedRejects));
            }
            if (c.mixedWidth > 1.10 * c.best()) {
                failures.add(String.format(Locale.ROOT, "%smean width %.4f, %.3f× the better design's %.4f", where,
                        c.mixedWidth, c.mixedWidth / c.best(), c.best()));
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // That pairing matters in the drift regime: the paired t is the narrower there, by a third or more.
        cells.stream().filter(c -> c.regime.roundSd == 2 * FORK_SD)
                .forEach(c -> assertTrue(c.pairedWidth < 0.75 * c.welchWidth, c.line()));
    }
}
