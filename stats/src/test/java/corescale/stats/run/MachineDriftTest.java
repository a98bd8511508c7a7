package corescale.stats.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import corescale.stats.run.RunFile.CanaryReading;

/** σ² of the machine's state within one run, from its canary readings, against numpy. */
class MachineDriftTest {

    private static CanaryReading reading(double cpu, double... cpuForks) {
        return new CanaryReading("start", 0, cpu, 100, java.util.Arrays.stream(cpuForks).boxed().toList(),
                List.of(100.0, 100.0, 100.0), 1L << 30);
    }

    @Test
    void oneRunsStateVarianceIsItsReadingsSpreadLessTheirForksAsNumpyHasIt() {
        // numpy: var(log [229, 214, 233], ddof=1) − mean(var(log forks, ddof=1)) / 3
        List<CanaryReading> run = List.of(reading(229, 232, 228, 227), reading(214, 216, 213, 213), reading(233, 236, 232, 231));
        assertEquals(0.0019845891902647893, MachineDrift.stateVariance(List.of(run)), 1e-12);
    }

    @Test
    void fewerThanTwoReadingsSayNothing() {
        assertTrue(Double.isNaN(MachineDrift.stateVariance(List.of(List.of(reading(229, 232, 228, 227))))));
        assertTrue(Double.isNaN(MachineDrift.stateVariance(List.of())));
    }
}
