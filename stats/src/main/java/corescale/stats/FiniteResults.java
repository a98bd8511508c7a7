package corescale.stats;

import corescale.stats.io.BadInputException;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.PointComparison;
import corescale.stats.contention.ContentionRow;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.io.TextNumbers;
import corescale.stats.summary.Interval;
import corescale.stats.summary.Intervals;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.SummaryRow;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Refuses results of the arithmetic that are not finite numbers, and points whose every score is 0,
 * before anything is written. The loaders let only finite scores of 0 or more through, but sums, squares and ratios of scores near the
 * ends of the double range (1e308, 1e-308) overflow to Infinity or NaN, which would be written as
 * numbers. NaN where a value does not exist (no interval from one iteration, no ratio without a
 * baseline) is no error. Checked here: summary rows, contention ratios and compare ratios (not the
 * scaling fits).
 */
final class FiniteResults {

    private FiniteResults() {
    }

    static void summaries(List<SummaryRow> rows, List<LoadedInput> inputs) throws BadInputException {
        for (SummaryRow r : rows) {
            PointSummary s = r.summary();
            if (s.mean() == 0) {
                // The loaders take 0 (a sample of a coarse timer may be 0), but a point all of 0 did no work
                // that can be measured: no ratio, no log scale; its ratios would be refused as an overflow.
                throw new BadInputException(fileOf(s.key(), inputs), 0, s.key().label() + ": every score is 0 " + s.unit()
                        + ", so it has no ratio to any other point; nothing was written");
            }
            double[] forkMeans = s.forkMeans();
            boolean forksFinite = Arrays.stream(forkMeans).allMatch(Double::isFinite);
            String bad = !forksFinite ? "a fork mean is " + Arrays.stream(forkMeans).filter(x -> !Double.isFinite(x)).findFirst().orElseThrow()
                    : !Double.isFinite(s.mean()) ? "its mean is " + s.mean()
                    : !interval(s.ciLow(), s.ciHigh()) ? "its " + TextNumbers.percent(Intervals.LEVEL) + " interval is " + s.ciLow() + " to " + s.ciHigh()
                    : null;
            if (bad != null) {
                String range = !forksFinite || forkMeans.length == 0 ? "" : " (fork means " + Arrays.stream(forkMeans).min().orElseThrow()
                        + " to " + Arrays.stream(forkMeans).max().orElseThrow() + " " + s.unit() + ")";
                throw refused(fileOf(s.key(), inputs), s.key().label() + ": " + bad + range);
            }
        }
    }

    static void contention(List<ContentionRow> rows, List<LoadedInput> inputs) throws BadInputException {
        for (ContentionRow c : rows) {
            for (Ratio ratio : List.of(c.vsOneThread(), c.vsBest())) {
                if (!ratio(ratio)) {
                    throw refused(fileOf(c.key(), inputs), c.key().label() + ": a contention ratio is " + ratio.value()
                            + " (interval " + ratio.low() + " to " + ratio.high() + ")");
                }
            }
        }
    }

    static void comparisons(List<CompareResult> results) throws BadInputException {
        for (CompareResult r : results) {
            for (PointComparison p : r.points()) {
                if (!ratio(p.ratio())) {
                    throw refused(Path.of(r.other()), p.key().label() + ": its ratio to "
                            + r.base() + " is " + p.ratio().value() + " (interval " + p.ratio().low() + " to "
                            + p.ratio().high() + "; means " + p.baseMean() + " and " + p.otherMean() + ")");
                }
            }
        }
    }

    /** Both ends finite, or both unknown ({@link Interval#NONE}). */
    private static boolean interval(double low, double high) {
        return Double.isNaN(low) && Double.isNaN(high) || Double.isFinite(low) && Double.isFinite(high);
    }

    /**
     * A ratio of positive means is a positive finite number (0 or Infinity is an overflow); its
     * interval's ends are finite (NaN ends mean "no interval"). Only overflow is refused here: an
     * interval is a statement about noise, never bad input.
     */
    private static boolean ratio(Ratio r) {
        return (Double.isNaN(r.value()) || positive(r.value())) && interval(r.low(), r.high());
    }

    private static boolean positive(double v) {
        return Double.isFinite(v) && v > 0;
    }

    private static BadInputException refused(Path file, String what) {
        return new BadInputException(file, 0, what + ": not a finite number; scores this large, small or far apart"
                + " overflow double arithmetic, so nothing was written");
    }

    /** The first input holding the point (searched only when refusing). */
    private static Path fileOf(PointKey key, List<LoadedInput> inputs) {
        for (LoadedInput in : inputs) {
            if (in.measurements().stream().anyMatch(m -> m.key().equals(key))
                    || in.pooled().stream().anyMatch(p -> p.key().equals(key))) {
                return in.file();
            }
        }
        return inputs.isEmpty() ? Path.of("") : inputs.get(0).file();
    }
}
