package corescale.stats.summary;

import corescale.stats.io.BadInputException;
import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error rates of the modes rule on seeded simulations, through the whole summariser. */
class ModesTest {

    private static final PointKey KEY = Synthetic.key("lock", 4, 4);
    private static final int TRIALS = 2000;

    /** One point: forks at the given levels, 10 iterations each with 1% noise. */
    private static SummaryRow point(SplittableRandom r, double[] levels) throws BadInputException {
        double[][] forks = new double[levels.length][10];
        for (int f = 0; f < levels.length; f++) {
            for (int i = 0; i < 10; i++) {
                forks[f][i] = levels[f] * (1 + 0.01 * r.nextGaussian());
            }
        }
        return new Summarizer().summarize(List.of(Synthetic.input(KEY, Mode.THROUGHPUT, forks))).get(0);
    }

    @Test
    void pointsOfTwoOrThreeForksAreUncheckedNotThoseOfOneOrFour() {
        List<corescale.stats.model.PointSummary> points = List.of(Synthetic.summary(KEY, Mode.THROUGHPUT, 100),
                Synthetic.summary(KEY, Mode.THROUGHPUT, 100, 101), Synthetic.summary(KEY, Mode.THROUGHPUT, 100, 101, 99),
                Synthetic.summary(KEY, Mode.THROUGHPUT, 100, 101, 99, 100), Synthetic.summary(KEY, Mode.THROUGHPUT, 100, 101, 102));
        assertEquals(3, Modes.uncheckedPoints(points));
        assertEquals(0, Modes.uncheckedPoints(List.of()));
    }

    private static double[] unimodal(SplittableRandom r, int forks, double noise) {
        double[] levels = new double[forks];
        for (int f = 0; f < forks; f++) {
            levels[f] = 100 * (1 + noise * r.nextGaussian());
        }
        return levels;
    }

    /** Each fork settles at random in one of two modes {@code apart} apart, with 3% noise inside each. */
    private static double[] bimodal(SplittableRandom r, int forks, double apart) {
        double[] levels = new double[forks];
        for (int f = 0; f < forks; f++) {
            levels[f] = (r.nextBoolean() ? 100 * (1 + apart) : 100) * (1 + 0.03 * r.nextGaussian());
        }
        return levels;
    }

    /** Points flagged with two modes, out of {@link #TRIALS}; checks that {@code unstable} follows {@code modes}. */
    private static int flagged(long seed, java.util.function.Function<SplittableRandom, double[]> levels) throws BadInputException {
        SplittableRandom r = new SplittableRandom(seed);
        int flagged = 0;
        for (int t = 0; t < TRIALS; t++) {
            SummaryRow row = point(r, levels.apply(r));
            assertEquals(row.modes() == 2, row.summary().unstable());
            flagged += row.modes() == 2 ? 1 : 0;
        }
        return flagged;
    }

    @Test
    void knownAnswers() {
        assertEquals(2, Modes.count(new double[] {100, 101, 99, 130, 131}));
        assertEquals(1, Modes.count(new double[] {100, 101, 99, 100.5, 131}), "one fork apart: an outlier or a mode seen once");
        assertTrue(Modes.loneFork(new double[] {100, 101, 99, 100.5, 131}));
        assertEquals(1, Modes.count(new double[] {100, 103, 97, 101, 99}));
        assertFalse(Modes.loneFork(new double[] {100, 103, 97, 101, 99}));
        // a 16% gap, but inside a spread as wide as the gap: one wide mode
        assertEquals(1, Modes.count(new double[] {70, 82, 98, 114, 126}));
        assertEquals(0, Modes.count(new double[] {100, 130}), "two forks: not tested");
    }

    @Test
    void threeForksAreNeverTwoModes() throws BadInputException {
        // Every split of 3 is 1 + 2: [100, 100, 112] was "two modes" under a rule that allowed it.
        assertEquals(0, Modes.count(new double[] {100, 100, 112}));
        assertTrue(Modes.loneFork(new double[] {100, 100, 120}), "the sweep still sees one fork apart and adds forks");
        int flagged = 0;
        int tested = 0;
        SplittableRandom r = new SplittableRandom(7);
        for (int t = 0; t < TRIALS; t++) {
            SummaryRow row = point(r, r.nextBoolean() ? unimodal(r, 3, 0.10) : bimodal(r, 3, 0.3));
            flagged += row.modes() == 2 ? 1 : 0;
            tested += row.modes() != 0 ? 1 : 0;
        }
        assertEquals(0, flagged);
        assertEquals(0, tested, "3 forks: modes unchecked");
    }

    @Test
    void unimodalForksAreRarelyFlaggedEvenAtTenPercentNoise() throws BadInputException {
        int three = flagged(101, r -> unimodal(r, 5, 0.03));
        int ten5 = flagged(102, r -> unimodal(r, 5, 0.10));
        int ten4 = flagged(103, r -> unimodal(r, 4, 0.10));
        int ten8 = flagged(104, r -> unimodal(r, 8, 0.10));
        System.out.printf("modes, unimodal: 3%% noise 5 forks %d, 10%% noise 4/5/8 forks %d/%d/%d, of %d each%n",
                three, ten4, ten5, ten8, TRIALS);
        assertEquals(0, three);
        assertTrue(ten5 <= 0.05 * TRIALS, ten5 + " of " + TRIALS);
        assertTrue(ten4 <= 0.05 * TRIALS, ten4 + " of " + TRIALS);
        assertTrue(ten8 <= 0.05 * TRIALS, ten8 + " of " + TRIALS);
    }

    @Test
    void twoModesThirtyPercentApartAreFlaggedWhenEachIsSeenTwice() throws BadInputException {
        SplittableRandom r = new SplittableRandom(202);
        int flagged = 0;
        int seenTwice = 0;
        int flaggedSeenTwice = 0;
        for (int t = 0; t < TRIALS; t++) {
            double[] levels = bimodal(r, 5, 0.3);
            long high = java.util.Arrays.stream(levels).filter(x -> x > 115).count();
            boolean twice = high >= 2 && high <= 3;
            boolean two = point(r, levels).modes() == 2;
            flagged += two ? 1 : 0;
            seenTwice += twice ? 1 : 0;
            flaggedSeenTwice += two && twice ? 1 : 0;
        }
        System.out.printf("modes, 30%% apart, 5 forks: flagged %d of %d; %d of the %d whose forks drew each mode twice%n",
                flagged, TRIALS, flaggedSeenTwice, seenTwice);
        assertTrue(flaggedSeenTwice >= 0.9 * seenTwice, flaggedSeenTwice + " of " + seenTwice);
        assertTrue(flagged >= 0.55 * TRIALS, flagged + " of " + TRIALS);
    }

    @Test
    void fourForksAreTestedAndCanBeTwoModes() {
        // gap 29 >= 0.15 * 115.5 = 17.3; pooled sd sqrt((0.5 + 0.5) / 2) = 0.71, 4 * 0.71 = 2.8 <= 29
        assertEquals(2, Modes.count(new double[] {100, 101, 130, 131}));
    }

    @Test
    void spreadInsideTheGroupsHasForksMinusTwoDegreesOfFreedom() {
        // gap 20 >= 0.15 * 120 = 18, but pooled sd sqrt((50 + 50) / (4 - 2)) = 7.07 and 4 * 7.07 = 28.3 > 20: one wide mode
        assertEquals(1, Modes.count(new double[] {100, 110, 130, 140}));
    }
}
