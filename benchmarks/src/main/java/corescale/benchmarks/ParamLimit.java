package corescale.benchmarks;

import java.util.List;
import java.util.Optional;

/**
 * The values a numeric {@code @Param} may take, stated once: {@code run} refuses any other in one line
 * before anything starts ({@code cli.Validation}), and the benchmark's setup refuses it under plain
 * JMH. A value below the least would measure nothing the name says (negative work is no work; a
 * batch of no task); one above the most would start that many threads, connections or JVMs at once,
 * more than the run can be expected to survive on an ordinary machine.
 *
 * @param name  the parameter's name, as in {@code @Param} and {@code --param}
 * @param whole whether it is a whole number (an int or long field; JMH's list does not say, and a
 *              double such as {@code delayMs} may list only whole values)
 * @param least the smallest value it takes
 * @param most  the largest value it takes
 * @param what  what the value counts, for the refusal
 */
public record ParamLimit(String name, boolean whole, double least, double most, String what) {

    /** Tasks or requests of one batch, all started at once by the thread-per-task and process models. */
    public static final int MOST_IN_A_BATCH = 10_000;
    /** Threads or worker processes of a pool (a number given for {@code pool}). */
    public static final int MOST_IN_A_POOL = 1_024;
    /** Worker processes per core: each is a JVM of its own (tens of MB), started at the trial's setup. */
    public static final int MOST_PROCESSES_PER_CORE = 8;

    public static final List<ParamLimit> ALL = List.of(
            new ParamLimit("workInside", true, 0, Double.POSITIVE_INFINITY, "Blackhole tokens inside the guard"),
            new ParamLimit("workOutside", true, 0, Double.POSITIVE_INFINITY, "Blackhole tokens between increments"),
            new ParamLimit("k", true, 1, MOST_IN_A_BATCH, "tasks or requests of a batch, started at once"),
            new ParamLimit("delayMs", false, 0.001, Double.POSITIVE_INFINITY, "the service's delay in ms, which the io bound divides by"),
            new ParamLimit("processesPerCore", true, 1, MOST_PROCESSES_PER_CORE, "worker JVMs per core"),
            new ParamLimit("pool", true, 1, MOST_IN_A_POOL, "threads or worker processes of the pool"));

    /** The limit of the parameter {@code name}, if it has one. */
    public static Optional<ParamLimit> of(String name) {
        return ALL.stream().filter(l -> l.name.equals(name)).findFirst();
    }

    /** What is wrong with {@code value}, or empty when it is within the limit: "k takes 1 to 10000 (tasks ...), not 0". */
    public Optional<String> problem(double value) {
        if (value >= least && value <= most) {
            return Optional.empty();
        }
        return Optional.of(name + " takes " + range() + " (" + what + "), not " + number(value));
    }

    /** "1 to 10000", "0 or more". */
    public String range() {
        return most == Double.POSITIVE_INFINITY ? number(least) + " or more" : number(least) + " to " + number(most);
    }

    /** Throws IllegalArgumentException with {@link #problem} when {@code value} is outside the limit of {@code name}. */
    public static void check(String name, double value) {
        of(name).flatMap(l -> l.problem(value)).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    private static String number(double x) {
        return Double.isFinite(x) ? java.math.BigDecimal.valueOf(x).stripTrailingZeros().toPlainString() // 0.0005, never 5.0E-4
                : Double.toString(x);
    }
}
