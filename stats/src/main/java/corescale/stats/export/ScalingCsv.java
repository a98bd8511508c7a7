package corescale.stats.export;

import static corescale.stats.io.CsvNumbers.format;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import corescale.stats.io.ParamColumns;
import corescale.stats.report.Wording;
import corescale.stats.scaling.AmdahlFit;
import corescale.stats.scaling.CurveKey;
import corescale.stats.scaling.ErrorModel;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;
import corescale.stats.scaling.UslFit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes {@code scaling.csv}: one row per {@link ScalingCurve}.
 *
 * <p>Columns: first the fixed ones (docs/design.md),
 * {@code benchmark,variant,params,axis,points,n_max,speedup_at_max,efficiency_at_max,sigma,sigma_low,
 * sigma_high,kappa,kappa_low,kappa_high,lambda,n_star,x_max,r2}, then
 * {@code family,mode,unit,cores,baseline_n,karp_flatt_at_max,amdahl_serial,amdahl_low,amdahl_high,
 * amdahl_r2,n_star_low,n_star_high,x_max_low,x_max_high,peak,lack_of_fit,fit_note,error_model,speedup_low,
 * speedup_high}, then
 * one column per parameter of the curves ({@link ParamColumns}).
 *
 * <p>A value that does not exist is an <b>empty cell</b>, never {@code NaN} or {@code Infinity}: the
 * USL columns when there is no fit, {@code n_star} when the curve has no peak (κ = 0 or σ ≥ 1),
 * {@code n_star_high} when the data set no upper bound (κ's interval reaches 0), {@code x_max_low/high}
 * without a finite N*, {@code cores} on the cores axis, {@code karp_flatt_at_max} when n_max is the
 * baseline, {@code lack_of_fit} when the curve has no replicates and shows no lack of fit (it cannot be
 * tested), {@code error_model} when neither fit was made. {@code fit_note} says why, in the report's
 * words ({@link Wording#fitNote}), and says what {@code peak} ({@code measured}, {@code extrapolated},
 * {@code none}) means for the curve.
 *
 * <p>{@code error_model} names what both fits of the curve minimised ({@link ErrorModel#forObservations}):
 * {@code relative} (least squares on log X over every fork mean: the curve has replicates) or
 * {@code absolute} (ordinary least squares on X over one value per N, as the published USL fits).
 * Intervals are 95% profile-likelihood intervals on that scale (see {@link corescale.stats.scaling.UslFitter}); {@code r2} and
 * {@code amdahl_r2} are on it too (log throughput, or throughput).
 * {@code lambda} and {@code x_max} are in {@code unit}; {@code speedup_at_max} and
 * {@code efficiency_at_max} are relative to {@code baseline_n}; {@code speedup_low/high} are the 95%
 * interval of {@code speedup_at_max} that the report quotes ({@link ScalingPoint#speedupLow}), empty
 * where it has none (one fork on a side, several baseline points). Numbers as in every CSV here
 * ({@link corescale.stats.io.CsvNumbers}).
 *
 * <p>Writes to a {@link Writer} and flushes it; making the file appear atomically is the caller's job.
 */
public final class ScalingCsv {

    /** The column names, in order. */
    public static final List<String> HEADER = List.of(
            "benchmark", "variant", "params", "axis", "points", "n_max", "speedup_at_max", "efficiency_at_max",
            "sigma", "sigma_low", "sigma_high", "kappa", "kappa_low", "kappa_high", "lambda", "n_star", "x_max", "r2",
            "family", "mode", "unit", "cores", "baseline_n", "karp_flatt_at_max",
            "amdahl_serial", "amdahl_low", "amdahl_high", "amdahl_r2",
            "n_star_low", "n_star_high", "x_max_low", "x_max_high", "peak", "lack_of_fit", "fit_note",
            "error_model", "speedup_low", "speedup_high");

    private ScalingCsv() {
    }

    /** Writes the header and one row per curve, in the given order. */
    public static void write(List<ScalingCurve> curves, Writer out) throws IOException {
        ParamColumns params = ParamColumns.of(curves.stream().map(c -> c.key().params()).toList(), HEADER);
        List<String> header = new ArrayList<>(HEADER);
        header.addAll(params.headers());
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\n")
                .build();
        CSVPrinter printer = new CSVPrinter(out, format);
        for (ScalingCurve c : curves) {
            List<String> row = row(c);
            row.addAll(params.values(c.key().params()));
            printer.printRecord(row);
        }
        printer.flush();
    }

    /** The cells of one curve's row, as written. */
    static List<String> row(ScalingCurve c) {
        CurveKey k = c.key();
        UslFit u = c.usl();
        AmdahlFit a = c.amdahl();
        ScalingPoint max = c.atMax();
        List<String> row = new ArrayList<>(HEADER.size());
        row.add(k.benchmark());
        row.add(k.variant());
        row.add(k.params());
        row.add(k.axis().csvName());
        row.add(Integer.toString(c.points().size()));
        row.add(format(c.nMax()));
        row.add(max == null ? "" : format(max.speedup()));
        row.add(max == null ? "" : format(max.efficiency()));
        row.add(format(u.sigma()));
        row.add(format(u.contention().low()));
        row.add(format(u.contention().high()));
        row.add(format(u.kappa()));
        row.add(format(u.coherency().low()));
        row.add(format(u.coherency().high()));
        row.add(format(u.lambda()));
        row.add(format(u.nStar()));
        row.add(format(u.peakThroughput().value()));
        row.add(format(u.rSquared()));
        row.add(k.family());
        row.add(k.mode().jmhName());
        row.add(c.unit());
        row.add(k.fixedCores().isPresent() ? Integer.toString(k.fixedCores().getAsInt()) : "");
        row.add(format(c.baselineN()));
        row.add(max == null ? "" : format(max.karpFlatt()));
        row.add(format(a.serialFraction()));
        row.add(format(a.low()));
        row.add(format(a.high()));
        row.add(format(a.rSquared()));
        row.add(format(u.peakConcurrency().low()));
        row.add(format(u.peakConcurrency().high()));
        row.add(format(u.peakThroughput().low()));
        row.add(format(u.peakThroughput().high()));
        row.add(u.peak().csvName());
        row.add(u.lackOfFitTested() ? Boolean.toString(u.lackOfFitFound()) : "");
        row.add(Wording.fitNote(c));
        row.add(c.errors() == null ? "" : c.errors().csvName());
        row.add(max == null ? "" : format(max.speedupLow()));
        row.add(max == null ? "" : format(max.speedupHigh()));
        return row;
    }
}
