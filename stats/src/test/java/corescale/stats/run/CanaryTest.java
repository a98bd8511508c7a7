package corescale.stats.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import corescale.stats.run.RunFile.CanaryReading;

/** The machine speed of one side's canary readings over another's, and the readings a canary can record. */
class CanaryTest {

    @Test
    void theSidesRatioIsOfEachRunsMeanReading() {
        List<CanaryReading> base = List.of(new CanaryReading("start", 0, 200, 100, null, null, 0), new CanaryReading("end", 600, 200, 80, null, null, 0));
        List<CanaryReading> other = List.of(new CanaryReading("start", 0, 100, 45, null, null, 0));
        Canary c = Canary.between(List.of(base), List.of(other));
        assertEquals(2.0, c.memory(), 1e-12); // base 90 ns per load over other 45
        assertEquals(0.5, c.cpu(), 1e-12);
    }

    /**
     * run.json reads an absent kernel's value as 0; a reading of 0 or below was once left out of its
     * run's mean, which moved the ratio without a word. No such reading can be made: it is refused,
     * naming the field as run.json does.
     */
    @Test
    void aReadingOfZeroOrBelowCannotBeMade() {
        assertEquals("cpu_ops_per_us is 0 or missing: the CPU kernel's throughput (ops/µs) is above 0",
                assertThrows(RunFile.BadReading.class, () -> new CanaryReading("start", 0, 0, 100, null, null, 0)).getMessage());
        assertEquals("memory_ns_per_load is -2: the memory kernel's time per load (ns) is above 0",
                assertThrows(RunFile.BadReading.class, () -> new CanaryReading("start", 0, 200, -2, null, null, 0)).getMessage());
        assertEquals("memory_ns_per_load is NaN: the memory kernel's time per load (ns) is above 0",
                assertThrows(RunFile.BadReading.class, () -> new CanaryReading("start", 0, 200, Double.NaN, null, null, 0)).getMessage());
        assertEquals("cpu_forks_ops_per_us[1] is 0: a fork's score is above 0",
                assertThrows(RunFile.BadReading.class, () -> new CanaryReading("start", 0, 200, 100, List.of(200.0, 0.0), null, 0)).getMessage());
        assertEquals("at is missing: a reading names when it was taken (start, middle, end or resume)",
                assertThrows(RunFile.BadReading.class, () -> new CanaryReading(null, 0, 200, 100, null, null, 0)).getMessage());
    }
}
