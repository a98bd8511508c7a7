package corescale.stats.summary;

/**
 * A secondary metric of one point (a benchmark's own, such as {@code lost_updates}, or a profiler's,
 * such as {@code gc.alloc.rate.norm}), summarised as the score is ({@link Summarizer}): each fork's
 * mean over the iterations the score keeps (the point's warm-up dropped), and the mean of those fork
 * means.
 *
 * @param name      the metric, as results.csv names its column
 * @param mean      the mean of the fork means
 * @param forkMeans each fork's mean, for the forks that reported the metric, in fork order
 */
public record MetricSummary(String name, double mean, double[] forkMeans) {

    public MetricSummary {
        forkMeans = forkMeans.clone();
    }

    @Override
    public double[] forkMeans() {
        return forkMeans.clone();
    }
}
