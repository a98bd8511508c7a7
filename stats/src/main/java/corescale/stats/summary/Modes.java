package corescale.stats.summary;

import corescale.stats.model.PointSummary;

import java.util.Arrays;
import java.util.List;

/**
 * Whether a point's fork means fall into two separate groups (modes), as contended locks on a few
 * cores often do: each JVM settles into one of two regimes and stays there.
 *
 * <p>Rule: sort the fork means and take the largest gap between neighbours that leaves at least
 * {@value #MIN_PER_MODE} forks on each side. Two modes when that gap is at least {@value #MIN_GAP} of
 * the mean (a difference that matters) <b>and</b> at least {@value #GAP_OVER_SPREAD} times the pooled
 * standard deviation of the fork means on either side of it (the groups are tight compared with the
 * distance between them).
 *
 * <p>Why each mode needs two forks: one fork apart from the rest cannot be told from an outlier, and
 * with 3 forks every split is 1 + 2 with one degree of freedom for the spread ([100, 100, 112] would
 * be "two modes"). So fewer than {@value #MIN_FORKS} forks are not tested ("unchecked"); the sweep
 * adds forks where it sees one fork apart ({@link #loneFork}) and lets this rule decide.
 *
 * <p>Why not a significance test: with the usual 4–6 forks, a scale-free test (largest two-sample t
 * over all splits) misses many modes 30% apart, because the spread inside groups of two or three
 * forks is itself too uncertain; the relative gap carries the decision, the spread test
 * only keeps one wide mode from being cut in two. Error rates (seeded, through the summariser, in
 * {@code ModesTest}; stats/STATISTICS.md lists them): unimodal fork means with 10% noise between forks
 * flagged at about 3% of 5-fork points, 3% noise never; modes 30% apart at about 60% of 5-fork points,
 * which is nearly all of those whose forks drew each mode at least twice.
 */
public final class Modes {

    /** Smallest gap between neighbouring fork means, relative to their mean, that counts. */
    public static final double MIN_GAP = 0.15;
    /** How many pooled standard deviations of the groups the gap must span. */
    public static final double GAP_OVER_SPREAD = 4.0;
    /** Forks each mode must hold: one fork alone may be an outlier. */
    public static final int MIN_PER_MODE = 2;
    /** Fewest forks the rule is applied to. */
    public static final int MIN_FORKS = 2 * MIN_PER_MODE;

    /** Whether a point of {@code forks} forks has fork means to compare but too few to test for modes. */
    public static boolean unchecked(int forks) {
        return forks >= WelchOnLogs.MIN_FORKS && forks < MIN_FORKS;
    }

    private Modes() {
    }

    /** 2 when the fork means form two groups by the rule above, 1 when not, 0 when not tested (too few forks). */
    public static int count(double[] forkMeans) {
        return forkMeans.length < MIN_FORKS ? 0 : groups(forkMeans).length;
    }

    /**
     * The fork means, sorted, as two groups (lower mode first) when they form two modes by the rule
     * above, else as one group.
     */
    public static double[][] groups(double[] forkMeans) {
        double[] s = sorted(forkMeans);
        int split = split(s, MIN_PER_MODE);
        return split > 0 ? new double[][] {Arrays.copyOfRange(s, 0, split), Arrays.copyOfRange(s, split, s.length)}
                : new double[][] {s};
    }

    /**
     * True when the highest or lowest fork mean stands apart from the others by the same rule with a
     * group of one: a mode seen once, or an outlier. Only more forks tell which (the sweep adds them).
     */
    public static boolean loneFork(double[] forkMeans) {
        double[] s = sorted(forkMeans);
        int split = split(s, 1);
        return split == 1 || split == s.length - 1 && split > 0;
    }

    private static double[] sorted(double[] forkMeans) {
        double[] s = forkMeans.clone();
        Arrays.sort(s);
        return s;
    }

    /**
     * Where the sorted means split into two modes with at least {@code minGroup} on each side: the
     * index of the first mean of the upper group, or 0 when they do not.
     */
    private static int split(double[] s, int minGroup) {
        int k = s.length;
        if (k < 3 || k < 2 * minGroup) {
            return 0;
        }
        int split = minGroup;
        for (int i = minGroup + 1; i <= k - minGroup; i++) {
            if (s[i] - s[i - 1] > s[split] - s[split - 1]) {
                split = i;
            }
        }
        double gap = s[split] - s[split - 1];
        double mean = Arrays.stream(s).average().orElseThrow();
        if (!(gap >= MIN_GAP * Math.abs(mean))) {
            return 0;
        }
        double squares = squares(s, 0, split) + squares(s, split, k);
        int df = k - 2; // one mean per group; k >= 3 so df >= 1
        return gap >= GAP_OVER_SPREAD * Math.sqrt(squares / df) ? split : 0;
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

    /** How many of {@code points} have fork means to compare but too few to test for modes ({@link #unchecked(int)}). */
    public static int uncheckedPoints(List<PointSummary> points) {
        return (int) points.stream().filter(p -> unchecked(p.forks())).count();
    }
}
