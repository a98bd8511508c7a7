package corescale.benchmarks.selftest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * A cheap benchmark whose trials wait until a test lets them go, so the test can act (signal the
 * runner, kill it) at a known point of a sweep instead of racing it. With the environment variable
 * {@value #ENV} naming a folder, the trial of variant V creates {@code V.waiting} there and waits
 * until {@code V.go} exists; without it, it never waits. Forks inherit the runner's environment.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
public class Gate {

    public static final String ENV = "CORESCALE_SELFTEST_GATE";
    /** Long enough for any test, short enough that a fork left behind by a failed test ends by itself. */
    private static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(5);

    @Param({"a", "b", "c"})
    public String variant;

    private long x = 1;

    @Setup(Level.Trial)
    public void waitForTheTest() throws IOException, InterruptedException {
        String folder = System.getenv(ENV);
        if (folder == null) {
            return;
        }
        Path gate = Path.of(folder);
        // A later fork of the same point finds the file of the first: it is there already, not an error.
        Files.writeString(gate.resolve(variant + ".waiting"), "");
        long deadline = System.nanoTime() + MAX_WAIT_NANOS;
        while (!Files.exists(gate.resolve(variant + ".go"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("selftest gate " + gate.resolve(variant + ".go") + " never opened");
            }
            Thread.sleep(10);
        }
    }

    @Benchmark
    public long step() {
        x = x * 6364136223846793005L + variant.length();
        return x;
    }
}
