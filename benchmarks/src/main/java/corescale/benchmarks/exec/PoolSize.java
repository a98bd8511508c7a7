package corescale.benchmarks.exec;

import corescale.benchmarks.ParamLimit;

/**
 * The {@code pool} parameter of the cpu and io families: how many threads (or worker processes) a
 * pooled model gets. {@code cores} (the default) is {@code Runtime.availableProcessors()} of the
 * fork; a number fixes it, so that the pool size is not confused with the cores it runs on.
 */
public final class PoolSize {

    /** The default value: one per core the fork may use. */
    public static final String CORES = "cores";

    private PoolSize() {
    }

    /** The pool size {@code value} stands for in this JVM. */
    public static int of(String value) {
        if (CORES.equals(value)) {
            return Runtime.getRuntime().availableProcessors();
        }
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pool must be '" + CORES + "' or a number, not '" + value + "'");
        }
        ParamLimit.check("pool", n);
        return n;
    }
}
