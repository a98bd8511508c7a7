package corescale.cli;

import java.math.BigInteger;
import java.time.Duration;

import org.openjdk.jmh.runner.options.TimeValue;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for the time and percentage options; a bad value is a usage error, its message
 * written to follow the option's name ({@code --budget needs a unit, e.g. 10m or 600s}).
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
        private static final BigInteger SECONDS_A_MINUTE = BigInteger.valueOf(60);

        @Override
        public Duration convert(String text) {
            String t = text.trim();
            if (t.matches("\\d+") && !t.matches("0+")) {
                throw new TypeConversionException("needs a unit, e.g. " + t + "m or " + new BigInteger(t).multiply(SECONDS_A_MINUTE) + "s");
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
            if (!(value > 0 && value < 1)) {
                throw new TypeConversionException("must be between 0% and 100%, not '" + text + "'");
            }
            return value;
        }
    }
}
