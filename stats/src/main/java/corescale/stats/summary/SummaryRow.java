package corescale.stats.summary;

import corescale.stats.model.PointSummary;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of {@code summary.csv}: the shared {@link PointSummary} plus what only this module reports.
 *
 * @param summary   the point's summary; {@code ciLow/ciHigh} are the Student t interval over fork means
 *                  (mean ± target for a point stopped at its target, {@link TargetRule}),
 *                  {@code unstable} is {@code modes == 2}
 * @param modes     2 when the fork means form two groups ({@link Modes}), 1 when not, 0 when not tested
 * @param warmup    leading iterations dropped from every fork as warm-up ({@link Warmup}), -1 when not tested
 * @param metrics   the point's secondary metrics by name, each over the same forks and iterations as the score
 */
public record SummaryRow(PointSummary summary, int modes, int warmup, SortedMap<String, MetricSummary> metrics) {

    public SummaryRow {
        metrics = Collections.unmodifiableSortedMap(new TreeMap<>(metrics));
    }

    /** A row without secondary metrics. */
    public SummaryRow(PointSummary summary, int modes, int warmup) {
        this(summary, modes, warmup, new TreeMap<>());
    }
}
