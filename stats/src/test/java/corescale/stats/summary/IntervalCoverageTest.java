package corescale.stats.summary;

import corescale.stats.io.BadInputException;
import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointSummary;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 95% interval of summary.csv ({@code ci_low/ci_high}, Student t over fork means) holds the true
 * mean in about 95% of seeded trials, for normal and for skewed (log-normal) fork means, through the
 * Summarizer as a run's rows go (warm-up test included): 5 iterations a fork with 1% noise.
 */
class IntervalCoverageTest {

    private static final int TRIALS = 4000;
    private static final int ITERATIONS = 5;

    private static double coverage(int forks, boolean skewed, long seed) throws BadInputException {
        SplittableRandom data = new SplittableRandom(seed);
        // log-normal with sd 0.2 on the log scale has mean exp(0.02)
        double truth = skewed ? 100 * Math.exp(0.02) : 100;
        int covered = 0;
        for (int t = 0; t < TRIALS; t++) {
            double[][] iterations = new double[forks][ITERATIONS];
            for (int f = 0; f < forks; f++) {
                double level = skewed ? 100 * Math.exp(0.2 * data.nextGaussian()) : 100 + 3 * data.nextGaussian();
                for (int i = 0; i < ITERATIONS; i++) {
                    iterations[f][i] = level * (1 + 0.01 * data.nextGaussian());
                }
            }
            PointSummary s = new Summarizer().summarize(List.of(Synthetic.input(Synthetic.key("v", 1, 1),
                    Mode.THROUGHPUT, iterations))).get(0).summary();
            covered += s.ciLow() <= truth && truth <= s.ciHigh() ? 1 : 0;
        }
        double rate = covered / (double) TRIALS;
        System.out.printf("ci_low/ci_high: %d forks, %s: covered %d of %d (%.1f%%)%n", forks,
                skewed ? "log-normal (sd 0.2)" : "normal (sd 3%)", covered, TRIALS, 100 * rate);
        return rate;
    }

    @Test
    void coversAtThreeFiveAndTenForks() throws BadInputException {
        for (int forks : new int[] {3, 5, 10}) {
            double normal = coverage(forks, false, 17L * forks);
            assertTrue(normal >= 0.94 && normal <= 0.96, forks + " forks: " + normal);
            double skewed = coverage(forks, true, 31L * forks);
            assertTrue(skewed >= 0.93, forks + " forks, skewed: " + skewed);
        }
    }
}
