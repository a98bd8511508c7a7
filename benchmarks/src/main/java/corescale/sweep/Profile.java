package corescale.sweep;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How hard a sweep measures each point. Each fork gets a short fixed warm-up and measurement;
 * forks are added until the point is precise enough ({@code precision}: half-width of the 95% CI
 * of the mean of fork means, over the mean), or {@code maxForks}, or {@code pointTimeCap}.
 *
 * @param budget the whole sweep's time budget: points past their minimum forks stop adding forks
 *               when the rest of the plan would not fit in it; zero for none
 * @param params parameter values to use instead of the benchmarks' defaults, where a benchmark
 *               has that parameter (e.g. fewer contention levels in the quick profile)
 */
public record Profile(String name, int warmupIterations, Duration warmupTime, int measurementIterations,
                      Duration measurementTime, int minForks, int maxForks, double precision,
                      Duration pointTimeCap, Duration budget, Map<String, List<String>> params) {

    /*
     * processcounters: each of its forks starts P worker JVMs; high contention only, and not the two
     * variants that exist to lose updates, nor spinLock (quick and thorough run them): 12 points, one
     * per guard kind (lock, semaphore, atomic) and point.
     *
     * io.k: a batch of 1000 requests through a pool of one thread per core with a 10 ms delay takes
     * 10 s at one core, and JMH cannot cut a batch short; 200 keeps those points to seconds.
     */

    /** A few minutes on a 2-core machine: every family, one fork per point, fewest parameters. */
    public static Profile quick() {
        return new Profile("quick", 1, Duration.ofMillis(200), 3, Duration.ofMillis(200),
                1, 1, 0.10, Duration.ofSeconds(30), Duration.ZERO,
                Map.of("workInside", List.of("0"), "workOutside", List.of("0"), "io.k", List.of("200")));
    }

    /**
     * The default: 3 to 5 short forks per point until ±3%, within 14 minutes for the whole sweep.
     * Three forks, not two: with two, the t quantile (12.7) makes any interval useless.
     */
    public static Profile standard() {
        return new Profile("default", 1, Duration.ofMillis(200), 3, Duration.ofMillis(200),
                3, 5, 0.03, Duration.ofSeconds(20), Duration.ofMinutes(14),
                Map.of("workInside", List.of("0"), "workOutside", List.of("0", "500"), "io.k", List.of("200"),
                        "processcounters.workOutside", List.of("0"),
                        "processcounters.variant", List.of("fileLock", "posixSemaphore", "atomicAdd")));
    }

    /** For a reference run: longer iterations, ±1%, up to 10 forks, every parameter value. */
    public static Profile thorough() {
        return new Profile("thorough", 2, Duration.ofSeconds(1), 5, Duration.ofSeconds(1),
                3, 10, 0.01, Duration.ofMinutes(2), Duration.ZERO, Map.of());
    }

    public static Profile named(String name) {
        switch (name) {
            case "quick": return quick();
            case "default": return standard();
            case "thorough": return thorough();
            default: throw new IllegalArgumentException("unknown profile '" + name + "' (quick, default, thorough)");
        }
    }

    /** Time one fork takes, JVM start included (about a second here). */
    public Duration forkTime() {
        return warmupTime.multipliedBy(warmupIterations)
                .plus(measurementTime.multipliedBy(measurementIterations))
                .plus(Duration.ofMillis(1200));
    }

    public Profile withForks(int forks) {
        return new Profile(name + "-fixed", warmupIterations, warmupTime, measurementIterations, measurementTime,
                forks, forks, Double.NaN, pointTimeCap.plus(forkTime().multipliedBy(forks)), Duration.ZERO, params);
    }

    /** True when forks are a fixed count given by the user: no precision target. */
    public boolean fixedForks() {
        return Double.isNaN(precision);
    }

    public Profile with(int wi, Duration w, int i, Duration r) {
        return new Profile(name, wi, w, i, r, minForks, maxForks, precision, pointTimeCap, budget, params);
    }

    public Profile withPrecision(double target) {
        return new Profile(name, warmupIterations, warmupTime, measurementIterations, measurementTime,
                minForks, maxForks, target, pointTimeCap, budget, params);
    }

    public Profile withBudget(Duration newBudget) {
        return new Profile(name, warmupIterations, warmupTime, measurementIterations, measurementTime,
                minForks, maxForks, precision, pointTimeCap, newBudget, params);
    }

    public Profile withPointCap(Duration newCap) {
        return new Profile(name, warmupIterations, warmupTime, measurementIterations, measurementTime,
                minForks, maxForks, precision, newCap, budget, params);
    }

    public Profile withMaxForks(int newMax) {
        return new Profile(name, warmupIterations, warmupTime, measurementIterations, measurementTime,
                Math.min(minForks, newMax), newMax, precision, pointTimeCap, budget, params);
    }

    public Profile withParams(Map<String, List<String>> newParams) {
        return new Profile(name, warmupIterations, warmupTime, measurementIterations, measurementTime,
                minForks, maxForks, precision, pointTimeCap, budget, newParams);
    }
}
