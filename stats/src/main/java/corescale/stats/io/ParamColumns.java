package corescale.stats.io;

import corescale.stats.model.PointKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The tidy form of the packed {@code params} column ({@code k=v;k=v}) of summary.csv, scaling.csv and
 * compare.csv: one column per parameter that any row has, in name order, after the file's own columns
 * (the packed column stays, for the scripts that read it). A parameter named like one of the file's
 * own columns is written as {@code param.<name>}.
 *
 * @param names   the parameters, in column order
 * @param headers their column names
 */
public record ParamColumns(List<String> names, List<String> headers) {

    public ParamColumns {
        names = List.copyOf(names);
        headers = List.copyOf(headers);
    }

    /** The columns for rows with these packed params, beside a file whose own columns are {@code fixed}. */
    public static ParamColumns of(Collection<String> packedParams, List<String> fixed) {
        TreeSet<String> names = new TreeSet<>();
        packedParams.forEach(p -> names.addAll(PointKey.parseParams(p).keySet()));
        List<String> headers = new ArrayList<>();
        names.forEach(n -> headers.add(fixed.contains(n) ? "param." + n : n));
        return new ParamColumns(new ArrayList<>(names), headers);
    }

    /** A row's value in each column, empty where the row has no such parameter. */
    public List<String> values(String packedParams) {
        Map<String, String> params = PointKey.parseParams(packedParams);
        return names.stream().map(n -> params.getOrDefault(n, "")).toList();
    }
}
