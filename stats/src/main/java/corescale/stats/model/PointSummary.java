package corescale.stats.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Summary of one point over its forks: one row of {@code summary.csv}. The fork is the unit of
 * replication, so {@code mean} is the mean of per-fork means and the interval comes from them.
 *
 * @param key            the point
 * @param unit           unit of {@code mean} and the interval, after normalisation (e.g. {@code ops/us})
 * @param forks          number of forks
 * @param samples        number of measured iterations over all forks
 * @param mean           mean of the per-fork means
 * @param ciLow          lower end of the 95% confidence interval of {@code mean}
 * @param ciHigh         upper end of the 95% confidence interval of {@code mean}
 * @param cvBetweenForks standard deviation of fork means over their mean (NaN with one fork)
 * @param unstable       the fork means form two modes (groups far apart; see {@code corescale.stats.summary.Modes})
 * @param forkMeans      the per-fork means, in fork order (a copy is kept)
 * @param forkNumbers    the fork number (results.csv's {@code fork}) of each fork mean, so that forks of
 *                       two configurations measured in the same round can be paired; 1, 2, ... when unknown
 * @param roundsRun      the run whose sweep measured this point's place in rounds, fork f of each variant
 *                       beside fork f of the others ({@code place_rounds} in its run.json), when every fork
 *                       comes from that run and one configuration; empty otherwise
 * @param stateVariance  σ², the variance on the log scale of the machine's state within the run that measured
 *                       every fork of the point, from that run's canary readings: a point measured minutes
 *                       from another saw another state of the machine; NaN when unknown (no readings, or
 *                       forks from several runs or inputs)
 * @param notes          why the interval is weaker than usual (e.g. one fork), or what was combined; in
 *                       the order found, empty when nothing
 */
public record PointSummary(PointKey key, String unit, int forks, int samples,
                           double mean, double ciLow, double ciHigh, double cvBetweenForks,
                           boolean unstable, double[] forkMeans, int[] forkNumbers, String roundsRun,
                           double stateVariance, List<SummaryNote> notes) {

    public PointSummary {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(unit, "unit");
        forkMeans = forkMeans.clone();
        forkNumbers = forkNumbers == null ? IntStream.rangeClosed(1, forkMeans.length).toArray() : forkNumbers.clone();
        if (forkNumbers.length != forkMeans.length) {
            throw new IllegalArgumentException(key.label() + ": " + forkNumbers.length + " fork numbers for "
                    + forkMeans.length + " fork means");
        }
        roundsRun = roundsRun == null ? "" : roundsRun;
        notes = List.copyOf(notes);
    }

    /** A summary whose forks are numbered 1, 2, ... in order, measured in no known rounds. */
    public PointSummary(PointKey key, String unit, int forks, int samples, double mean, double ciLow,
                        double ciHigh, double cvBetweenForks, boolean unstable, double[] forkMeans, List<SummaryNote> notes) {
        this(key, unit, forks, samples, mean, ciLow, ciHigh, cvBetweenForks, unstable, forkMeans, null, "", Double.NaN, notes);
    }

    /** The point's mode (whether a higher score is better). */
    public Mode mode() {
        return key.mode();
    }

    /** Half-width of the confidence interval over the mean: 0.03 means ±3%. */
    public double relCi() {
        return (ciHigh - ciLow) / 2 / Math.abs(mean);
    }

    @Override
    public double[] forkMeans() {
        return forkMeans.clone();
    }

    @Override
    public int[] forkNumbers() {
        return forkNumbers.clone();
    }
}
