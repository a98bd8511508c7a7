package corescale.benchmarks.selftest;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** A cheap benchmark with several variants, so runner tests have many short points. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class Fast {

    @Param({"a", "b", "c", "d", "e", "f"})
    public String variant;

    private long x = 1;

    @Benchmark
    public long step() {
        x = x * 6364136223846793005L + variant.length();
        return x;
    }
}
