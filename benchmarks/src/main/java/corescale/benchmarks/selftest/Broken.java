package corescale.benchmarks.selftest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Fails on purpose: {@code throws} throws from the benchmark method, {@code hangs} never returns
 * and ignores interrupts, as a deadlocked benchmark would. The runner must record both and go on.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class Broken {

    @Param({"throws", "hangs"})
    public String variant;

    @Benchmark
    public int fail() {
        if (variant.equals("throws")) {
            throw new IllegalStateException("selftest failure on purpose");
        }
        while (true) {
            LockSupport.parkNanos(1_000_000_000L);
        }
    }
}
