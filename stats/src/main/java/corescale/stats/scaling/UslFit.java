package corescale.stats.scaling;

import java.util.Objects;

/**
 * Result of fitting the Universal Scalability Law to one curve. Either {@link #fitted()} with a
 * {@link #model()} and its statistics, or not fitted with the reason in {@link #note()}; the
 * numeric accessors of an unfitted result return NaN.
 *
 * <p>Intervals are 95% Wald intervals, estimate ± t(0.975, n−3)·SE, with SE from the fit's
 * covariance scaled by the residual variance. They are clipped below at 0 because σ and κ are
 * constrained to be ≥ 0: the clipped part can never hold the true value, so coverage is unchanged.
 *
 * @param model          the fitted law, or null when not fitted
 * @param points         number of (N, X) observations given
 * @param distinctN      number of distinct N among them
 * @param sigmaStdError  standard error of σ (NaN when the covariance was singular)
 * @param sigmaLow       lower end of the 95% interval of σ
 * @param sigmaHigh      upper end of the 95% interval of σ
 * @param kappaStdError  standard error of κ
 * @param kappaLow       lower end of the 95% interval of κ
 * @param kappaHigh      upper end of the 95% interval of κ
 * @param lambdaStdError standard error of λ
 * @param nStar          peak concurrency N*, see {@link UslModel#peakConcurrency()} (+Inf or NaN when none)
 * @param peakThroughput X at the peak, see {@link UslModel#peakThroughput(double)}
 * @param rSquared       1 − RSS/TSS on the throughputs
 * @param note           why there is no fit, or what is special about it (e.g. no peak); empty otherwise
 */
public record UslFit(UslModel model, int points, int distinctN,
                     double sigmaStdError, double sigmaLow, double sigmaHigh,
                     double kappaStdError, double kappaLow, double kappaHigh,
                     double lambdaStdError, double nStar, double peakThroughput, double rSquared,
                     String note) {

    /** The fewest distinct N for a fit: three parameters and at least one residual degree of freedom. */
    public static final int MIN_DISTINCT_N = 4;

    public UslFit {
        note = Objects.requireNonNullElse(note, "");
    }

    /** A result without a fit, saying why. */
    public static UslFit none(int points, int distinctN, String reason) {
        double nan = Double.NaN;
        return new UslFit(null, points, distinctN, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, reason);
    }

    public boolean fitted() {
        return model != null;
    }

    public double sigma() {
        return fitted() ? model.sigma() : Double.NaN;
    }

    public double kappa() {
        return fitted() ? model.kappa() : Double.NaN;
    }

    public double lambda() {
        return fitted() ? model.lambda() : Double.NaN;
    }

    /** True when N* is a finite number (κ &gt; 0 and σ &lt; 1). */
    public boolean hasPeak() {
        return Double.isFinite(nStar);
    }
}
