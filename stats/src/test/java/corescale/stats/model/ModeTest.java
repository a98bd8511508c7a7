package corescale.stats.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ModeTest {

    /** JMH's short names and its long ones (Mode.longLabel: Throughput, AverageTime, SampleTime, SingleShotTime). */
    @Test
    void parsesJmhsShortAndLongNames() {
        assertEquals(Mode.THROUGHPUT, Mode.parse("thrpt"));
        assertEquals(Mode.THROUGHPUT, Mode.parse("Throughput"));
        assertEquals(Mode.AVERAGE_TIME, Mode.parse("avgt"));
        assertEquals(Mode.AVERAGE_TIME, Mode.parse("AverageTime"));
        assertEquals(Mode.SAMPLE_TIME, Mode.parse("sample"));
        assertEquals(Mode.SAMPLE_TIME, Mode.parse("SampleTime"));
        assertEquals(Mode.SINGLE_SHOT, Mode.parse("ss"));
        assertEquals(Mode.SINGLE_SHOT, Mode.parse("SingleShotTime"));
    }

    @Test
    void anUnknownModeIsNamedInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mode.parse("fast"));
        assertEquals("unknown benchmark mode 'fast'", e.getMessage());
    }
}
