package corescale.cli;

import java.time.Duration;
import java.util.Locale;

/** Parses the time and percentage arguments of the command line. */
final class Durations {

    private Durations() {
    }

    /** JMH's time syntax: {@code 500ms}, {@code 1s}, {@code 2m}; a bare number is seconds. */
    static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("us")) {
                return Duration.ofNanos(1000 * Long.parseLong(t.substring(0, t.length() - 2)));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a time: '" + text + "' (use e.g. 500ms, 1s, 2m)");
        }
    }

    /** {@code 3%} or {@code 0.03} → 0.03. */
    static double parseFraction(String text) {
        String t = text.trim();
        try {
            double value = t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1)) / 100 : Double.parseDouble(t);
            if (!(value > 0 && value < 1)) {
                throw new IllegalArgumentException("precision must be between 0% and 100%, not '" + text + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a percentage: '" + text + "' (use e.g. 3% or 0.03)");
        }
    }
}
