package corescale.cli;

import java.time.Duration;

import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.TimeValue;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import corescale.stats.io.TextNumbers;

/**
 * picocli converters for the time, percentage and profiler options; a bad value is a usage error, its
 * message written to follow the option's name ({@code --budget needs a unit (10ms, 10s or 10m)}).
 */
final class Converters {

    private Converters() {
    }

    /**
     * JMH's own time syntax, as its -w and -r take it: {@code 500ms}, {@code 1s}, {@code 2m},
     * {@code 1hr}. A bare number other than 0 is refused: JMH would read {@code --budget 10} as
     * 10 seconds where 10 minutes was meant.
     */
    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String t = text.trim();
            if (t.matches("\\d+") && !t.matches("0+")) {
                throw new TypeConversionException("needs a unit (" + t + "ms, " + t + "s or " + t + "m)");
            }
            try {
                TimeValue value = TimeValue.fromString(t);
                return Duration.of(value.getTime(), value.getTimeUnit().toChronoUnit());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + text + "' is not a time (use e.g. 500ms, 1s, 2m)");
            }
        }
    }

    /** {@code 3%} or {@code 0.03} → 0.03, strictly between 0 and 1. */
    static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            String t = text.trim();
            double value;
            try {
                value = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a percentage (use e.g. 3% or 0.03)");
            }
            if (!t.endsWith("%") && value >= 1 && value < 100) { // "3" meant as 3%: say how it was read
                throw new TypeConversionException("'" + text + "' is read as " + TextNumbers.percent(value) + "; write "
                        + t + "% or " + value / 100 + " for " + t + "%");
            }
            if (!(value > 0 && value < 1)) {
                throw new TypeConversionException("must be between 0% and 100%, not '" + text + "'");
            }
            return value;
        }
    }

    /**
     * A JMH profiler as {@code NAME[:OPTIONS]} (JMH's {@code -prof} syntax), kept as given. JMH's own
     * ProfilerFactory makes it here once, as a fork would: a profiler it does not know, or one that
     * cannot run on this machine (perfnorm without a usable perf, say), is refused before the run starts.
     */
    static final class Profiler implements ITypeConverter<String> {
        @Override
        public String convert(String text) {
            int colon = text.indexOf(':');
            String name = (colon < 0 ? text : text.substring(0, colon)).trim();
            String options = colon < 0 ? "" : text.substring(colon + 1);
            try {
                ProfilerFactory.getProfilerOrException(new ProfilerConfig(name, options));
            } catch (ProfilerException e) {
                if (e.getCause() instanceof ClassNotFoundException) {
                    throw new TypeConversionException(name + ": no JMH profiler has that name ('java -jar benchmarks.jar jmh -lprof' lists them)");
                }
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
                int newline = why.indexOf('\n');
                String first = newline < 0 ? why : why.substring(0, newline).strip();
                throw new TypeConversionException(text + ": cannot run here: " + (first.endsWith(".") ? first.substring(0, first.length() - 1) : first));
            }
            return text;
        }
    }
}
