package corescale.stats.model;

import java.util.Locale;

/**
 * Unit normalisation. Throughput is kept in {@code ops/us} and time in {@code us/op}, so that
 * files written with different {@code -tu} settings can be combined and compared.
 */
public final class Units {

    public static final String THROUGHPUT = "ops/us";
    public static final String TIME = "us/op";

    private Units() {
    }

    /** The canonical unit of a mode. */
    public static String canonical(Mode mode) {
        return mode.higherIsBetter() ? THROUGHPUT : TIME;
    }

    /**
     * Factor that turns a score in {@code unit} into the canonical unit of {@code mode}.
     *
     * @throws IllegalArgumentException when the unit is unknown or does not fit the mode
     *                                  (e.g. {@code ns/op} for {@code thrpt})
     */
    public static double factor(Mode mode, String unit) {
        String u = unit.trim().replace('µ', 'u').replace('μ', 'u').toLowerCase(Locale.ROOT);
        if (mode.higherIsBetter()) {
            if (!u.startsWith("ops/")) {
                throw new IllegalArgumentException("unit '" + unit + "' is not a throughput unit (ops/<time>) for mode " + mode.jmhName());
            }
            // ops per T -> ops per us: divide by the length of T in us.
            return 1.0 / microsOf(u.substring(4), unit);
        }
        if (!u.endsWith("/op")) {
            throw new IllegalArgumentException("unit '" + unit + "' is not a time unit (<time>/op) for mode " + mode.jmhName());
        }
        return microsOf(u.substring(0, u.length() - 3), unit);
    }

    private static double microsOf(String timeUnit, String original) {
        return switch (timeUnit) {
            case "ns" -> 1e-3;
            case "us" -> 1.0;
            case "ms" -> 1e3;
            case "s" -> 1e6;
            case "min" -> 60e6;
            case "hr" -> 3600e6;
            case "day" -> 86400e6;
            default -> throw new IllegalArgumentException("unknown time unit in '" + original + "'");
        };
    }

    /**
     * Turns a time per operation (us/op, per thread, as JMH's avgt reports it) into the total
     * throughput of {@code threads} threads in ops/us, for ratios of time-per-operation points read
     * as throughputs ({@code summary.Throughput}); it ignores any time a thread spends outside the operation.
     */
    public static double timeToThroughput(double microsPerOp, int threads) {
        return Math.max(threads, 1) / microsPerOp;
    }
}
