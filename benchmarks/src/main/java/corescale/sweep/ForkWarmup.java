package corescale.sweep;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import corescale.benchmarks.WarmupNeeded;

/**
 * A fork's warm-up, JMH's {@code -wi} and {@code -w}: a profile's is the least every fork gets, and a
 * benchmark that declares it needs more ({@link WarmupNeeded}) gets more; one the user gave is used
 * as given, as JMH's command line overrides a benchmark's own settings.
 *
 * @param exact true when given by the user: not lengthened for any benchmark
 */
public record ForkWarmup(int iterations, Duration time, boolean exact) {

    private static final Map<String, Optional<Duration>> NEEDED = new ConcurrentHashMap<>();

    public ForkWarmup {
        if (iterations < 0 || time.isNegative()) {
            throw new IllegalArgumentException("warm-up of " + iterations + " x " + time);
        }
    }

    /** At least this much, more where a benchmark needs it. */
    public static ForkWarmup atLeast(int iterations, Duration time) {
        return new ForkWarmup(iterations, time, false);
    }

    /** Exactly this much for every benchmark. */
    public static ForkWarmup exactly(int iterations, Duration time) {
        return new ForkWarmup(iterations, time, true);
    }

    public Duration total() {
        return time.multipliedBy(iterations);
    }

    public double seconds() {
        return total().toNanos() / 1e9;
    }

    /**
     * The warm-up of a fork of {@code benchmark} (a JMH benchmark name, class and method): this one,
     * with as many more iterations of the same time as the benchmark's {@link WarmupNeeded} asks.
     */
    public ForkWarmup of(String benchmark) {
        Optional<Duration> needed = NEEDED.computeIfAbsent(classOf(benchmark), ForkWarmup::declared);
        if (exact || needed.isEmpty() || total().compareTo(needed.get()) >= 0 || time.isZero()) {
            return this;
        }
        long iterationsNeeded = (needed.get().toNanos() + time.toNanos() - 1) / time.toNanos();
        return new ForkWarmup((int) iterationsNeeded, time, false);
    }

    private static String classOf(String benchmark) {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? benchmark : benchmark.substring(0, dot);
    }

    private static Optional<Duration> declared(String className) {
        try {
            WarmupNeeded needed = Class.forName(className, false, ForkWarmup.class.getClassLoader())
                    .getAnnotation(WarmupNeeded.class);
            return needed == null ? Optional.empty() : Optional.of(Duration.ofMillis(needed.millis()));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }
}
