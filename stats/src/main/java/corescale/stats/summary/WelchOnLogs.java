package corescale.stats.summary;

import org.apache.commons.math3.stat.StatUtils;

import java.util.Arrays;

/**
 * A t test on logs, where a change is a ratio: Welch's two-sample t on the logs of fork means ({@link #of};
 * the fork is the unit of replication), used by compare and by the rankings (is the leader's lead
 * more than noise?); and, for compare only, the t of one value against replicates whose
 * spread stands for both sides ({@link #oneAgainstReplicates}). Each gives d, its standard error and
 * degrees of freedom, and the same tests and interval follow. {@code d} is oriented as its caller chose.
 *
 * @param d  mean log of one side minus mean log of the other, oriented (log of the geometric-mean ratio)
 * @param se its standard error, √(s²_a/n_a + s²_b/n_b)
 * @param df Welch–Satterthwaite degrees of freedom (NaN when se is 0)
 */
public record WelchOnLogs(double d, double se, double df) implements LogRatioTest {

    /** Values a side needs: with one, its spread is unknown, not zero. */
    public static final int MIN_FORKS = 2;

    /**
     * True when the values show no spread (e.g. [100, 100] against [90, 90], or fork means that agree
     * within a millionth, {@link #NO_SPREAD_SE}): the measurement's resolution hid the noise, not that
     * there is none, so no test, no interval and no verdict follow from them.
     */
    @Override
    public boolean noSpread() {
        return !(se > NO_SPREAD_SE);
    }

    /**
     * @param num fork means of the side whose larger values make d positive
     * @param den the other side's fork means
     * @return null when a side has fewer than 2 fork means or a fork mean is not positive
     */
    public static WelchOnLogs of(double[] num, double[] den) {
        return of(num, den, 0, 0);
    }

    /**
     * As {@link #of(double[], double[])}, each side's se² (its variance over its count, on the logs) at
     * least {@code floorNum} and {@code floorDen}: what a side's own summary reports it to be at least
     * (a point stopped at its target, whose forks' spread the stopping made small).
     */
    public static WelchOnLogs of(double[] num, double[] den, double floorNum, double floorDen) {
        if (num.length < MIN_FORKS || den.length < MIN_FORKS || Arrays.stream(num).anyMatch(x -> !(x > 0))
                || Arrays.stream(den).anyMatch(x -> !(x > 0))) {
            return null;
        }
        double[] a = Arrays.stream(num).map(Math::log).toArray();
        double[] b = Arrays.stream(den).map(Math::log).toArray();
        double va = Math.max(StatUtils.variance(a) / a.length, floorNum);
        double vb = Math.max(StatUtils.variance(b) / b.length, floorDen);
        double se = Math.sqrt(va + vb);
        double df = se == 0 ? Double.NaN : (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
        return new WelchOnLogs(StatUtils.mean(a) - StatUtils.mean(b), se, df);
    }

    /**
     * Two-sample t on logs when one side has a single value: its variance cannot be estimated, so the
     * other side's sample variance s² stands for both (as in a pooled t with equal variances):
     * se = s·√(1/n_num + 1/n_den), df = n − 1 of the replicated side.
     *
     * @return null unless exactly one side has one value and the other at least 2, all positive
     */
    public static WelchOnLogs oneAgainstReplicates(double[] num, double[] den) {
        double[] replicated = num.length == 1 ? den : num;
        if (Math.min(num.length, den.length) != 1 || replicated.length < 2 || !positive(num) || !positive(den)) {
            return null;
        }
        double[] a = Arrays.stream(num).map(Math::log).toArray();
        double[] b = Arrays.stream(den).map(Math::log).toArray();
        double s2 = StatUtils.variance(Arrays.stream(replicated).map(Math::log).toArray());
        double se = Math.sqrt(s2 * (1.0 / a.length + 1.0 / b.length));
        return new WelchOnLogs(StatUtils.mean(a) - StatUtils.mean(b), se, se == 0 ? Double.NaN : replicated.length - 1);
    }

    /**
     * The same test with a variance component {@code extra} added to se² (a spread the forks do not show,
     * such as a point's drift between two runs): se = √(se² + extra), the degrees of freedom kept as the
     * forks give them, so that the test is never less strict than the forks' own (Welch–Satterthwaite
     * would add the estimate's degrees of freedom, and an estimate of the extra variance that is a little
     * above 0 by chance would then narrow the interval: with an earlier, data-driven estimate it doubled the
     * null firings of CompareGateTest's 3-fork runs, stats/STATISTICS.md).
     * Itself when {@code extra} is 0.
     */
    public WelchOnLogs widened(double extra) {
        if (!(extra >= 0)) {
            throw new IllegalArgumentException("extra variance must be >= 0, was " + extra);
        }
        return extra == 0 || noSpread() ? this : new WelchOnLogs(d, Math.sqrt(se * se + extra), df);
    }

    private static boolean positive(double[] x) {
        return Arrays.stream(x).allMatch(v -> v > 0);
    }

    /** Two-sided p of "no change" (ratio 1): Welch's p; NaN without spread ({@link #noSpread}). */
    @Override
    public double pChange() {
        return noSpread() ? Double.NaN : 2 * Math.min(above(0), 1 - above(0));
    }

    /**
     * TOST (two one-sided tests) p of "within ±threshold": the larger of the p of "ratio at or below
     * 1 − threshold" and of "ratio at or above 1 + threshold". Below α exactly when the (1 − 2α)
     * interval lies inside the band. NaN without spread.
     */
    @Override
    public double pSame(double threshold) {
        return noSpread() ? Double.NaN : Math.max(1 - above(Math.log(1 - threshold)), above(Math.log(1 + threshold)));
    }

    /** The {@code level} interval of the geometric-mean ratio, exp(d ± t·se); NaN ends without spread. */
    @Override
    public double[] ratioInterval(double level) {
        if (noSpread()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double t = Intervals.tQuantile(level, df);
        return new double[] {Math.exp(d - t * se), Math.exp(d + t * se)};
    }

    /** P(T ≤ (d − bound)/se): the one-sided p of "the true log ratio is at or above bound". */
    private double above(double bound) {
        return Intervals.tCdf((d - bound) / se, df);
    }
}
