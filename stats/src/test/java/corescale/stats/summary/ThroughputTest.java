package corescale.stats.summary;

import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Units;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ratios and intervals seen as throughput, on edge cases without an interval. */
class ThroughputTest {

    private static final PointKey KEY = Synthetic.key("lock", 2, 2);

    @Test
    void aSideWithOneForkGivesAOneForkRatio() {
        Ratio r = Throughput.ratio(Synthetic.summary(KEY, Mode.THROUGHPUT, 10), Synthetic.summary(KEY, Mode.THROUGHPUT, 8, 9));
        assertEquals(Ratio.Method.ONE_FORK, r.method());
        assertEquals(10 / 8.5, r.value(), 1e-12);
        assertTrue(Double.isNaN(r.low()) && Double.isNaN(r.high()), "no interval from one fork: " + r);
    }

    @Test
    void aZeroForkMeanGivesARatioWithoutInterval() {
        // log 0 is no number: Welch on logs declines, the ratio 10 / 8.5 stays, without interval
        Ratio r = Throughput.ratio(Synthetic.summary(KEY, Mode.THROUGHPUT, 10, 10.5), Synthetic.summary(KEY, Mode.THROUGHPUT, 0, 17));
        assertEquals(Ratio.Method.NONE, r.method());
        assertEquals(10.25 / 8.5, r.value(), 1e-12);
        assertTrue(Double.isNaN(r.low()) && Double.isNaN(r.high()), "no interval: " + r);
    }

    @Test
    void aTimeIntervalEndAtZeroHasNoThroughput() {
        // ends 0 and 2 us/op at 2 threads: 2 / 2 = 1 op/us, and 2 / 0 is no throughput
        PointSummary s = new PointSummary(KEY.withMode(Mode.AVERAGE_TIME), Units.canonical(Mode.AVERAGE_TIME), 3, 30, 1, 0, 2,
                Double.NaN, false, new double[] {0.5, 1, 1.5}, List.of());
        assertTrue(Double.isNaN(Throughput.ci(s).high()));
        assertEquals(1, Throughput.ci(s).low(), 1e-12);
    }

    private static PointSummary inRounds(String variant, String run, double[] means, int[] rounds) {
        return new PointSummary(Synthetic.key(variant, 2, 2), "ops/us", means.length, means.length * 10,
                java.util.Arrays.stream(means).average().orElseThrow(), Double.NaN, Double.NaN, Double.NaN, false, means, rounds, run,
                Double.NaN, List.of());
    }

    /**
     * Two variants of a place measured in one run's rounds are paired by fork number, over the rounds both
     * have: here a steady ×0.8 in each round, under a drift of ±10% between rounds that Welch's t sees as
     * spread. The point that went on alone (rounds 4 and 5) adds nothing to the pairs.
     */
    @Test
    void variantsOfAPlaceMeasuredInOneRunsRoundsArePairedByRound() {
        PointSummary a = inRounds("a", "r1", new double[] {100, 110, 90, 120, 80}, new int[] {1, 2, 3, 4, 5});
        PointSummary b = inRounds("b", "r1", new double[] {80.4, 87.6, 72.2}, new int[] {1, 2, 3});
        LogRatioTest paired = Throughput.test(b, a);
        assertTrue(paired instanceof MixedOnLogs m && m.rounds() == 3, String.valueOf(paired));
        double[] d = {Math.log(80.4 / 100), Math.log(87.6 / 110), Math.log(72.2 / 90)};
        assertEquals((d[0] + d[1] + d[2]) / 3, paired.d(), 1e-12);
        Ratio ratio = Throughput.ratio(b, a);
        assertEquals(Ratio.Method.MIXED_LOG, ratio.method());
        assertTrue(ratio.high() / ratio.low() < 1.05, ratio.toString());

        PointSummary otherRun = inRounds("b", "r2", new double[] {80.4, 87.6, 72.2}, new int[] {1, 2, 3});
        PointSummary notRecorded = inRounds("b", "", new double[] {80.4, 87.6, 72.2}, new int[] {1, 2, 3});
        for (PointSummary welch : List.of(otherRun, notRecorded)) {
            assertTrue(Throughput.test(welch, a) instanceof WelchOnLogs, welch.roundsRun());
            Ratio wide = Throughput.ratio(welch, a);
            assertEquals(Ratio.Method.WELCH_LOG, wide.method());
            assertTrue(wide.high() / wide.low() > 1.3, wide.toString());
        }
        PointSummary elsewhere = new PointSummary(Synthetic.key("b", 2, 4), "ops/us", 3, 30, 80, Double.NaN, Double.NaN, Double.NaN,
                false, new double[] {80.4, 87.6, 72.2}, new int[] {1, 2, 3}, "r1", Double.NaN, List.of());
        assertTrue(Throughput.test(elsewhere, a) instanceof WelchOnLogs, "4 threads is another place");
    }

    private static PointSummary at(int cores, double stateVariance, double... means) {
        return new PointSummary(Synthetic.key("a", cores, cores), "ops/us", means.length, means.length * 10,
                java.util.Arrays.stream(means).average().orElseThrow(), Double.NaN, Double.NaN, Double.NaN, false, means,
                null, "r1", stateVariance, List.of());
    }

    /**
     * Two places were measured minutes apart, each in one state of the machine: Welch's t on their fork
     * means gains both sides' state variance in its se², its degrees of freedom the forks'; where either
     * is unknown (no canary), the forks' alone.
     */
    @Test
    void aRatioAcrossPlacesAddsEachSidesStateVariance() {
        double[] one = {100, 104, 97};
        double[] two = {180, 190, 186};
        WelchOnLogs forks = WelchOnLogs.of(two, one);
        LogRatioTest drift = Throughput.test(at(2, 0.0016, two), at(1, 0.0009, one));
        assertEquals(Math.sqrt(forks.se() * forks.se() + 0.0025), drift.se(), 1e-12);
        assertEquals(forks.d(), drift.d(), 1e-12);
        assertEquals(forks.se(), Throughput.test(at(2, Double.NaN, two), at(1, 0.0009, one)).se(), 1e-12);
        Ratio wider = Throughput.ratio(at(2, 0.0016, two), at(1, 0.0009, one));
        Ratio narrow = Throughput.ratio(at(2, Double.NaN, two), at(1, Double.NaN, one));
        assertTrue(wider.low() < narrow.low() && wider.high() > narrow.high(), wider + " against " + narrow);
    }

    /**
     * A point stopped at its target reports mean ± target: a test of it against another takes at least
     * that variance, not its forks' (small because the sweep stopped when they happened to agree).
     * Four forks 0.1% apart at a 3% target: se on the logs at least log(1.03) / t(0.975, 3) = 0.009288
     * (scipy: log1p(0.03) / t.ppf(0.975, 3)).
     */
    @Test
    void aPointStoppedAtItsTargetIsTestedWithAtLeastTheTargetsVariance() {
        double[] tight = {100, 100.1, 99.9, 100.05};
        PointSummary stopped = new PointSummary(KEY.withMode(Mode.THROUGHPUT), "ops/us", 4, 40, 100.0125, 97, 103, 0.001, false,
                tight, List.of(new corescale.stats.model.SummaryNote.AtTarget(0.03)));
        PointSummary other = new PointSummary(Synthetic.key("adder", 2, 2).withMode(Mode.THROUGHPUT), "ops/us", 4, 40, 90.0125,
                Double.NaN, Double.NaN, 0.001, false, new double[] {90, 90.1, 89.9, 90.05}, List.of());
        assertEquals(0.009288, Math.sqrt(Throughput.seFloor(stopped)), 1e-6);
        assertEquals(0, Throughput.seFloor(other));
        LogRatioTest t = Throughput.test(stopped, other);
        assertTrue(t.se() >= Math.sqrt(Throughput.seFloor(stopped)), "se " + t.se());
        LogRatioTest plain = Throughput.test(new PointSummary(stopped.key(), "ops/us", 4, 40, 100.0125, 97, 103, 0.001, false,
                tight, List.of()), other);
        assertTrue(plain.se() < 0.001, "without the note, the forks' own se: " + plain.se());
    }
}
