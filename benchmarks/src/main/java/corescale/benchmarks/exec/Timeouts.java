package corescale.benchmarks.exec;

import java.time.Duration;

/**
 * Every wait in the exec support code and in the spawn, cpu and io benchmarks is bounded by one
 * of these, so a broken child or a lost reply fails the benchmark with a message instead of
 * hanging the fork. {@code -Dcorescale.exec.timeoutSeconds=N} changes the batch bound.
 */
public final class Timeouts {

    /** A child JVM must say it is ready within this. */
    public static final Duration CHILD_START = Duration.ofSeconds(60);

    /** A child asked to stop must exit within this; then it is killed. */
    public static final Duration CHILD_STOP = Duration.ofSeconds(10);

    /** One batch (or one unit of the spawn family) must finish within this. */
    public static final Duration BATCH =
            Duration.ofSeconds(Long.getLong("corescale.exec.timeoutSeconds", 120));

    /** Pools and executors must terminate within this after shutdown. */
    public static final Duration POOL_SHUTDOWN = Duration.ofSeconds(10);

    private Timeouts() {
    }
}
