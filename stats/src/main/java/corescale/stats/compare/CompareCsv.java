package corescale.stats.compare;

import corescale.stats.model.PointKey;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static corescale.stats.io.CsvNumbers.format;

/**
 * Writes {@code compare.csv}. The {@code kind} column says what a row is: {@code point} (matched,
 * or found in one run only: verdict {@code only_base}/{@code only_other}), {@code family} (geometric
 * mean of the family's ratios), {@code curve} (runs with different core counts, per core at each
 * run's most cores; {@code cores} is the base's, the note names the other's) and {@code mismatch}
 * (machine or JDK differ). Ratios above 1 mean OTHER is faster. {@code p_change} is Welch's p of no
 * change, {@code q_change} the same adjusted over the comparison's points (Benjamini–Hochberg),
 * {@code p_same} the equivalence test's p at ±threshold; see stats/STATISTICS.md.
 */
public final class CompareCsv {

    public static final List<String> HEADER = List.of("kind", "base", "other", "family", "benchmark", "variant", "params",
            "cores", "threads", "mode", "unit", "base_mean", "other_mean", "ratio", "ratio_low", "ratio_high",
            "p_change", "q_change", "p_same", "verdict", "note");

    private CompareCsv() {
    }

    public static void write(List<CompareResult> results, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
        p.printRecord(HEADER);
        for (CompareResult r : results) {
            for (String m : r.mismatches()) {
                p.printRecord(row("kind", "mismatch", "base", r.base(), "other", r.other(), "note", m));
            }
            for (PointComparison c : r.points()) {
                PointKey k = c.key();
                p.printRecord("point", r.base(), r.other(), k.family(), k.benchmark(), k.variant(), k.params(), k.cores(),
                        k.threads(), c.mode().jmhName(), c.unit(), format(c.baseMean()), format(c.otherMean()),
                        format(c.ratio().value()), format(c.ratio().low()), format(c.ratio().high()), format(c.pChange()),
                        format(c.qChange()), format(c.pSame()), c.verdict().label(), c.note());
            }
            for (CompareResult.FamilyGeomean f : r.families()) {
                p.printRecord(row("kind", "family", "base", r.base(), "other", r.other(), "family", f.family(),
                        "ratio", format(f.geomean()), "note", "geometric mean of " + f.points() + " point ratios"));
            }
            for (CurveComparison c : r.curves()) {
                p.printRecord(row("kind", "curve", "base", r.base(), "other", r.other(), "family", c.family(),
                        "benchmark", c.benchmark(), "variant", c.variant(), "params", c.params(),
                        "cores", Integer.toString(c.baseCores()), "mode", "thrpt", "unit", "ops/us/core",
                        "base_mean", format(c.basePerCore()), "other_mean", format(c.otherPerCore()),
                        "ratio", format(c.ratio().value()), "ratio_low", format(c.ratio().low()),
                        "ratio_high", format(c.ratio().high()),
                        "note", "per core at most cores: base " + c.baseCores() + ", other " + c.otherCores()
                                + (c.note().isEmpty() ? "" : "; " + c.note())
                                + "; USL base: " + CurveComparison.describe(c.baseUsl())
                                + "; USL other: " + CurveComparison.describe(c.otherUsl())));
            }
        }
        p.flush();
    }

    /** A row from column-value pairs; the other columns empty. */
    private static List<String> row(String... columnsAndValues) {
        List<String> out = new ArrayList<>(Arrays.asList(new String[HEADER.size()]));
        out.replaceAll(x -> "");
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            out.set(HEADER.indexOf(columnsAndValues[i]), columnsAndValues[i + 1]);
        }
        return out;
    }
}
