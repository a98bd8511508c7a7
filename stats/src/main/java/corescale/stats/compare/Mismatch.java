package corescale.stats.compare;

import java.util.List;

/**
 * A machine or JDK field whose values differ between the two sides of a comparison.
 *
 * @param field the field, as {@code run.json} and results.csv name it ({@code host}, {@code cpu_model}, ...)
 * @param base  its distinct values on the base side, sorted
 * @param other its distinct values on the other side, sorted
 */
public record Mismatch(String field, List<String> base, List<String> other) {

    public Mismatch {
        base = List.copyOf(base);
        other = List.copyOf(other);
    }
}
