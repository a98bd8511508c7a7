package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {

    @Test
    void timesTakeJmhsSyntax() {
        Converters.Time time = new Converters.Time();
        assertEquals(Duration.ofMillis(500), time.convert("500ms"));
        assertEquals(Duration.ofMinutes(30), time.convert("30m"));
        assertEquals(Duration.ofHours(2), time.convert("2hr"));
        assertEquals(Duration.ZERO, time.convert("0"), "no time needs no unit");
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> time.convert("soon"));
        assertEquals("'soon' is not a time (use e.g. 500ms, 1s, 2m)", e.getMessage());
    }

    @Test
    void aNumberWithoutAUnitIsRefusedNotTakenAsSeconds() {
        Converters.Time time = new Converters.Time();
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> time.convert("10"));
        assertEquals("needs a unit (10ms, 10s or 10m)", e.getMessage());
        assertThrows(TypeConversionException.class, () -> time.convert("99999999999999999999"), "beyond a long too");
    }

    @Test
    void fractionsTakePercentOrDecimalStrictlyBetweenZeroAndOne() {
        Converters.Fraction fraction = new Converters.Fraction();
        assertEquals(0.03, fraction.convert("3%"), 1e-15);
        assertEquals(0.03, fraction.convert("0.03"), 1e-15);
        assertThrows(TypeConversionException.class, () -> fraction.convert("0%"));
        assertThrows(TypeConversionException.class, () -> fraction.convert("150%"));
        assertThrows(TypeConversionException.class, () -> fraction.convert("three"));
        // a bare 3 meant as 3%: the message says how it was read and what to write
        assertEquals("'3' is read as 300%; write 3% or 0.03 for 3%",
                assertThrows(TypeConversionException.class, () -> fraction.convert("3")).getMessage());
    }

    @Test
    void aBadValueIsAUsageErrorThatNamesTheOption() {
        CommandLine cli = new CommandLine(new RunCommand());
        CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
                () -> cli.parseArgs("--budget", "soon"));
        assertTrue(e.getMessage().contains("'--budget'") && e.getMessage().contains("'soon' is not a time"), e.getMessage());
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("-r", "100ms", "--precision", "2%");
        assertEquals(Duration.ofMillis(100), run.iterationTime);
        assertEquals(0.02, run.precision, 1e-15);
    }
}
