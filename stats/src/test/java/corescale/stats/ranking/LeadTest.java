package corescale.stats.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.bounds.Bounds;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

import corescale.stats.Synthetic;
import corescale.stats.bounds.PointFacts;
import corescale.stats.contention.Contention;
import corescale.stats.contention.ContentionRow;
import corescale.stats.model.Mode;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.LostUpdates;
import corescale.stats.summary.WelchOnLogs;

class LeadTest {

    /**
     * The ratio's interval excludes 1 exactly when Welch's test (commons-math, on the logs) has
     * p below 5%: checked on 400 seeded pairs of 3 to 10 fork means, some with real differences.
     */
    @Test
    void theRatioIntervalAgreesWithWelchsTestOnLogs() {
        SplittableRandom rnd = new SplittableRandom(42);
        int wins = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 3 + rnd.nextInt(8);
            int m = 3 + rnd.nextInt(8);
            double shift = 1 + 0.03 * rnd.nextInt(4);
            double[] a = Synthetic.iterations(rnd, 100 * shift, 3, n);
            double[] b = Synthetic.iterations(rnd, 100, 2 + rnd.nextInt(4), m);
            double[] r = WelchOnLogs.of(a, b).ratioInterval(0.95);
            double p = new TTest().tTest(logs(a), logs(b));
            // On the boundary itself rounding would decide; the seed puts no trial there.
            assertTrue(Math.abs(p - 0.05) > 1e-9, "trial " + trial + " has p = 0.05");
            assertEquals(p < 0.05, r[0] > 1 || r[1] < 1, "trial " + trial + ": p " + p + ", " + r[0] + " to " + r[1]);
            wins += p < 0.05 ? 1 : 0;
        }
        assertTrue(wins > 50 && wins < 350, "both outcomes exercised: " + wins + " of 400 significant");
    }

    @Test
    void theBestOfAContentionPointIsTheFastestRankedVariant() {
        PointSummary racy = Synthetic.summary(Synthetic.key("semaphorePermits", 2, 2), Mode.THROUGHPUT, 30, 31, 29);
        PointSummary lock = Synthetic.summary(Synthetic.key("reentrantLock", 2, 2), Mode.THROUGHPUT, 10, 10.5, 9.5);
        PointSummary sem = Synthetic.summary(Synthetic.key("semaphore", 2, 2), Mode.THROUGHPUT, 8, 8.5, 7.5);
        Eligibility eligibility = Eligibility.of(List.of(racy, lock, sem), List.of(new LostUpdates(racy.key(), 5, 1, 3, 0)), Bounds.NONE);
        List<ContentionRow> rows = new Contention().analyse(List.of(racy, lock, sem), eligibility);
        for (ContentionRow r : rows) {
            assertEquals("reentrantLock", r.bestVariant(), r.toString());
        }
        ContentionRow racyRow = rows.stream().filter(r -> r.key().equals(racy.key())).findFirst().orElseThrow();
        assertEquals(3.0, racyRow.vsBest().value(), 1e-12);
        assertEquals(Eligibility.Reason.LOST_UPDATES, racyRow.notRanked());
    }

    @Test
    void withNoRankedVariantThereIsNoBest() {
        PointSummary adder = Synthetic.summary(Synthetic.key("longAdder", 2, 2), Mode.THROUGHPUT, 30, 31, 29);
        Eligibility eligibility = Eligibility.of(List.of(adder), List.of(new LostUpdates(adder.key(), 0, 0, 3, 100)), Bounds.NONE);
        ContentionRow row = new Contention().analyse(List.of(adder), eligibility).get(0);
        assertEquals("", row.bestVariant());
        assertTrue(Double.isNaN(row.vsBest().value()));
        assertEquals(Eligibility.Reason.UNGUARDED, row.notRanked());
    }

    /** A point above its physical bound is a measurement error: never the best, and its note says why. */
    @Test
    void aPointAboveItsBoundIsNeverBest() {
        // Little's law: 2 requests in flight, 1000 us each, bound 0.002 ops/us; "fast" claims 0.003.
        PointSummary fast = Synthetic.summary(Synthetic.key("fast", 1, 1), Mode.THROUGHPUT, 0.003, 0.0031, 0.0029);
        PointSummary fair = Synthetic.summary(Synthetic.key("fair", 1, 1), Mode.THROUGHPUT, 0.0019, 0.00195, 0.00185);
        Bounds bounds = Bounds.of(List.of(fast, fair), java.util.Map.of(
                fast.key(), new PointFacts(2, 1000, Double.NaN), fair.key(), new PointFacts(2, 1000, Double.NaN)));
        Eligibility eligibility = Eligibility.of(List.of(fast, fair), List.of(), bounds);
        assertTrue(!eligibility.ranked(fast.key()) && eligibility.ranked(fair.key()), eligibility.whyNot(fast.key()).toString());
        List<ContentionRow> rows = new Contention().analyse(List.of(fast, fair), eligibility);
        rows.forEach(r -> assertEquals("fair", r.bestVariant(), r.toString()));
        ContentionRow fastRow = rows.stream().filter(r -> r.key().equals(fast.key())).findFirst().orElseThrow();
        assertEquals(Eligibility.Reason.ABOVE_BOUND, fastRow.notRanked());
    }

    /** Shown within ±5% is a tie even beside a discovery; else a discovery leads; else not told apart. */
    @Test
    void theStandingTakesTheBandBeforeTheDiscovery() {
        PointSummary a = Synthetic.summary(Synthetic.key("a", 2, 2), Mode.THROUGHPUT, 100, 100.2, 99.8, 100.1, 99.9);
        PointSummary b = Synthetic.summary(Synthetic.key("b", 2, 2), Mode.THROUGHPUT, 98, 98.2, 97.8, 98.1, 97.9);
        Lead close = Leads.of(List.of(a, b), Eligibility.of(List.of(a, b), List.of(), Bounds.NONE)).at(a).orElseThrow();
        assertTrue(close.q() < 1e-6 && close.pSame() < 1e-6, close.toString());
        assertEquals(Lead.Standing.TIED, close.standing(), "2% apart, 0.2% noise: a discovery, and within ±5%");
        assertEquals(Lead.Evidence.DISCOVERY, close.evidence());

        assertEquals(Lead.Standing.LEADS, lead(0.01, 0.05, 0.5).standing(), "q at alpha is a discovery");
        assertEquals(Lead.Standing.NOT_TOLD_APART, lead(0.04, 0.06, 0.5).standing());
        assertEquals(Lead.Standing.LEADS, lead(0.01, 0.01, 0.05).standing(), "pSame at alpha is not within the band");
        assertEquals(Lead.Standing.TIED, lead(0.01, 0.01, 0.049).standing());
        assertEquals(Lead.Evidence.NOT_A_DISCOVERY, lead(0.04, 0.06, 0.5).evidence());
        assertEquals(Lead.Evidence.NO_SPREAD, lead(Double.NaN, Double.NaN, Double.NaN).evidence());
        assertEquals(Lead.Standing.NOT_TOLD_APART, lead(Double.NaN, Double.NaN, Double.NaN).standing());
    }

    private static Lead lead(double p, double q, double pSame) {
        PointSummary a = Synthetic.summary(Synthetic.key("a", 2, 2), Mode.THROUGHPUT, 100, 101, 99);
        PointSummary b = Synthetic.summary(Synthetic.key("b", 2, 2), Mode.THROUGHPUT, 90, 91, 89);
        return new Lead(a, b, corescale.stats.summary.Throughput.ratio(a, b), p, q, pSame);
    }

    private static double[] logs(double[] xs) {
        return java.util.Arrays.stream(xs).map(Math::log).toArray();
    }
}
