package corescale.stats.compare;

import corescale.stats.model.PointKey;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import static corescale.stats.io.Numbers.format;

/**
 * Writes {@code compare.csv}. The {@code kind} column says what a row is: {@code point} (matched,
 * or found in one run only: verdict {@code only_base}/{@code only_other}), {@code family} (geometric
 * mean of the family's ratios), {@code curve} (runs with different core counts, per core at each
 * run's most cores; {@code cores} is the base's, the note names the other's) and {@code mismatch}
 * (machine or JDK differ). Ratios above 1 mean OTHER is faster.
 */
public final class CompareCsv {

    public static final List<String> HEADER = List.of("kind", "base", "other", "family", "benchmark", "variant", "params",
            "cores", "threads", "mode", "unit", "base_mean", "other_mean", "ratio", "ratio_low", "ratio_high",
            "welch_p", "verdict", "note");

    private CompareCsv() {
    }

    public static void write(List<CompareResult> results, Writer out) throws IOException {
        CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build());
        p.printRecord(HEADER);
        for (CompareResult r : results) {
            for (String m : r.mismatches()) {
                p.printRecord("mismatch", r.base(), r.other(), "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", m);
            }
            for (PointComparison c : r.points()) {
                PointKey k = c.key();
                p.printRecord("point", r.base(), r.other(), k.family(), k.benchmark(), k.variant(), k.params(), k.cores(),
                        k.threads(), c.mode().jmhName(), c.unit(), format(c.baseMean()), format(c.otherMean()),
                        format(c.ratio().value()), format(c.ratio().low()), format(c.ratio().high()), format(c.welchP()),
                        c.verdict().label(), c.note());
            }
            for (CompareResult.FamilyGeomean f : r.families()) {
                p.printRecord("family", r.base(), r.other(), f.family(), "", "", "", "", "", "", "", "", "",
                        format(f.geomean()), "", "", "", "", "geometric mean of " + f.points() + " point ratios");
            }
            for (CurveComparison c : r.curves()) {
                p.printRecord("curve", r.base(), r.other(), c.family(), c.benchmark(), c.variant(), c.params(), c.baseCores(),
                        "", "thrpt", "ops/us/core", format(c.basePerCore()), format(c.otherPerCore()),
                        format(c.ratio().value()), format(c.ratio().low()), format(c.ratio().high()), "", "",
                        "per core at most cores: base " + c.baseCores() + ", other " + c.otherCores()
                                + (c.note().isEmpty() ? "" : "; " + c.note())
                                + "; USL base: " + CurveComparison.describe(c.baseUsl())
                                + "; USL other: " + CurveComparison.describe(c.otherUsl()));
            }
        }
        p.flush();
    }
}
