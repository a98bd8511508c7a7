package corescale.stats.summary;

import corescale.stats.io.BadInputException;
import corescale.stats.Synthetic;
import corescale.stats.load.LoadedInput;
import corescale.stats.load.Loader;
import corescale.stats.load.LoaderTest;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.PooledResult;
import corescale.stats.model.SummaryNote;
import corescale.stats.model.Units;
import corescale.stats.load.Format;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    private static final PointKey KEY = Synthetic.key("lock", 2, 2);

    @Test
    void studentTByHand() {
        // 1..5: mean 3, s = sqrt(2.5), se = sqrt(0.5); t(0.975, 4) = 2.776445 from tables.
        Interval ci = Intervals.studentT(new double[]{1, 2, 3, 4, 5}, 0.95);
        double half = 2.776445 * Math.sqrt(0.5);
        assertEquals(3 - half, ci.low(), 1e-5);
        assertEquals(3 + half, ci.high(), 1e-5);
    }

    @Test
    void summaryUsesForkMeansForMeanAndInterval() throws BadInputException {
        // Forks with means 10, 12, 14 (unequal lengths): mean of fork means is 12, not the pooled 12.5.
        LoadedInput in = Synthetic.input(KEY, Mode.THROUGHPUT, new double[]{9, 11}, new double[]{12, 12}, new double[]{13, 15, 14, 14});
        PointSummary s = new Summarizer().summarize(List.of(in)).get(0).summary();
        assertEquals(12.0, s.mean(), 1e-12);
        assertEquals(3, s.forks());
        assertEquals(8, s.samples());
        double half = 4.302653 * 2 / Math.sqrt(3); // t(0.975, 2) · s(=2) / √3
        assertEquals(12 - half, s.ciLow(), 1e-5);
        assertEquals(12 + half, s.ciHigh(), 1e-5);
        assertEquals(2.0 / 12, s.cvBetweenForks(), 1e-12);
        assertArrayEquals(new double[]{10, 12, 14}, s.forkMeans(), 1e-12);
        assertEquals(List.of(), s.notes());
    }

    @Test
    void oneForkFallsBackToIterationsAndSaysSo() throws BadInputException {
        LoadedInput in = Synthetic.input(KEY, Mode.THROUGHPUT, new double[]{1, 2, 3, 4, 5});
        PointSummary s = new Summarizer().summarize(List.of(in)).get(0).summary();
        double half = 2.776445 * Math.sqrt(0.5);
        assertEquals(3 - half, s.ciLow(), 1e-5);
        assertEquals(List.of(SummaryNote.Plain.ONE_FORK), s.notes());
        assertTrue(Double.isNaN(s.cvBetweenForks()));
    }

    @Test
    void bimodalForksAreUnstableHomogeneousAreNot() throws BadInputException {
        SplittableRandom r = new SplittableRandom(11);
        double[][] bimodal = {Synthetic.iterations(r, 100, 2, 50), Synthetic.iterations(r, 100, 2, 50),
                Synthetic.iterations(r, 130, 2, 50), Synthetic.iterations(r, 100, 2, 50), Synthetic.iterations(r, 130, 2, 50)};
        SummaryRow b = new Summarizer().summarize(List.of(Synthetic.input(KEY, Mode.THROUGHPUT, bimodal))).get(0);
        assertTrue(b.summary().unstable());
        assertEquals(2, b.modes());

        double[][] same = new double[5][];
        for (int f = 0; f < 5; f++) {
            same[f] = Synthetic.iterations(r, 100, 2, 50);
        }
        SummaryRow h = new Summarizer().summarize(List.of(Synthetic.input(KEY, Mode.THROUGHPUT, same))).get(0);
        assertFalse(h.summary().unstable());
        assertEquals(1, h.modes());
        assertEquals(0, h.warmup());
    }

    @Test
    void eachModeOfAPointIsItsOwnPoint() throws BadInputException {
        LoadedInput thr = Synthetic.input(KEY, Mode.THROUGHPUT, new double[]{4, 4}, new double[]{4, 4});
        LoadedInput time = Synthetic.input(KEY, Mode.AVERAGE_TIME, new double[]{0.5, 0.5}, new double[]{0.5, 0.5});
        List<SummaryRow> separate = new Summarizer().summarize(List.of(thr, time));
        assertEquals(List.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME), separate.stream().map(r -> r.summary().mode()).toList());
        assertEquals(List.of(4.0, 0.5), separate.stream().map(r -> r.summary().mean()).toList());
    }

    @Test
    void jmhPooledIntervalIsRescaledTo95AndLabelled() throws BadInputException {
        List<SummaryRow> rows = new Summarizer().summarize(Loader.load(LoaderTest.fixture("jmh-en.csv")));
        PointSummary inc = rows.stream().filter(r -> r.summary().key().benchmark().equals("Counters.increment"))
                .findFirst().orElseThrow().summary();
        // Error 4 at 99.9% with 6 samples: t(0.975,5)/t(0.9995,5) = 2.570582/6.868827 (tables).
        double half = 4 * 2.570582 / 6.868827;
        assertEquals(23 - half, inc.ciLow(), 1e-4);
        assertEquals(List.of(SummaryNote.Plain.POOLED_INTERVAL), inc.notes());
    }

    /**
     * Fork means that agree within about a millionth have no interval (a zero-width one would be certainty
     * from what is the measurement's resolution) and say so; a ten-thousandth apart they have one.
     */
    @Test
    void forkMeansWithoutSpreadHaveNoInterval() throws BadInputException {
        for (double delta : new double[] {0, 1e-5}) {
            LoadedInput in = Synthetic.input(KEY, Mode.THROUGHPUT, new double[]{100, 100}, new double[]{100 + delta, 100 + delta});
            PointSummary s = new Summarizer().summarize(List.of(in)).get(0).summary();
            assertTrue(Double.isNaN(s.ciLow()) && Double.isNaN(s.ciHigh()), "delta " + delta + ": " + s);
            assertEquals(List.of(SummaryNote.Plain.NO_SPREAD), s.notes());
        }
        LoadedInput spread = Synthetic.input(KEY, Mode.THROUGHPUT, new double[]{100, 100}, new double[]{100.01, 100.01});
        PointSummary s = new Summarizer().summarize(List.of(spread)).get(0).summary();
        assertTrue(s.ciLow() < 100 && s.ciHigh() > 100.01, s.toString());
        assertEquals(List.of(), s.notes());
    }

    @Test
    void oneForkOfTwoIterationsIsNotedAsOneForkNotOneIteration() throws BadInputException {
        LoadedInput in = Synthetic.input(KEY, Mode.THROUGHPUT, new double[]{4, 6});
        PointSummary s = new Summarizer().summarize(List.of(in)).get(0).summary();
        assertEquals(List.of(SummaryNote.Plain.ONE_FORK), s.notes());
    }

    private static LoadedInput pooled(Mode mode, int samples, double score, double error999) {
        PooledResult p = new PooledResult(Synthetic.RUN, KEY.withMode(mode), Units.canonical(mode), 1, samples, score, error999, Map.of());
        return new LoadedInput(Path.of("jmh.csv"), Format.JMH_CSV, List.of(), List.of(p));
    }

    @Test
    void twoPooledSamplesGetTheRescaledIntervalOnBothSides() throws BadInputException {
        PointSummary s = new Summarizer().summarize(List.of(pooled(Mode.THROUGHPUT, 2, 50, 10))).get(0).summary();
        double half = 10 * 12.706204736174694 / 636.6192487687897; // t(0.975, 1) / t(0.9995, 1), scipy.stats.t.ppf
        assertArrayEquals(new double[]{50 - half, 50 + half}, new double[]{s.ciLow(), s.ciHigh()}, 1e-9);
    }

    @Test
    void twoPooledFilesOfAPointAreAveragedAsReplicates() throws BadInputException {
        PointSummary s = new Summarizer().summarize(List.of(pooled(Mode.THROUGHPUT, 6, 40, 4), pooled(Mode.THROUGHPUT, 6, 44, 4)))
                .get(0).summary();
        assertEquals(42, s.mean(), 1e-12); // (40 + 44) / 2
    }

    /** JMH's pooled scores without spread (an error of 0, two files of one score) have no interval, as fork means without spread have none. */
    @Test
    void pooledScoresWithoutSpreadHaveNoInterval() throws BadInputException {
        PointSummary one = new Summarizer().summarize(List.of(pooled(Mode.THROUGHPUT, 6, 100, 0))).get(0).summary();
        assertTrue(Double.isNaN(one.ciLow()) && Double.isNaN(one.ciHigh()), one.toString());
        assertEquals(List.of(SummaryNote.Plain.NO_SPREAD), one.notes());
        PointSummary two = new Summarizer().summarize(List.of(pooled(Mode.THROUGHPUT, 6, 100, 1), pooled(Mode.THROUGHPUT, 6, 100, 1)))
                .get(0).summary();
        assertTrue(Double.isNaN(two.ciLow()) && Double.isNaN(two.ciHigh()), two.toString());
        assertEquals(List.of(new SummaryNote.PooledFilesAsReplicates(2), SummaryNote.Plain.NO_SPREAD), two.notes());
    }

    @Test
    void cvOfTwoValuesIsTheirSampleSdOverTheMean() {
        assertEquals(Math.sqrt(2) / 10, Intervals.cv(new double[]{9, 11}), 1e-12); // s = sqrt((1 + 1) / 1), mean 10
    }
}
