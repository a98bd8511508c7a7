package corescale.stats.summary;

import corescale.stats.model.PointSummary;

/**
 * One row of {@code summary.csv}: the shared {@link PointSummary} plus what only this module reports.
 *
 * @param summary   the point's summary; {@code ciLow/ciHigh} are the Student t interval over fork means
 * @param bootstrap the two-level bootstrap interval (forks, then iterations), for comparison
 * @param anovaF    between-fork over within-fork mean square (see {@link Summarizer#UNSTABLE_F}); NaN when unknown
 */
public record SummaryRow(PointSummary summary, Interval bootstrap, double anovaF) {
}
