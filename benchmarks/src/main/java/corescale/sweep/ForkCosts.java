package corescale.sweep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fork costs beyond its warm-up and measured iterations (JVM start, JMH's set-up, the
 * benchmark's trial set-up such as worker JVMs or a service, tear-down, and the runner's own start
 * shared by a batch's forks), learnt from the batches run so far, per benchmark: here a counters fork
 * starts in about 0.5 s, an io or processcounters fork, which starts processes, in 1.1-1.2 s. The
 * precision loop adds the point's warm-up and weighs the sum against the cost of an iteration.
 */
public final class ForkCosts {

    /** Seconds beyond warm-up and measurement, and forks, summed. */
    private static final class Sum {
        double seconds;
        int forks;

        double mean() {
            return seconds / forks;
        }
    }

    /** Seconds a fork is guessed to cost before the first batch: {@link Profile#FORK_START}. */
    private static final double FIRST_GUESS = Profile.FORK_START.toNanos() / 1e9;

    private final Map<String, Sum> byBenchmark = new HashMap<>();
    private final Sum all = new Sum();

    private ForkCosts() {
    }

    /** Learns from the batches; until the first, guesses {@link Profile#FORK_START}. */
    public static ForkCosts learning() {
        return new ForkCosts();
    }

    /**
     * A batch of {@code benchmark} that took {@code seconds} of wall time for {@code batch}, whose
     * forks each warmed up {@code warmup}.
     */
    synchronized void add(String benchmark, double seconds, List<ForkResult> batch, ForkWarmup warmup) {
        double measured = batch.stream().mapToDouble(ForkResult::measureSeconds).sum();
        double start = Math.max(0, seconds - measured - batch.size() * warmup.seconds());
        for (Sum sum : List.of(all, byBenchmark.computeIfAbsent(benchmark, b -> new Sum()))) {
            sum.seconds += start;
            sum.forks += batch.size();
        }
    }

    /**
     * Seconds a fork of {@code benchmark} has cost beyond its warm-up and measured iterations, on
     * average so far; the average over all benchmarks until one of its own has run.
     */
    public synchronized double startSeconds(String benchmark) {
        Sum own = byBenchmark.get(benchmark);
        if (own != null && own.forks > 0) {
            return own.mean();
        }
        return all.forks == 0 ? FIRST_GUESS : all.mean();
    }
}
