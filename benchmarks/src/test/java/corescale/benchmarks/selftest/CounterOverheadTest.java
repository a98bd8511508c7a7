package corescale.benchmarks.selftest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import corescale.benchmarks.selftest.CounterOverhead.Args;
import corescale.benchmarks.selftest.CounterOverhead.Rounds;

/** CounterOverhead's decision on constructed round scores; its timings are not tested here. */
class CounterOverheadTest {

    private static final double[] BARE = {500, 400, 520, 480};

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3, CounterOverhead.median(new double[] {9, 1, 3}));
        assertEquals(490, CounterOverhead.median(BARE));
    }

    @Test
    void ratioIsTheCounterCostOverTheBareOneFromTheMedians() {
        // A counter at 80% of the bare throughput costs 1.25x per increment; one outlier round moves neither median.
        Rounds r = new Rounds("atomicLong", true, new double[] {392, 392, 100, 400}, BARE);
        assertEquals(490.0 / 392, r.ratio(), 1e-12);
        assertTrue(r.fails(1.10));
    }

    @Test
    void aCheckedVariantWithinTheLimitPassesAndOneAboveFailsTheRun() {
        Rounds within = new Rounds("atomicLong", true, new double[] {490 / 1.09, 490 / 1.09, 490 / 1.09, 490 / 1.09}, BARE);
        Rounds above = new Rounds("longAdder", true, new double[] {490 / 1.11, 490 / 1.11, 490 / 1.11, 490 / 1.11}, BARE);
        assertFalse(within.fails(1.10));
        assertTrue(above.fails(1.10));
        assertEquals(0, CounterOverhead.exitCode(List.of(within), 1.10));
        assertEquals(1, CounterOverhead.exitCode(List.of(within, above), 1.10));
    }

    @Test
    void aReferenceVariantAboveTheLimitIsPrintedButDoesNotFail() {
        Rounds lock = new Rounds("synchronized", false, new double[] {100, 100, 100, 100}, BARE);
        assertFalse(lock.fails(1.10));
        assertEquals(0, CounterOverhead.exitCode(List.of(lock), 1.10));
        assertTrue(lock.line(1.10).contains("reference"), lock.line(1.10));
    }

    @Test
    void aCounterFasterThanBareIsNotAFailure() {
        Rounds faster = new Rounds("atomicLongCas", true, new double[] {600, 600, 600, 600}, BARE);
        assertTrue(faster.ratio() < 1);
        assertEquals(0, CounterOverhead.exitCode(List.of(faster), 1.10));
    }

    @Test
    void aMeasurementThatIsNotANumberFails() {
        Rounds broken = new Rounds("atomicLong", true, new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0});
        assertTrue(broken.fails(1.10), "0/0 is no evidence that the counter costs what bare does");
    }

    @Test
    void roundsAlternateWhichRunsFirst() {
        StringBuilder order = new StringBuilder();
        for (int r = 0; r < 4; r++) {
            order.append(CounterOverhead.counterFirst(r) ? "CB" : "BC");
        }
        assertEquals("CBBCCBBC", order.toString());
    }

    @Test
    void argumentsDefaultToFourRoundsTheAtomicsAndTheCommonLocks() {
        Args a = Args.parse();
        assertEquals(4, a.rounds());
        assertEquals(1.10, a.limit());
        assertEquals(List.of(), a.jvmArgs());
        // The three checked atomics, then the common locks for reference (not their fair twins).
        assertEquals(List.of("atomicLong", "atomicLongCas", "longAdder", "synchronized", "reentrantLock", "stampedLock", "semaphore"),
                a.variants());
        for (String v : a.variants()) {
            assertEquals(List.of("atomicLong", "atomicLongCas", "longAdder").contains(v), CounterOverhead.TWINS.get(v).checked(), v);
        }
        Args b = Args.parse("--rounds", "6", "--jvm-args", " -XX:TieredStopAtLevel=1  -Xmx1g", "longAdder");
        assertEquals(6, b.rounds());
        assertEquals(List.of("-XX:TieredStopAtLevel=1", "-Xmx1g"), b.jvmArgs());
        assertEquals(List.of("longAdder"), b.variants());
    }

    @Test
    void argumentsRefuseTooFewRoundsAndUnknownVariants() {
        assertThrows(IllegalArgumentException.class, () -> Args.parse("--rounds", "3"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("semaphorePermits"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("--limit", "0.9"));
        assertThrows(IllegalArgumentException.class, () -> Args.parse("--rounds"));
    }
}
