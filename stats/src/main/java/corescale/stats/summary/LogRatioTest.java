package corescale.stats.summary;

/**
 * A test of a log ratio as compare uses it: the estimate, the p of "no change", the equivalence test
 * and the interval, whatever the design behind them ({@link WelchOnLogs}: Welch's, the paired and the
 * pooled t; {@link MixedOnLogs}: forks paired by round, the round a random effect).
 */
public interface LogRatioTest {

    /**
     * The change that matters unless a user says otherwise: compare's default threshold, and the band
     * within which a report's rankings call two variants tied (an equivalence test, {@link #pSame}).
     */
    double DEFAULT_THRESHOLD = 0.05;

    /** The estimated log ratio, oriented by the caller (log of the geometric-mean ratio). */
    double d();

    /** The standard error of {@link #d}. */
    double se();

    /**
     * Below this standard error of a log ratio the values show no spread: fork means that agree within
     * about a millionth on each side say the measurement's resolution hid the noise (a count, a timer's
     * tick), not that there is none, since no two JVMs reproduce a benchmark that closely.
     */
    double NO_SPREAD_SE = 1e-6;

    /** True when the values show no spread ({@link #NO_SPREAD_SE}): no test, no interval and no verdict follow. */
    boolean noSpread();

    /** Two-sided p of "no change" (ratio 1). */
    double pChange();

    /** TOST p of "within ±threshold": below α exactly when the (1 − 2α) interval lies inside the band. */
    double pSame(double threshold);

    /** The {@code level} interval of the geometric-mean ratio. */
    double[] ratioInterval(double level);
}
