package corescale.sweep;

import java.util.List;

import corescale.results.ResultRow;

/**
 * The measured iterations of one fork of a point, and their mean: the unit the precision loop
 * works with, since iterations inside a fork are not independent of each other. {@code cpus} are
 * the CPUs it ran on and {@code load} what else took them while it measured.
 */
public record ForkResult(List<ResultRow> rows, double mean, List<Integer> cpus, Load load) {

    /**
     * Steal time of the fork's CPUs and involuntary context switches of its threads, summed over
     * its measured iterations.
     */
    public record Load(long stealTicks, long totalTicks, long involuntarySwitches) {

        public static final Load NONE = new Load(0, 0, 0);

        public Load plus(Load other) {
            return new Load(stealTicks + other.stealTicks, totalTicks + other.totalTicks,
                    involuntarySwitches + other.involuntarySwitches);
        }

        /** Steal as a share of the CPUs' time, NaN when unknown. */
        public double stealShare() {
            return totalTicks > 0 ? (double) stealTicks / totalTicks : Double.NaN;
        }
    }

    public ForkResult {
        rows = List.copyOf(rows);
        cpus = List.copyOf(cpus);
    }

    /** A fork known only by its mean (for tests of the precision loop). */
    public ForkResult(List<ResultRow> rows, double mean) {
        this(rows, mean, List.of(), Load.NONE);
    }

    static ForkResult of(List<ResultRow> rows, List<Integer> cpus, Load load) {
        return new ForkResult(rows, rows.stream().mapToDouble(ResultRow::score).average().orElse(Double.NaN), cpus, load);
    }
}
