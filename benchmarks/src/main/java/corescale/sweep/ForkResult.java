package corescale.sweep;

import java.util.List;

import corescale.results.ResultRow;

/**
 * One fork of a point: its measured iterations (as results.csv rows and as scores), the time they
 * took, the CPUs it ran on and what else took them while it measured. Forks, not iterations, are
 * the replicates of a point, since iterations inside a fork are not independent of each other.
 *
 * @param measureSeconds time inside the fork's measured iterations, by JMH's clock (0 when unknown)
 */
public record ForkResult(List<ResultRow> rows, double[] scores, double measureSeconds, List<Integer> cpus, Load load) {

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
        scores = scores.clone();
        cpus = List.copyOf(cpus);
    }

    static ForkResult of(List<ResultRow> rows, double measureSeconds, List<Integer> cpus, Load load) {
        return new ForkResult(rows, rows.stream().mapToDouble(ResultRow::score).toArray(), measureSeconds, cpus, load);
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }
}
