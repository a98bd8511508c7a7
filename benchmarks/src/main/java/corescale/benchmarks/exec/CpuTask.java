package corescale.benchmarks.exec;

/**
 * The fixed unit of CPU work of the cpu family, run the same way by every execution model,
 * in this JVM and in the child workers (same jar, same code).
 *
 * <p>A xorshift64* chain of {@link #WORK} steps: each step depends on the one before, so the JIT
 * can neither vectorise nor fold it, and the result depends on the seed, which the caller varies
 * per task. With {@link #WORK} steps one task takes roughly 10-50 µs on a current x86 core
 * (about 20 µs on the machine it was sized on); the exact time is not important, only that it is
 * the same for every model.
 */
public final class CpuTask {

    /** Steps per task; fixed so that every model does the same real work. */
    public static final int WORK = 8_000;

    private CpuTask() {
    }

    /** One task of the standard size. */
    public static long compute(long seed) {
        return compute(seed, WORK);
    }

    /** @param work the number of steps; tests use other sizes, benchmarks always {@link #WORK} */
    public static long compute(long seed, int work) {
        long x = seed ^ 0x9E3779B97F4A7C15L;
        if (x == 0) {
            x = 1;
        }
        long acc = 0;
        for (int i = 0; i < work; i++) {
            x ^= x >>> 12;
            x ^= x << 25;
            x ^= x >>> 27;
            acc += x * 0x2545F4914F6CDD1DL;
        }
        return acc;
    }
}
