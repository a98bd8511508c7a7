package corescale.stats.scaling;

import java.util.Objects;

/**
 * Result of fitting the Universal Scalability Law to one curve. Either {@link #fitted()} with a
 * {@link #model()}, its statistics, its peak and its check for lack of fit, or not fitted with the
 * reason in {@link #noFit()}; the numbers of an unfitted result are NaN.
 *
 * <p>Intervals are 95% profile-likelihood intervals ({@link Profile}); an interval's high end is
 * +∞ where the data set no bound (N* when κ's interval reaches 0).
 *
 * @param model           the fitted law, or null when not fitted
 * @param points          number of (N, X) observations given (fork means, or one value per N)
 * @param distinctN       number of distinct N among them
 * @param errors          what the fit minimised (for an unfitted result, what it would have minimised)
 * @param contention      σ with its interval
 * @param coherency       κ with its interval
 * @param peakConcurrency N* = √((1−σ)/κ) with its interval (+∞ when κ = 0, NaN when σ ≥ 1)
 * @param peakThroughput  X(N*) with its interval; without a finite N*, X at the largest N measured
 *                        (X(1) when σ ≥ 1), without an interval
 * @param rSquared        1 − RSS/TSS on the fit's scale (log X for relative error, X for absolute)
 * @param peakFinding     whether N* was measured, extrapolated or does not exist, and why; null when
 *                        not fitted
 * @param lackOfFit       whether the law describes the curve, or could not be tested (no replicates);
 *                        null when not fitted
 * @param noFit           why there is no fit; null when fitted
 */
public record UslFit(UslModel model, int points, int distinctN, ErrorModel errors,
                     Estimate contention, Estimate coherency, Estimate peakConcurrency, Estimate peakThroughput,
                     double rSquared, Peak.Finding peakFinding, LackOfFit lackOfFit, NoFit noFit) {

    /** The fewest distinct N for a fit: three parameters and at least one residual degree of freedom. */
    public static final int MIN_DISTINCT_N = 4;

    public UslFit {
        Objects.requireNonNull(errors, "errors");
        if ((model == null) == (noFit == null) || (model == null) != (peakFinding == null)
                || (model == null) != (lackOfFit == null)) {
            throw new IllegalArgumentException("a fit has a model, a peak and a lack-of-fit check; no fit has a reason");
        }
    }

    /** A result without a fit, saying why. */
    public static UslFit none(int points, int distinctN, NoFit why) {
        return none(points, distinctN, ErrorModel.RELATIVE, why);
    }

    /** A result without a fit, saying why, for a curve whose fit would have minimised {@code errors}. */
    public static UslFit none(int points, int distinctN, ErrorModel errors, NoFit why) {
        return new UslFit(null, points, distinctN, errors, Estimate.NONE, Estimate.NONE, Estimate.NONE,
                Estimate.NONE, Double.NaN, null, null, why);
    }

    public boolean fitted() {
        return model != null;
    }

    /** Whether N* was measured, extrapolated or does not exist ({@link Peak#NONE} when not fitted). */
    public Peak peak() {
        return fitted() ? peakFinding.peak() : Peak.NONE;
    }

    /** Whether the law was found not to describe the curve. */
    public boolean lackOfFitFound() {
        return fitted() && lackOfFit.found();
    }

    /**
     * Whether the absence of lack of fit means the law passed the check: false for a curve without
     * replicates (one observation per N), where lack of fit cannot be tested; false when not fitted.
     */
    public boolean lackOfFitTested() {
        return fitted() && lackOfFit.tested();
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

    /** N*, see {@link #peakConcurrency()}. */
    public double nStar() {
        return peakConcurrency.value();
    }

    /** True when N* is a finite number (κ &gt; 0 and σ &lt; 1). */
    public boolean hasPeak() {
        return Double.isFinite(nStar());
    }

    /** The same fit with throughputs {@code factor} times larger (a change of unit). */
    UslFit times(double factor) {
        UslModel m = model == null ? null : new UslModel(model.sigma(), model.kappa(), model.lambda() * factor);
        return new UslFit(m, points, distinctN, errors, contention, coherency, peakConcurrency,
                peakThroughput.times(factor), rSquared, peakFinding, lackOfFit, noFit);
    }
}
