package corescale.benchmarks.selftest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Checks that a counters variant costs what its bare primitive costs: {@code Counters.increment}
 * at 1 thread, workInside=0, workOutside=0, against its twin in {@link BareCounters}. Anything the
 * family adds on the measured path shows here (issue 31: a per-operation tally made atomicLong 1.6×
 * as costly as bare on an Intel Xeon). A timing, so not a unit test: run it by hand on the machine in
 * question, with nothing else running.
 *
 * <p>Rounds alternate the order (counter then bare, then bare then counter, ...), so that a machine
 * that drifts during the check weighs on both alike; each run is one plain-JMH fork, C2 unless the
 * JVM options given say otherwise. The cost ratio is the median of the bare scores over the median of
 * the counter's (throughputs: 1.25 means the counter costs 25% more per increment). Exit 1 when an
 * atomic variant's ratio is above the limit (1.10); the locks are printed for reference only, since
 * their cost at 1 thread is a few CAS whatever surrounds them. Exit 2 for bad arguments or a failed
 * run.
 *
 * <pre>java -cp benchmarks.jar corescale.benchmarks.selftest.CounterOverhead [--rounds N] [--limit R]
 *     [--jvm-args "OPTIONS"] [VARIANT ...]</pre>
 * (on a JDK 21+; {@code scripts/check-counter-overhead.sh} finds one).
 */
public final class CounterOverhead {

    static final int MIN_ROUNDS = 4;
    static final double LIMIT = 1.10;

    /** Each counters variant's bare twin, and whether the check fails on it (else it is for reference). */
    static final Map<String, Twin> TWINS = new LinkedHashMap<>();

    record Twin(String bareMethod, boolean checked) {
    }

    static {
        TWINS.put("atomicLong", new Twin("atomicLong", true));
        TWINS.put("atomicLongCas", new Twin("atomicLongCas", true));
        TWINS.put("longAdder", new Twin("longAdder", true));
        TWINS.put("synchronized", new Twin("synchronizedBlock", false));
        TWINS.put("reentrantLock", new Twin("reentrantLock", false));
        TWINS.put("stampedLock", new Twin("stampedLock", false));
        TWINS.put("semaphore", new Twin("semaphore", false));
        TWINS.put("reentrantLockFair", new Twin("reentrantLockFair", false));
        TWINS.put("semaphoreFair", new Twin("semaphoreFair", false));
    }

    /** What runs when no variant is named: the checked ones and the common locks. */
    static final List<String> DEFAULT_VARIANTS = List.of("atomicLong", "atomicLongCas", "longAdder", "synchronized",
            "reentrantLock", "stampedLock", "semaphore");

    private CounterOverhead() {
    }

    /** One variant's per-round scores (ops/µs), counter and bare, round by round. */
    record Rounds(String variant, boolean checked, double[] counter, double[] bare) {

        /** Cost of the counter over the bare primitive's: bare throughput over the counter's, of the medians. */
        double ratio() {
            return median(bare) / median(counter);
        }

        /** Whether this variant fails the check: a checked one whose ratio is above {@code limit}. */
        boolean fails(double limit) {
            return checked && !(ratio() <= limit);
        }

        String line(double limit) {
            String verdict = !checked ? "reference" : fails(limit) ? "OVER " + fmt(limit) : "ok";
            return String.format(Locale.ROOT, "%-18s cost ratio %.3f  %-9s counter median %s ops/us %s  bare median %s ops/us %s",
                    variant, ratio(), verdict, fmt(median(counter)), list(counter), fmt(median(bare)), list(bare));
        }
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** 0 when no checked variant is over {@code limit}, else 1. */
    static int exitCode(List<Rounds> all, double limit) {
        return all.stream().anyMatch(r -> r.fails(limit)) ? 1 : 0;
    }

    /** Whether round {@code r} (from 0) runs the counter first: counter, bare; bare, counter; counter, bare; ... */
    static boolean counterFirst(int round) {
        return round % 2 == 0;
    }

    /** The command line, parsed; {@code IllegalArgumentException} says what is wrong. */
    record Args(int rounds, double limit, List<String> jvmArgs, List<String> variants) {

        static Args parse(String... args) {
            int rounds = MIN_ROUNDS;
            double limit = LIMIT;
            List<String> jvmArgs = List.of();
            List<String> variants = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, "--rounds"));
                    case "--limit" -> limit = Double.parseDouble(value(args, ++i, "--limit"));
                    case "--jvm-args" -> jvmArgs = List.of(value(args, ++i, "--jvm-args").trim().split("\\s+"));
                    default -> {
                        if (!TWINS.containsKey(args[i])) {
                            throw new IllegalArgumentException("unknown variant '" + args[i] + "'; known: "
                                    + String.join(", ", TWINS.keySet()));
                        }
                        variants.add(args[i]);
                    }
                }
            }
            if (rounds < MIN_ROUNDS) {
                throw new IllegalArgumentException("--rounds must be at least " + MIN_ROUNDS + ", got " + rounds);
            }
            if (!(limit > 1)) {
                throw new IllegalArgumentException("--limit must be above 1, got " + limit);
            }
            return new Args(rounds, limit, jvmArgs.equals(List.of("")) ? List.of() : jvmArgs,
                    variants.isEmpty() ? DEFAULT_VARIANTS : List.copyOf(variants));
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }
    }

    public static void main(String[] argv) {
        Args args;
        try {
            args = Args.parse(argv);
        } catch (IllegalArgumentException e) {
            System.err.println("CounterOverhead: " + e.getMessage());
            System.exit(2);
            return;
        }
        Map<String, double[][]> scores = new LinkedHashMap<>();
        List<String> forkJvm = new ArrayList<>();
        args.variants().forEach(v -> scores.put(v, new double[2][args.rounds()]));
        try {
            for (int r = 0; r < args.rounds(); r++) {
                for (String v : args.variants()) {
                    for (boolean counter : counterFirst(r) ? new boolean[] {true, false} : new boolean[] {false, true}) {
                        RunResult result = measure(v, counter, args.jvmArgs());
                        if (forkJvm.isEmpty()) {
                            forkJvm.add(result.getParams().getJdkVersion());
                            forkJvm.add(String.join(" ", result.getParams().getJvmArgs()));
                        }
                        double score = result.getPrimaryResult().getScore();
                        scores.get(v)[counter ? 0 : 1][r] = score;
                        System.err.printf(Locale.ROOT, "round %d/%d %s %s: %s ops/us%n", r + 1, args.rounds(), v,
                                counter ? "counter" : "bare", fmt(score));
                    }
                }
            }
        } catch (RunnerException e) {
            System.err.println("CounterOverhead: a run failed: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<Rounds> all = new ArrayList<>();
        scores.forEach((v, s) -> all.add(new Rounds(v, TWINS.get(v).checked(), s[0], s[1])));
        System.out.println("Counters.increment vs selftest.BareCounters, 1 thread, workInside=0, workOutside=0, "
                + args.rounds() + " alternating rounds of one fork each; forks on JDK " + forkJvm.get(0)
                + " with JVM options [" + forkJvm.get(1) + "]:");
        all.forEach(r -> System.out.println(r.line(args.limit())));
        int code = exitCode(all, args.limit());
        System.out.println(code == 0 ? "ok: no atomic variant costs more than " + fmt(args.limit()) + "x its bare primitive"
                : "FAILED: an atomic variant costs more than " + fmt(args.limit()) + "x its bare primitive");
        System.exit(code);
    }

    /** One plain-JMH fork of the counter or its bare twin. */
    private static RunResult measure(String variant, boolean counter, List<String> jvmArgs) throws RunnerException {
        String benchmark = counter ? "corescale.benchmarks.counters.Counters.increment"
                : BareCounters.class.getName() + "." + TWINS.get(variant).bareMethod();
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark) + "$")
                .param("workInside", "0")
                .param("workOutside", "0")
                .forks(1)
                .warmupIterations(3)
                .warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(5)
                .measurementTime(TimeValue.milliseconds(300))
                .threads(1)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        if (counter) {
            o.param("variant", variant);
        }
        if (!jvmArgs.isEmpty()) {
            o.jvmArgsAppend(jvmArgs.toArray(String[]::new));
        }
        List<RunResult> results = new ArrayList<>(new Runner(o.build()).run());
        if (results.size() != 1) {
            throw new RunnerException(benchmark + ": expected one result, got " + results.size());
        }
        return results.get(0);
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    private static String list(double[] xs) {
        return "[" + String.join(" ", Arrays.stream(xs).mapToObj(CounterOverhead::fmt).toList()) + "]";
    }
}
