package corescale.sweep;

import corescale.stats.summary.WelchOnLogs;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How hard a sweep measures each point. Each fork gets a warm-up (the profile's, or longer where a
 * benchmark needs it: {@link ForkWarmup}), then
 * {@code measurementIterations} measured iterations in the first pass, and up to
 * {@code maxIterations} in later forks when its iterations, not its forks, are what is noisy
 * (see {@link PrecisionLoop}); forks are added until the point is precise enough
 * ({@code precision}: half-width of the 95% CI of the mean of fork means, over the mean), or
 * {@code maxForks}, or {@code pointTimeCap}, or the budget.
 *
 * @param budget the whole sweep's time budget, canary included: the first pass shortens its forks
 *               to fit in part of it and the rest goes to the points that need it; zero for none
 * @param params parameter values to use instead of the benchmarks' defaults, where a benchmark
 *               has that parameter (e.g. fewer contention levels in the quick profile)
 * @param profilers JMH profilers every fork runs with ({@code run --prof}), each {@code NAME[:OPTIONS]}
 */
public record Profile(String name, ForkWarmup warmup, int measurementIterations,
                      Duration measurementTime, int maxIterations, int minForks, int maxForks, double precision,
                      Duration pointTimeCap, Duration budget, Map<String, List<String>> params, List<String> profilers) {

    public Profile {
        profilers = List.copyOf(profilers);
    }

    /** A profile without profilers. */
    public Profile(String name, ForkWarmup warmup, int measurementIterations, Duration measurementTime, int maxIterations,
                   int minForks, int maxForks, double precision, Duration pointTimeCap, Duration budget,
                   Map<String, List<String>> params) {
        this(name, warmup, measurementIterations, measurementTime, maxIterations, minForks, maxForks, precision,
                pointTimeCap, budget, params, List.of());
    }

    /** What starting and ending a fork costs beside its warm-up and iterations, until the sweep has measured it. */
    public static final Duration FORK_START = Duration.ofMillis(700);

    /*
     * processcounters: each of its forks starts P worker JVMs; high contention only, and not the two
     * variants that exist to lose updates, nor spinLock (quick and thorough run them): 12 points, one
     * per guard kind (lock, semaphore, atomic) and point.
     *
     * counters.variant (default profile): the lock and the semaphore, beside the four tools a Java
     * engineer reaches for first; the fair, permits and CAS-loop variants are thorough's (or
     * --param counters.variant=...). With every fork warmed up as long as its benchmark needs, the
     * ten variants' 80 points would leave the default's 14 minutes no time to add forks.
     *
     * io.delayMs (default profile): 1 ms, where the models' own costs show (82-85% of the bound for
     * the pooled ones here); at 10 ms they sit at 96% of it, and a pooled batch at one core takes 2 s,
     * which JMH cannot cut short: with their warm-up those ten points took a quarter of the default
     * sweep. Thorough, and --param io.delayMs=1,10, measure both.
     *
     * io.k: a batch of 1000 requests through a pool of one thread per core with a 10 ms delay takes
     * 10 s at one core, and JMH cannot cut a batch short; 200 keeps those points to seconds.
     */

    /**
     * A first look in a few minutes on a 2-core machine: every family, fewest parameters, two forks per
     * point. Two, not one: a point of one fork is never ranked nor compared (its interval would be the
     * iterations' alone), so with one the report could answer nothing; two give wide intervals in which
     * only large differences are discoveries, and ties are said as ties.
     */
    public static Profile quick() {
        return new Profile("quick", ForkWarmup.atLeast(1, Duration.ofMillis(200)), 3, Duration.ofMillis(200), 3,
                WelchOnLogs.MIN_FORKS, WelchOnLogs.MIN_FORKS, 0.10, Duration.ofSeconds(30), Duration.ZERO,
                Map.of("workInside", List.of("0"), "workOutside", List.of("0"), "io.k", List.of("200")));
    }

    /**
     * The default: at least 3 forks per point, more (or longer) until ±3%, within 14 minutes for the
     * whole sweep. Three forks, not two: with two, the t quantile (12.7) makes any interval useless.
     */
    public static Profile standard() {
        return new Profile("default", ForkWarmup.atLeast(1, Duration.ofMillis(200)), 10, Duration.ofMillis(200), 25,
                3, 12, 0.03, Duration.ofSeconds(40), Duration.ofMinutes(14),
                Map.of("workInside", List.of("0"), "workOutside", List.of("0", "500"), "io.k", List.of("200"), "io.delayMs", List.of("1"),
                        "counters.variant", List.of("synchronized", "reentrantLock", "semaphore", "stampedLock",
                                "atomicLong", "longAdder"),
                        "processcounters.workOutside", List.of("0"),
                        "processcounters.variant", List.of("fileLock", "posixSemaphore", "atomicAdd")));
    }

    /** For a reference run: longer iterations, ±1%, up to 10 forks, every parameter value. */
    public static Profile thorough() {
        return new Profile("thorough", ForkWarmup.atLeast(2, Duration.ofSeconds(1)), 5, Duration.ofSeconds(1), 10,
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

    /** The warm-up of each fork of {@code benchmark}. */
    public ForkWarmup warmupOf(String benchmark) {
        return warmup.of(benchmark);
    }

    /** Time one fork of {@code benchmark} of {@code iterations} measured iterations takes, JVM start included. */
    public Duration forkTime(String benchmark, int iterations) {
        return warmupOf(benchmark).total()
                .plus(measurementTime.multipliedBy(iterations))
                .plus(FORK_START);
    }

    /** Exactly {@code forks} forks per point and no target: every fork runs, so no cap or budget applies. */
    public Profile withForks(int forks) {
        return new Profile(name + "-fixed", warmup, measurementIterations, measurementTime,
                measurementIterations, forks, forks, Double.NaN, pointTimeCap,
                Duration.ZERO, params, profilers);
    }

    /**
     * Whether the sweep adds forks towards the precision target: not with a fixed count, nor when the
     * most forks allowed are the first pass's (the quick profile, or {@code --max-forks} at most the
     * minimum), where every point stops at that count whatever its forks show.
     */
    public boolean pursuesTarget() {
        return !fixedForks() && minForks < maxForks;
    }

    /** True when forks are a fixed count given by the user: no precision target. */
    public boolean fixedForks() {
        return Double.isNaN(precision);
    }

    /** JMH's own shape of a fork, as given by -wi and -w, -i, -r: every fork measures {@code i} iterations. */
    public Profile with(ForkWarmup w, int i, Duration r) {
        return new Profile(name, w, i, r, i, minForks, maxForks, precision, pointTimeCap, budget, params, profilers);
    }

    public Profile withPrecision(double target) {
        return new Profile(name, warmup, measurementIterations, measurementTime, maxIterations,
                minForks, maxForks, target, pointTimeCap, budget, params, profilers);
    }

    public Profile withBudget(Duration newBudget) {
        return new Profile(name, warmup, measurementIterations, measurementTime, maxIterations,
                minForks, maxForks, precision, pointTimeCap, newBudget, params, profilers);
    }

    public Profile withPointCap(Duration newCap) {
        return new Profile(name, warmup, measurementIterations, measurementTime, maxIterations,
                minForks, maxForks, precision, newCap, budget, params, profilers);
    }

    public Profile withMaxForks(int newMax) {
        return new Profile(name, warmup, measurementIterations, measurementTime, maxIterations,
                Math.min(minForks, newMax), newMax, precision, pointTimeCap, budget, params, profilers);
    }

    public Profile withParams(Map<String, List<String>> newParams) {
        return new Profile(name, warmup, measurementIterations, measurementTime, maxIterations,
                minForks, maxForks, precision, pointTimeCap, budget, newParams, profilers);
    }

    /** The same profile with every fork run under these JMH profilers ({@code NAME[:OPTIONS]} each). */
    public Profile withProfilers(List<String> newProfilers) {
        return new Profile(name, warmup, measurementIterations, measurementTime, maxIterations,
                minForks, maxForks, precision, pointTimeCap, budget, params, newProfilers);
    }
}
