package corescale.stats.summary;

import corescale.stats.model.PointSummary;

/**
 * One row of {@code summary.csv}: the shared {@link PointSummary} plus what only this module reports.
 *
 * @param summary   the point's summary; {@code ciLow/ciHigh} are the Student t interval over fork means,
 *                  {@code unstable} is {@code modes == 2}
 * @param modes     2 when the fork means form two groups ({@link Modes}), 1 when not, 0 when not tested
 * @param warmup    leading iterations dropped from every fork as warm-up ({@link Warmup}), -1 when not tested
 */
public record SummaryRow(PointSummary summary, int modes, int warmup) {
}
