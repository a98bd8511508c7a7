package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The JMH option names corescale knows are the ones JMH's own parser takes. */
class JmhOptionsTest {

    /** Values of every kind JMH's options take: counts, times, formats, modes, units, flags, parameters. */
    private static final List<String> SAMPLE_VALUES = List.of("1", "1s", "json", "thrpt", "ns", "true", "INDI", "EXTRA", "k=1", "x");

    private static boolean jmhTakes(String option) {
        return JmhOptions.problem(List.of(option)).isEmpty()
                || SAMPLE_VALUES.stream().anyMatch(v -> JmhOptions.problem(List.of(option, v)).isEmpty());
    }

    @Test
    void everyNameIsAnOptionOfJmhsParser() {
        List<String> notJmhs = JmhOptions.NAMES.stream().filter(o -> !jmhTakes(o)).toList();
        assertEquals(List.of(), notJmhs);
        assertFalse(jmhTakes("-nosuch"), "the check tells a JMH option from another word");
    }

    @Test
    void aJmhCommandLineHasAnOptionAndJmhTakesAllOfIt() {
        assertTrue(JmhOptions.isJmhCommandLine(List.of("Counters", "-f", "1")));
        assertFalse(JmhOptions.isJmhCommandLine(List.of("Counters")), "a filter alone is run's");
        assertFalse(JmhOptions.isJmhCommandLine(List.of("Counters", "-f", "1", "--quick")));
        assertEquals("quick is not a recognized option", JmhOptions.problem(List.of("--quick")).orElseThrow());
    }
}
