/**
 * Scaling of throughput with concurrency: speedup, efficiency, Karp–Flatt serial fraction, an Amdahl
 * fit and a Universal Scalability Law fit per curve, as numbers and enums ({@code export.ScalingCsv}
 * writes scaling.csv, {@code report.Wording} words the notes).
 *
 * <p>Read top-down: {@link corescale.stats.scaling.ScalingCurves} turns point summaries into
 * {@link corescale.stats.scaling.ScalingCurve}s (one per benchmark, variant, params, mode and axis);
 * each curve holds its {@link corescale.stats.scaling.ScalingPoint}s, a
 * {@link corescale.stats.scaling.UslFit} and an {@link corescale.stats.scaling.AmdahlFit}. The fits themselves are pure functions of
 * (N, X) arrays and know nothing about benchmarks.
 */
package corescale.stats.scaling;
