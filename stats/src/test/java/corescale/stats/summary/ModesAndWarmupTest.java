package corescale.stats.summary;

import corescale.stats.BadInputException;
import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Error rates of the modes and warm-up rules on seeded simulations, through the whole summariser. */
class ModesAndWarmupTest {

    private static final PointKey KEY = Synthetic.key("lock", 4, 4);
    private static final int TRIALS = 400;

    /** One point: forks at the given levels, 10 iterations each with 1% noise, the first ones shifted by {@code warm}. */
    private static SummaryRow point(SplittableRandom r, double[] levels, double... warm) throws BadInputException {
        double[][] forks = new double[levels.length][10];
        for (int f = 0; f < levels.length; f++) {
            for (int i = 0; i < 10; i++) {
                double shift = i < warm.length ? warm[i] : 0;
                forks[f][i] = levels[f] * (1 + shift) * (1 + 0.01 * r.nextGaussian());
            }
        }
        return new Summarizer().summarize(java.util.List.of(Synthetic.input(KEY, Mode.THROUGHPUT, forks))).get(0);
    }

    private static double[] unimodal(SplittableRandom r, int forks, double noise) {
        double[] levels = new double[forks];
        for (int f = 0; f < forks; f++) {
            levels[f] = 100 * (1 + noise * r.nextGaussian());
        }
        return levels;
    }

    /** Each fork settles at random in one of two modes 30% apart, with 3% noise inside each. */
    private static double[] bimodal(SplittableRandom r, int forks) {
        double[] levels = new double[forks];
        for (int f = 0; f < forks; f++) {
            levels[f] = (r.nextBoolean() ? 130 : 100) * (1 + 0.03 * r.nextGaussian());
        }
        return levels;
    }

    @Test
    void knownAnswers() {
        assertEquals(2, Modes.count(new double[] {100, 101, 99, 130, 131}));
        assertEquals(2, Modes.count(new double[] {100, 101, 99, 100.5, 131}), "one fork in the other mode");
        assertEquals(1, Modes.count(new double[] {100, 103, 97, 101, 99}));
        // a 12% gap, but inside a spread as wide as the gap: one wide mode
        assertEquals(1, Modes.count(new double[] {80, 88, 100, 112, 120}));
        assertEquals(0, Modes.count(new double[] {100, 130}), "two forks: not tested");
    }

    @Test
    void unimodalThreePercentForkNoiseIsRarelyFlagged() throws BadInputException {
        SplittableRandom r = new SplittableRandom(101);
        int flagged = 0;
        for (int t = 0; t < TRIALS; t++) {
            SummaryRow row = point(r, unimodal(r, 5, 0.03));
            assertEquals(row.modes() == 2, row.summary().unstable());
            flagged += row.modes() == 2 ? 1 : 0;
        }
        System.out.printf("modes: unimodal 3%% fork noise, 5 forks: flagged %d of %d%n", flagged, TRIALS);
        assertTrue(flagged <= 0.10 * TRIALS, flagged + " of " + TRIALS);
    }

    @Test
    void twoModesThirtyPercentApartAreFlagged() throws BadInputException {
        SplittableRandom r = new SplittableRandom(202);
        int flagged = 0;
        for (int t = 0; t < TRIALS; t++) {
            SummaryRow row = point(r, bimodal(r, 5));
            assertEquals(row.modes() == 2, row.summary().unstable());
            flagged += row.modes() == 2 ? 1 : 0;
        }
        System.out.printf("modes: two modes 30%% apart, 5 forks: flagged %d of %d%n", flagged, TRIALS);
        assertTrue(flagged >= 0.80 * TRIALS, flagged + " of " + TRIALS);
    }
}
