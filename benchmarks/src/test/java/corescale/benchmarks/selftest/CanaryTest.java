package corescale.benchmarks.selftest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The canary's memory chain: one cycle through every line, the same for the same seed, twice the largest cache. */
class CanaryTest {

    @Test
    void theChainIsAPowerOfTwoAtLeastTwiceTheLargestCacheAndAtLeast64MiB() {
        long mib = 1L << 20;
        assertEquals(64 * mib, Canary.chainBytes(0));          // unknown cache
        assertEquals(64 * mib, Canary.chainBytes(32 * mib));   // this machine's 32 MiB L3: exactly twice
        assertEquals(256 * mib, Canary.chainBytes(96 * mib));  // a 96 MiB L3: 192, rounded up
        assertEquals(1024 * mib, Canary.chainBytes(320 * mib)); // a 320 MiB L3: 640, rounded up
    }

    @Test
    void theForkIsToldTheChainAndGivenAHeapThatHoldsIt() {
        List<String> args = Canary.jvmArgs(1L << 30);
        assertTrue(args.contains("-Xmx1536m"), args.toString());
        assertTrue(args.contains("-Xms1536m"), args.toString());
        assertTrue(args.contains("-D" + Canary.CHAIN_PROPERTY + "=" + (1L << 30)), args.toString());
    }

    @Test
    void theChainVisitsEveryLineOnceBeforeComingBack() {
        int lines = 1000;
        int stride = Canary.LINE;
        int[] next = Canary.cycle(lines, stride, Canary.SEED);
        assertEquals(lines * stride, next.length);
        boolean[] seen = new boolean[lines];
        int at = 0;
        for (int step = 0; step < lines; step++) {
            assertEquals(0, at % stride, "every step lands on a line's first int");
            assertFalse(seen[at / stride], "line " + at / stride + " visited twice within one lap");
            seen[at / stride] = true;
            at = next[at];
        }
        assertEquals(0, at, "after one lap the walk is back where it began");
    }

    @Test
    void theOrderIsFixedBySeedAndNotSequential() {
        int[] a = Canary.cycle(512, Canary.LINE, Canary.SEED);
        assertArrayEquals(a, Canary.cycle(512, Canary.LINE, Canary.SEED));
        assertFalse(Arrays.equals(a, Canary.cycle(512, Canary.LINE, Canary.SEED + 1)));
        long sequentialSteps = 0;
        for (int line = 0; line < 512; line++) {
            if (a[line * Canary.LINE] == (line + 1) * Canary.LINE) {
                sequentialSteps++;
            }
        }
        // A random cycle of 512 lines has about one step to the following line; a prefetcher needs many.
        assertTrue(sequentialSteps < 10, sequentialSteps + " steps to the next line");
    }
}
