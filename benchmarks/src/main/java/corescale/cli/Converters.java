package corescale.cli;

import java.time.Duration;

import org.openjdk.jmh.runner.options.TimeValue;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters for the time and percentage options; a bad value is a usage error naming the option. */
final class Converters {

    private Converters() {
    }

    /** JMH's own time syntax, as its -w and -r take it: {@code 500ms}, {@code 1s}, {@code 2m}, {@code 1hr}; a bare number is seconds. */
    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                TimeValue t = TimeValue.fromString(text.trim());
                return Duration.of(t.getTime(), t.getTimeUnit().toChronoUnit());
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("not a time: '" + text + "' (use e.g. 500ms, 1s, 2m)");
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
                throw new TypeConversionException("not a percentage: '" + text + "' (use e.g. 3% or 0.03)");
            }
            if (!(value > 0 && value < 1)) {
                throw new TypeConversionException("must be between 0% and 100%, not '" + text + "'");
            }
            return value;
        }
    }
}
