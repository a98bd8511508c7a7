package corescale.stats.compare;

import corescale.stats.model.PointSummary;

import java.util.List;

/**
 * Compares two runs whose core counts differ, curve by curve (one curve per benchmark, variant,
 * params and mode). The default, {@link PerCoreAtMaxCores}, needs nothing but the summaries; a
 * comparator built on the scaling package's USL fits can be passed to {@link Comparer} instead.
 */
@FunctionalInterface
public interface CurveComparator {
    List<CurveComparison> compare(List<PointSummary> base, List<PointSummary> other);
}
