/**
 * Files for other tools, made from a run's results.csv through the loaders and the summaries the
 * report uses, so that they can never disagree with it: {@code jmh-result.json} in JMH's own JSON
 * shape (JMH Visualizer, github-action-benchmark, {@code report} itself) and {@code bencher.json} in
 * Bencher Metric Format; and the data files of {@code report} and {@code compare} (contention.csv,
 * ...), whose notes are worded by {@code report.Wording} like every sentence of the report.
 */
package corescale.stats.export;
