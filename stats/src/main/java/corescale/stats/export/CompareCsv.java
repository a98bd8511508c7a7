package corescale.stats.export;

import corescale.stats.compare.CompareNote;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.CurveComparison;
import corescale.stats.compare.Mismatch;
import corescale.stats.compare.PointComparison;
import corescale.stats.io.ParamColumns;
import corescale.stats.report.Wording;
import corescale.stats.model.Curve;
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
 * or found on one side only: verdict {@code only_base}/{@code only_other}), {@code family} (geometric
 * mean of the family's ratios), {@code curve} (runs with different largest core counts, per core at each
 * run's most cores; {@code cores} is the base's, the note names the other's; {@code mode} the points', a
 * time mode's as throughput), {@code canary} (the
 * other side's machine speed on the canary over the base's, {@code variant} {@code cpu} or
 * {@code memory}, above 1 faster), {@code drift} (one run a side: e^τ, the factor by which a point's
 * ratio strays from run to run with nothing changed, from the canary; in every point's interval),
 * {@code mismatch} (machine or JDK differ) and {@code note} (what the
 * comparison dropped or chose). Ratios above 1 mean OTHER is faster. {@code p_change} is the p of no
 * change, {@code q_change} the same adjusted over the comparison's points (Benjamini–Hochberg),
 * {@code p_same} the equivalence test's p at ±threshold. {@code design} is how the sides were
 * replicated ({@code forks}: one run a side; {@code paired}: configurations of one run, forks paired
 * by round; {@code runs}: replicate runs; on a point row, the point's own test, {@code forks} for a
 * point found in one run of each side), and {@code n_base}/{@code n_other} the forks, pairs or runs
 * a point's test used; see stats/STATISTICS.md. After these columns, one per parameter of the points
 * and curves ({@link ParamColumns}), filled on their rows.
 */
public final class CompareCsv {

    public static final List<String> HEADER = List.of("kind", "base", "other", "family", "benchmark", "variant", "params",
            "cores", "threads", "mode", "unit", "base_mean", "other_mean", "ratio", "ratio_low", "ratio_high",
            "p_change", "q_change", "p_same", "verdict", "note", "design", "n_base", "n_other");

    private CompareCsv() {
    }

    public static void write(List<CompareResult> results, Writer out) throws IOException {
        List<String> packed = new ArrayList<>();
        results.forEach(r -> {
            r.points().forEach(c -> packed.add(c.key().params()));
            r.curves().forEach(c -> packed.add(c.curve().params()));
        });
        ParamColumns params = ParamColumns.of(packed, HEADER);
        Rows p = new Rows(new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build()), params);
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(params.headers());
        p.printer().printRecord(header);
        for (CompareResult r : results) {
            String design = r.design().label();
            for (Mismatch m : r.mismatches()) {
                p.printRecord("", row("kind", "mismatch", "base", r.base(), "other", r.other(),
                        "note", Wording.mismatch(r, m), "design", design));
            }
            for (CompareNote n : r.notes()) {
                p.printRecord("", row("kind", "note", "base", r.base(), "other", r.other(),
                        "note", Wording.compare(n), "design", design));
            }
            for (PointComparison c : r.points()) {
                PointKey k = c.key();
                p.printRecord(k.params(), "point", r.base(), r.other(), k.family(), k.benchmark(), k.variant(), k.params(), k.cores(),
                        k.threads(), c.mode().jmhName(), c.unit(), format(c.baseMean()), format(c.otherMean()),
                        format(c.ratio().value()), format(c.ratio().low()), format(c.ratio().high()), format(c.pChange()),
                        format(c.qChange()), format(c.pSame()), c.verdict().label(), Wording.compare(c.notes()), c.design().label(),
                        c.nBase() == 0 ? "" : c.nBase(), c.nOther() == 0 ? "" : c.nOther());
            }
            for (CompareResult.FamilyGeomean f : r.families()) {
                p.printRecord("", row("kind", "family", "base", r.base(), "other", r.other(), "family", f.family(),
                        "ratio", format(f.geomean()), "note", Wording.familyNote(f.points()),
                        "design", design));
            }
            if (r.runToRun().estimated()) {
                p.printRecord("", row("kind", "drift", "base", r.base(), "other", r.other(),
                        "ratio", format(1 + r.runToRun().relative()), "note", Wording.driftNote(), "design", r.design().label()));
            }
            canary(p, r, "cpu", r.canary().cpu());
            canary(p, r, "memory", r.canary().memory());
            for (CurveComparison c : r.curves()) {
                Curve k = c.curve();
                p.printRecord(k.params(), row("kind", "curve", "base", r.base(), "other", r.other(), "family", k.family(),
                        "benchmark", k.benchmark(), "variant", k.variant(), "params", k.params(),
                        "cores", Integer.toString(c.baseCores()), "mode", k.mode().jmhName(), "unit", "ops/us/core",
                        "base_mean", format(c.basePerCore()), "other_mean", format(c.otherPerCore()),
                        "ratio", format(c.ratio().value()), "ratio_low", format(c.ratio().low()),
                        "ratio_high", format(c.ratio().high()),
                        "note", Wording.curveNote(c),
                        "design", design));
            }
        }
        p.printer().flush();
    }

    private static void canary(Rows p, CompareResult r, String kernel, double ratio) throws IOException {
        if (Double.isFinite(ratio)) {
            p.printRecord("", row("kind", "canary", "base", r.base(), "other", r.other(), "variant", kernel,
                    "ratio", format(ratio), "note", Wording.canaryNote(kernel), "design", r.design().label()));
        }
    }

    /** Prints rows of compare.csv's own columns, each followed by its parameter columns. */
    private record Rows(CSVPrinter printer, ParamColumns params) {

        /** A point's or curve's row, with the parameters of {@code packedParams} (empty for other kinds of row). */
        void printRecord(String packedParams, Object... cells) throws IOException {
            printRecord(packedParams, Arrays.asList(cells));
        }

        void printRecord(String packedParams, List<?> cells) throws IOException {
            List<Object> all = new ArrayList<>(cells);
            all.addAll(params.values(packedParams));
            printer.printRecord(all);
        }
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
