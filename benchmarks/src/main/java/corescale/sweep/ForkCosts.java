package corescale.sweep;

import java.util.List;

/**
 * What a fork costs beyond its warm-up and measured iterations (JVM start, JMH's set-up, tear-down,
 * and the runner's own start shared by a batch's forks), learnt from the batches run so far: the
 * precision loop adds the point's warm-up and weighs the sum against the cost of an iteration.
 */
public final class ForkCosts {

    private double overheadSeconds;
    private int forks;
    private final double firstGuess;
    private final boolean learns;

    private ForkCosts(double firstGuess, boolean learns) {
        this.firstGuess = firstGuess;
        this.learns = learns;
    }

    /** Learns from the batches; until the first, guesses {@link Profile#FORK_START}. */
    public static ForkCosts learning() {
        return new ForkCosts(Profile.FORK_START.toNanos() / 1e9, true);
    }

    /** Always {@code seconds} per fork, whatever batches take (for tests, whose forks take no time). */
    static ForkCosts fixed(double seconds) {
        return new ForkCosts(seconds, false);
    }

    /** A batch that took {@code seconds} of wall time for {@code batch}, whose forks each warmed up {@code warmup}. */
    synchronized void add(double seconds, List<ForkResult> batch, ForkWarmup warmup) {
        if (!learns) {
            return;
        }
        double measured = batch.stream().mapToDouble(ForkResult::measureSeconds).sum();
        overheadSeconds += Math.max(0, seconds - measured - batch.size() * warmup.seconds());
        forks += batch.size();
    }

    /** Seconds a fork has cost beyond its warm-up and measured iterations, on average so far. */
    public synchronized double startSeconds() {
        return forks == 0 ? firstGuess : overheadSeconds / forks;
    }
}
