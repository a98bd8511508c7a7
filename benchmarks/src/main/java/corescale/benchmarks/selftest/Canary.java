package corescale.benchmarks.selftest;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The canary: a short, fixed, single-threaded reference workload that {@code run} measures at the
 * start, middle and end of a sweep to see whether the machine itself changed speed meanwhile (a
 * noisy neighbour, throttling). Two kernels, one per resource: {@link #cpu} mixes the bits of a
 * small state (integer arithmetic, in registers) and {@link #memory} follows a chain of dependent
 * loads through memory at least twice this machine's largest cache ({@link #chainBytes}). Its fixed warm-up and iterations keep one
 * reading at about three seconds, JVM starts included. Not part of the sweep.
 */
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Threads(1)
@Warmup(iterations = 1, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 200, timeUnit = TimeUnit.MILLISECONDS)
public class Canary {

    /** Dependent loads per invocation of {@link #memory}: enough that JMH's own loop costs nothing beside them. */
    static final int LOADS = 1024;
    /** Ints in one 64-byte cache line: the chain uses one int per line, so every step is a new line. */
    static final int LINE = 16;
    /** The smallest chain, in bytes: 64 MiB, twice the L3 of the machine the canary was first measured on. */
    public static final long MIN_CHAIN_BYTES = 64L << 20;
    /** Where the sweep tells the canary's fork the chain's size ({@link #jvmArgs}); unset, the smallest. */
    static final String CHAIN_PROPERTY = "corescale.canary.chainBytes";
    /** The chain's order is the same in every fork and run. */
    static final long SEED = 20240607L;

    /**
     * The chain's size for a machine whose largest cache holds {@code largestCache} bytes: the power of
     * two at least twice that, and at least {@link #MIN_CHAIN_BYTES}. The chain is one cycle through
     * all its lines, so a line comes back only after every other: a cache that keeps recent lines
     * holds none of the next ones once the chain is twice its size, and every step goes to memory.
     * (Some server chips have 96 MiB to 500 MiB of L3: a fixed 64 MiB would measure their cache.)
     */
    public static long chainBytes(long largestCache) {
        long wanted = Math.max(MIN_CHAIN_BYTES, 2 * largestCache);
        return Long.highestOneBit(wanted - 1) << 1;
    }

    /**
     * The canary fork's JVM options for a chain of {@code chainBytes}: its size, and a fixed,
     * pre-touched heap in transparent huge pages big enough for it, so that the chain lands in huge
     * pages in every fork. With 4 KiB pages each step also walks the page tables, and how much of
     * that hits depends on where the fork's pages fell: measured here (8 forks a batch, 1 core, a 64
     * MiB chain), fork means spread 177–226 ns and batch means 172–212 ns without these options,
     * 156–183 ns and 172 ns twice with them. Where the OS offers no huge pages the JVM warns and runs
     * as before. The young generation is held to 64 MiB so that the old one, where the chain is
     * allocated, is the rest of the heap: the fork sees one processor, so the JVM picks the Serial
     * collector, whose old generation is otherwise two-thirds of the heap, and a 1 GiB chain (a
     * 300 MiB L3, seen on an Intel Xeon VM) did not fit in 1.5 GiB.
     */
    public static List<String> jvmArgs(long chainBytes) {
        long heapMiB = (chainBytes >> 20) + 512;
        return List.of("-Xms" + heapMiB + "m", "-Xmx" + heapMiB + "m", "-Xmn64m", "-XX:+UseTransparentHugePages",
                "-XX:+AlwaysPreTouch", "-D" + CHAIN_PROPERTY + "=" + chainBytes);
    }

    /** "64 MiB": the chain's size as the console says it. */
    public static String describeChain(long chainBytes) {
        return String.format(Locale.ROOT, "%d MiB", chainBytes >> 20);
    }

    /** The CPU kernel's state: not final and updated every call, so nothing is a constant to fold. */
    @State(Scope.Thread)
    public static class Mix {
        long a = 0x9E3779B97F4A7C15L;
        long b = 0x2545F4914F6CDD1DL;
    }

    /** The memory kernel's chain and where the walk is: it goes on from there in the next call. */
    @State(Scope.Thread)
    public static class Chain {
        int[] next;
        int at;

        @Setup(Level.Trial)
        public void build() {
            long bytes = Long.getLong(CHAIN_PROPERTY, MIN_CHAIN_BYTES);
            next = cycle(Math.toIntExact(bytes / Integer.BYTES / LINE), LINE, SEED);
            at = 0;
        }
    }

    /** A few dependent multiply, shift and rotate steps; the result feeds the next call. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long cpu(Mix s) {
        long a = (s.a ^ (s.a >>> 29)) * 0x9E3779B97F4A7C15L;
        long b = Long.rotateLeft(s.b + a, 23) * 0xD6E8FEB86659FD93L;
        s.a = a ^ (b >>> 31);
        s.b = b;
        return a ^ b;
    }

    /** {@value #LOADS} loads, each needing the one before: the time per load is the memory's latency. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(LOADS)
    public int memory(Chain chain) {
        int[] next = chain.next;
        int at = chain.at;
        for (int i = 0; i < LOADS; i++) {
            at = next[at];
        }
        chain.at = at;
        return at;
    }

    /**
     * {@code lines} lines of {@code stride} ints linked into one cycle in a random order: the first
     * int of each line holds the index of the next line's first int. Shuffling lines, not ints,
     * keeps the setup short (a million swaps for 64 MiB) while every step still lands on a line the
     * prefetcher cannot guess. An int array holds at most 8 GiB, a chain for a 4 GiB cache.
     */
    static int[] cycle(int lines, int stride, long seed) {
        int[] order = new int[lines];
        for (int i = 0; i < lines; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = lines - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] next = new int[lines * stride];
        for (int k = 0; k < lines; k++) {
            next[order[k] * stride] = order[(k + 1) % lines] * stride;
        }
        return next;
    }
}
