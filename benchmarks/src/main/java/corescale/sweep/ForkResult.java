package corescale.sweep;

import java.util.List;

import corescale.results.ResultRow;

/**
 * The measured iterations of one fork of a point, and their mean: the unit the precision loop
 * works with, since iterations inside a fork are not independent of each other.
 */
public record ForkResult(List<ResultRow> rows, double mean) {

    public ForkResult {
        rows = List.copyOf(rows);
    }

    static ForkResult of(List<ResultRow> rows) {
        return new ForkResult(rows, rows.stream().mapToDouble(ResultRow::score).average().orElse(Double.NaN));
    }
}
