package corescale.stats.bounds;

import corescale.stats.model.PointKey;

/**
 * A point against its physical bound: the most its model could do on that machine.
 *
 * @param key   the point
 * @param mean  what the point achieved (its mean), in its unit
 * @param bound the bound, in the point's (canonical throughput) unit; NaN when the point has none
 * @param basis how the bound was found
 * @param facts what the benchmark reported about the point
 */
public record Bound(PointKey key, double mean, double bound, Basis basis, PointFacts facts) {

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

    /** Above {@link #ABOVE_BOUND} times its bound: a measurement error. */
    public boolean aboveBound() {
        return ofBound() > ABOVE_BOUND;
    }

    /** Observed latency above {@link #SERVICE_BOUND} times the delay: the service set the pace. */
    public boolean serviceBound() {
        return facts.latencyVsDelay() > SERVICE_BOUND;
    }
}
