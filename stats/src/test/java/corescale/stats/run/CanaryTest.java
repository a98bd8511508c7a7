package corescale.stats.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import corescale.stats.run.RunFile.CanaryReading;

/** The machine speed of one side's canary readings over another's. */
class CanaryTest {

    /**
     * run.json reads an absent kernel's value as 0 (null primitives allowed): that reading is left out
     * of the run's mean, not averaged in as an infinitely fast memory.
     */
    @Test
    void aReadingOfZeroIsLeftOutOfItsRunsMean() {
        List<CanaryReading> base = List.of(new CanaryReading("start", 0, 200, 100, null, null, 0), new CanaryReading("end", 600, 200, 0, null, null, 0));
        List<CanaryReading> other = List.of(new CanaryReading("start", 0, 100, 50, null, null, 0));
        Canary c = Canary.between(List.of(base), List.of(other));
        // memory: base 100 ns per load (the 0 left out) over other 50 = 2; with the 0 it would be 50 / 50 = 1
        assertEquals(2.0, c.memory(), 1e-12);
        assertEquals(0.5, c.cpu(), 1e-12);
    }
}
