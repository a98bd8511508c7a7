package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import picocli.CommandLine.TypeConversionException;

/** {@code run --prof NAME[:OPTS]}: JMH's own factory decides, before anything runs, whether a profiler can run here. */
class ProfilerOptionTest {

    private final Converters.Profiler converter = new Converters.Profiler();

    @Test
    void aProfilerThatRunsInAForkIsKeptAsGiven() {
        assertEquals("gc", converter.convert("gc"));
        assertEquals("stack:lines=5", converter.convert("stack:lines=5"));
    }

    @Test
    void anUnknownProfilerIsRefusedInOneLineNamingIt() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert("nosuch"));
        assertEquals("nosuch: no JMH profiler has that name ('java -jar benchmarks.jar jmh -lprof' lists them)", e.getMessage());
    }

    @Test
    void badOptionsOfAKnownProfilerAreRefusedInOneLine() {
        TypeConversionException e = assertThrows(TypeConversionException.class, () -> converter.convert("stack:nosuchoption=1"));
        assertTrue(e.getMessage().startsWith("stack:nosuchoption=1: cannot run here: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
