package corescale.stats.summary;

import corescale.stats.model.PointSummary;
import corescale.stats.model.Units;

import java.util.Arrays;

/**
 * A summary seen as throughput, so "higher is better" holds for every mode: time per operation
 * t (per thread, as JMH's avgt) becomes threads / t operations per microsecond.
 */
public final class Throughput {

    private Throughput() {
    }

    public static double mean(PointSummary s) {
        return s.mode().higherIsBetter() ? s.mean() : Units.timeToThroughput(s.mean(), s.key().threads());
    }

    public static double[] forkMeans(PointSummary s) {
        double[] m = s.forkMeans();
        return s.mode().higherIsBetter() ? m
                : Arrays.stream(m).map(t -> Units.timeToThroughput(t, s.key().threads())).toArray();
    }

    /** The interval, as throughput (a time interval's ends swap). */
    public static Interval ci(PointSummary s) {
        if (s.mode().higherIsBetter()) {
            return new Interval(s.ciLow(), s.ciHigh());
        }
        int n = s.key().threads();
        return new Interval(Units.timeToThroughput(s.ciHigh(), n), Units.timeToThroughput(s.ciLow(), n));
    }

    /** Ratio of throughputs num/den: bootstrap over fork means when both sides have two or more, else the delta method. */
    public static Ratio ratio(PointSummary num, PointSummary den, int resamples, java.util.SplittableRandom rnd) {
        double[] a = forkMeans(num);
        double[] b = forkMeans(den);
        if (a.length >= 2 && b.length >= 2) {
            return Ratio.bootstrap(a, b, resamples, Summarizer.LEVEL, rnd);
        }
        return Ratio.delta(mean(num), ci(num), mean(den), ci(den), Summarizer.LEVEL);
    }
}
