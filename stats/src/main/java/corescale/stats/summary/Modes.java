package corescale.stats.summary;

import java.util.Arrays;

/**
 * Whether a point's fork means fall into two separate groups (modes), as contended locks on a few
 * cores often do: each JVM settles into one of two regimes and stays there.
 *
 * <p>Rule: sort the fork means and take the largest gap between neighbours. Two modes when that gap
 * is at least {@value #MIN_GAP} of the mean (a difference that matters) <b>and</b> at least
 * {@value #GAP_OVER_SPREAD} times the pooled standard deviation of the fork means on either side of
 * it (the groups are tight compared with the distance between them); a group of one fork adds no
 * spread. Fewer than {@value #MIN_FORKS} forks: not tested.
 *
 * <p>Why not a significance test: with the usual 3–5 forks, a scale-free test (largest two-sample t
 * over all splits, calibrated on normal samples) finds modes 30% apart only 20–60% of the time,
 * because the spread inside groups of two or three forks is itself too uncertain. Error rates of this
 * rule (seeded simulations in {@code ModesTest}; stats/STATISTICS.md lists the figures): unimodal
 * fork means with 3% noise are flagged at about 0.1% of 5-fork points; modes 30% apart with 3% noise
 * inside each, forks picking a mode at random, at about 90% of 5-fork points (the rest mostly drew
 * one mode only). A unimodal spread of 10% between forks is flagged too, at about a quarter of
 * 5-fork points: gaps of 10% between forks deserve the same care.
 */
public final class Modes {

    /** Smallest gap between neighbouring fork means, relative to their mean, that counts. */
    public static final double MIN_GAP = 0.10;
    /** How many pooled standard deviations of the groups the gap must span. */
    public static final double GAP_OVER_SPREAD = 3.0;
    /** Fewest forks the rule is applied to. */
    public static final int MIN_FORKS = 3;

    private Modes() {
    }

    /** 2 when the fork means form two groups by the rule above, 1 when not, 0 when not tested. */
    public static int count(double[] forkMeans) {
        return forkMeans.length < MIN_FORKS ? 0 : groups(forkMeans).length;
    }

    /**
     * The fork means, sorted, as two groups (lower mode first) when they form two modes by the rule
     * above, else as one group.
     */
    public static double[][] groups(double[] forkMeans) {
        double[] s = forkMeans.clone();
        Arrays.sort(s);
        int k = s.length;
        if (k < MIN_FORKS) {
            return new double[][] {s};
        }
        int split = 1;
        for (int i = 2; i < k; i++) {
            if (s[i] - s[i - 1] > s[split] - s[split - 1]) {
                split = i;
            }
        }
        double gap = s[split] - s[split - 1];
        double mean = Arrays.stream(s).average().orElseThrow();
        if (!(gap >= MIN_GAP * Math.abs(mean))) {
            return new double[][] {s};
        }
        double squares = squares(s, 0, split) + squares(s, split, k);
        int df = k - 2; // one mean per group; k >= 3 so df >= 1
        return gap >= GAP_OVER_SPREAD * Math.sqrt(squares / df)
                ? new double[][] {Arrays.copyOfRange(s, 0, split), Arrays.copyOfRange(s, split, k)}
                : new double[][] {s};
    }

    private static double squares(double[] s, int from, int to) {
        double mean = 0;
        for (int i = from; i < to; i++) {
            mean += s[i];
        }
        mean /= to - from;
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (s[i] - mean) * (s[i] - mean);
        }
        return sum;
    }
}
