package corescale.stats.summary;

import corescale.stats.model.Place;
import corescale.stats.model.PointSummary;
import corescale.stats.model.SummaryNote;
import corescale.stats.model.Units;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A summary seen as throughput, so "higher is better" holds for every mode: the one conversion
 * used by tables, ratios, contention, scaling and compare alike. A time per operation t (per thread,
 * as JMH's avgt) becomes threads / t operations per microsecond, applied to the point's mean time:
 * X = threads / mean(t), never the mean of converted fork means.
 */
public final class Throughput {

    private Throughput() {
    }

    /** The conversion of a mean in the summary's own unit to throughput. */
    public static DoubleUnaryOperator ofMean(PointSummary s) {
        int threads = s.key().threads();
        return s.mode().higherIsBetter() ? m -> m : t -> t > 0 ? Units.timeToThroughput(t, threads) : Double.NaN;
    }

    public static double mean(PointSummary s) {
        return ofMean(s).applyAsDouble(s.mean());
    }

    /**
     * Each fork mean converted on its own: only for analyses on a log scale (Welch on log fork means,
     * the USL fit with relative error), where log(threads / t) = log(threads) − log(t) makes the
     * per-fork conversion exact. Means and intervals use {@link #mean} and {@link #ci}.
     */
    public static double[] forkMeansForLogScale(PointSummary s) {
        DoubleUnaryOperator x = ofMean(s);
        return java.util.Arrays.stream(s.forkMeans()).map(x).toArray();
    }

    /** The interval, as throughput (a time interval's ends swap; NaN where an end is not positive). */
    public static Interval ci(PointSummary s) {
        if (s.mode().higherIsBetter()) {
            return new Interval(s.ciLow(), s.ciHigh());
        }
        DoubleUnaryOperator x = ofMean(s);
        return new Interval(x.applyAsDouble(s.ciHigh()), x.applyAsDouble(s.ciLow()));
    }

    /**
     * Ratio of throughputs num/den, its value {@code mean(num)/mean(den)} as above; its 95% interval
     * is {@link #test}'s, on the logs of the fork means (t's coverage over few forks, where a percentile
     * bootstrap covers only 81–93% at 3–5 forks). A side with fewer than {@value WelchOnLogs#MIN_FORKS}
     * fork means (one fork, or JMH's pooled score) has no run-to-run variance, and fork means without
     * any spread say nothing of it: then the ratio has no interval, and no claim can rest on it (an
     * interval from the iterations of one fork called identical variants different 82% of the time).
     * The one ratio of two points used by contention, rankings, the threads-vs-processes table and
     * the per-core comparison.
     */
    public static Ratio ratio(PointSummary num, PointSummary den) {
        double value = mean(num) / mean(den);
        int fewest = Math.min(num.forkMeans().length, den.forkMeans().length);
        if (fewest < WelchOnLogs.MIN_FORKS) {
            return new Ratio(value, Double.NaN, Double.NaN, fewest == 0 ? Ratio.Method.POOLED : Ratio.Method.ONE_FORK);
        }
        LogRatioTest test = test(num, den);
        if (test == null) {
            return new Ratio(value, Double.NaN, Double.NaN, Ratio.Method.NONE);
        }
        if (test.noSpread()) {
            return new Ratio(value, Double.NaN, Double.NaN, Ratio.Method.NO_SPREAD);
        }
        double[] ci = test.ratioInterval(Intervals.LEVEL);
        return new Ratio(value, ci[0], ci[1], test instanceof MixedOnLogs ? Ratio.Method.MIXED_LOG : Ratio.Method.WELCH_LOG);
    }

    /**
     * The test of num against den on the logs of their throughput fork means. Two variants of one place
     * measured in the same run's rounds ({@link PointSummary#roundsRun}) are paired by fork number, the
     * round a random effect ({@link MixedOnLogs}, as compare pairs configurations): the machine's drift
     * between rounds falls on both sides alike, and forks measured one batch after another, minutes
     * apart, differed far more than forks of one batch (stats/STATISTICS.md, "Ratios of two points").
     * Any other two points, Welch's t, its se² widened by each side's {@link PointSummary#stateVariance}
     * where both are known: the two were measured at other moments of the run (another core count, another
     * place), each in one state of the machine, which their forks do not show. Null where there is nothing to test.
     */
    public static LogRatioTest test(PointSummary num, PointSummary den) {
        if (!num.roundsRun().isEmpty() && num.roundsRun().equals(den.roundsRun())
                && Place.of(num.key()).equals(Place.of(den.key()))) {
            return paired(num, den);
        }
        WelchOnLogs forks = WelchOnLogs.of(forkMeansForLogScale(num), forkMeansForLogScale(den), seFloor(num), seFloor(den));
        double states = num.stateVariance() + den.stateVariance();
        return forks != null && Double.isFinite(states) ? forks.widened(states) : forks;
    }

    /**
     * The se² on the logs that a point's own interval says it has at least: for a point the sweep stopped
     * at its target, mean ± target over t (its forks' spread, made small by the stopping, would claim more,
     * stats/STATISTICS.md "Honest stopping"); 0 for any other. The paired test of a place's variants
     * measured in rounds ({@link #paired}) takes none: its variance is the rounds' differences', which the
     * stopping of one variant does not choose.
     */
    public static double seFloor(PointSummary s) {
        return s.notes().stream().filter(n -> n instanceof SummaryNote.AtTarget).map(n -> ((SummaryNote.AtTarget) n).target())
                .findFirst().map(target -> {
                    double half = Math.log1p(target) / Intervals.tQuantile(Intervals.LEVEL, s.forkMeans().length - 1);
                    return half * half;
                }).orElse(0.0);
    }

    /**
     * The test of num against den over the rounds both measured, their throughput fork means paired by fork
     * number; null with fewer than two. {@link #test} uses it where the two ran side by side.
     */
    public static MixedOnLogs paired(PointSummary num, PointSummary den) {
        double[] x = forkMeansForLogScale(num);
        double[] y = forkMeansForLogScale(den);
        Map<Integer, Double> byRound = new HashMap<>();
        int[] rounds = den.forkNumbers();
        for (int i = 0; i < rounds.length; i++) {
            byRound.put(rounds[i], y[i]);
        }
        List<double[]> pairs = new ArrayList<>();
        int[] mine = num.forkNumbers();
        for (int i = 0; i < mine.length; i++) {
            Double other = byRound.get(mine[i]);
            if (other != null) {
                pairs.add(new double[] {x[i], other});
            }
        }
        return MixedOnLogs.of(pairs.stream().mapToDouble(p -> p[0]).toArray(), pairs.stream().mapToDouble(p -> p[1]).toArray());
    }
}
