package corescale.stats.bounds;

import corescale.stats.model.PointKey;

/**
 * A point against its physical bound: the most its model could do on that machine.
 *
 * @param key         the point
 * @param mean        what the point achieved (its mean), in its unit
 * @param bound       the bound, in the point's (canonical throughput) unit; NaN when the point has none
 * @param ofBoundLow  the low end of the 95% interval of mean / bound: over the point's forks against a
 *                    bound of known value (in flight / delay), or Welch's on the logs of fork means
 *                    against the sequential point's, over cores; NaN when the forks cannot give one
 * @param ofBoundHigh its high end
 * @param basis       how the bound was found
 * @param facts       what the benchmark reported about the point
 */
public record Bound(PointKey key, double mean, double bound, double ofBoundLow, double ofBoundHigh, Basis basis,
                    PointFacts facts) {

    /** How a bound was found. */
    public enum Basis {
        /** No bound. */
        NONE,
        /** Requests in flight over the service's time per request (Little's law): io. */
        IN_FLIGHT_OVER_SERVICE_TIME,
        /** Cores times the same work's sequential rate: cpu. */
        CORES_TIMES_SEQUENTIAL
    }

    /** A model this far above its bound measured something else: a measurement error, not a win. */
    public static final double ABOVE_BOUND = 1.05;
    /** Requests that took this many times the service's delay were paced by the service or the CPUs. */
    public static final double SERVICE_BOUND = 1.5;

    /** Achieved over bound; NaN when there is no bound. */
    public double ofBound() {
        return mean / bound;
    }

    public boolean hasBound() {
        return Double.isFinite(ofBound());
    }

    /**
     * Shown above {@link #ABOVE_BOUND} times its bound (the low end of its interval is): a measurement
     * error. A mean above it whose interval reaches below it is not shown to be one: with two forks
     * 2× apart, a model at 90% of its bound has a mean above ×1.05 about as often as not.
     */
    public boolean aboveBound() {
        return ofBoundLow > ABOVE_BOUND;
    }

    /** A mean above {@link #ABOVE_BOUND} times the bound that its interval does not show (it reaches below, or there is none). */
    public boolean aboveByMeanOnly() {
        return ofBound() > ABOVE_BOUND && !aboveBound();
    }

    /** Observed latency above {@link #SERVICE_BOUND} times the delay: the service set the pace. */
    public boolean serviceBound() {
        return facts.latencyVsDelay() > SERVICE_BOUND;
    }
}
