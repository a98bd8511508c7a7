package corescale.stats.answers;

import corescale.stats.io.BadInputException;
import corescale.stats.Synthetic;
import corescale.stats.bounds.Bounds;
import corescale.stats.load.Format;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.ranking.Rankings;
import corescale.stats.summary.Summarizer;
import corescale.stats.summary.SummaryRow;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Error rates of the Answers' standings on seeded simulations through the real pipeline (results
 * rows, the Summarizer, Rankings, Answers): "ties" is claimed for a variant outside the ±5% band at
 * most as often as the equivalence test allows (5%), and two forks far apart are "not told apart",
 * never tied, whatever their means.
 */
class StandingErrorRatesTest {

    private static final int TRIALS = 2000;

    /** How often the second-ranked of synchronized and atomicLong (1 thread) stood each way. */
    private static Map<Answers.Standing, Integer> standings(long seed, int forks, double forkNoise, double otherOverFirst)
            throws BadInputException {
        SplittableRandom r = new SplittableRandom(seed);
        Map<Answers.Standing, Integer> out = new EnumMap<>(Answers.Standing.class);
        for (int t = 0; t < TRIALS; t++) {
            List<Measurement> rows = new ArrayList<>();
            for (String variant : List.of("synchronized", "atomicLong")) {
                PointKey key = new PointKey("counters", "Counters.increment", variant, "", 1, 1, Mode.THROUGHPUT);
                double level = variant.equals("synchronized") ? 100 : 100 * otherOverFirst;
                for (int f = 1; f <= forks; f++) {
                    double forkLevel = level * Math.exp(forkNoise * r.nextGaussian());
                    for (int i = 1; i <= 10; i++) {
                        rows.add(new Measurement(Synthetic.RUN, key, "ops/us", f, i,
                                forkLevel * (1 + 0.01 * r.nextGaussian()), Map.of()));
                    }
                }
            }
            LoadedInput in = new LoadedInput(Path.of("synthetic.csv"), Format.RESULTS_CSV, rows, List.of());
            List<PointSummary> points = new Summarizer().summarize(List.of(in)).stream().map(SummaryRow::summary).toList();
            Answers a = Answers.of(points, Rankings.of(points, List.of(), Bounds.NONE), Bounds.NONE, List.of());
            Answers.Ranking ranking = a.counters().get(0);
            assertEquals(2, ranking.ranked().size());
            out.merge(ranking.ranked().get(1).standing(), 1, Integer::sum);
        }
        return out;
    }

    private static double share(Map<Answers.Standing, Integer> counts, Answers.Standing s) {
        return counts.getOrDefault(s, 0) / (double) TRIALS;
    }

    @Test
    void aVariantAtTheEdgeOfTheBandIsCalledTiedAtMostAsOftenAsTheEquivalenceTestAllows() throws BadInputException {
        // 5% slower: on the band's edge, where the equivalence test rejects in at most 5% of trials.
        for (int forks : new int[] {2, 3, 5, 10}) {
            Map<Answers.Standing, Integer> s = standings(31 + forks, forks, 0.03, 0.95);
            // 2,000 trials: a binomial's sd at 5% is 0.5%, so 6.5% is three of them above the bound.
            System.out.println("5% slower, 3% fork noise, " + forks + " forks: " + s);
            assertTrue(share(s, Answers.Standing.TIED) <= 0.065, forks + " forks: " + s);
        }
    }

    @Test
    void identicalVariantsWithTightForksTieNearlyAlwaysAndAreRarelyCalledBehind() throws BadInputException {
        Map<Answers.Standing, Integer> s = standings(7, 5, 0.01, 1.0);
        System.out.println("identical, 1% fork noise, 5 forks: " + s);
        assertTrue(share(s, Answers.Standing.TIED) >= 0.9, "5 forks at 1%: " + s);
        assertTrue(share(s, Answers.Standing.BEHIND) <= 0.065, "5 forks at 1%: " + s);
    }

    /** A 1% gap that tight forks show is real is still within the band: a tie, not "behind" (compare calls it "same"). */
    @Test
    void aSmallDifferenceShownWithinTheBandIsATieEvenWhenItIsADiscovery() throws BadInputException {
        Map<Answers.Standing, Integer> s = standings(13, 5, 0.002, 0.99);
        System.out.println("1% slower, 0.2% fork noise, 5 forks: " + s);
        assertTrue(share(s, Answers.Standing.TIED) >= 0.99, s.toString());
    }

    @Test
    void twoForksFarApartAreNotToldApartNeverTied() throws BadInputException {
        // The quick run's case: 2 forks a point whose forks differ by a factor of several.
        Map<Answers.Standing, Integer> s = standings(11, 2, 1.0, 1.0);
        assertEquals(0, s.getOrDefault(Answers.Standing.TIED, 0), s.toString());
        System.out.println("identical, 2 forks a factor e apart: " + s);
        assertTrue(share(s, Answers.Standing.NOT_TOLD_APART) >= 0.9, s.toString());
    }
}
