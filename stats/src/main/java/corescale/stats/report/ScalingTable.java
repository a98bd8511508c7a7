package corescale.stats.report;

import corescale.stats.scaling.LackOfFit;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.CurveKey;
import corescale.stats.scaling.ErrorModel;
import corescale.stats.scaling.Estimate;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;
import corescale.stats.scaling.UslFit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.ArrayList;

/** The report's "Scaling" section: one row per curve, with its speedup, efficiency and USL fit. */
final class ScalingTable {

    private ScalingTable() {
    }

    static void add(Doc doc, List<ScalingCurve> curves) {
        doc.h(1, "Scaling");
        doc.p("One row per curve. Speedup and efficiency at the largest N are relative to the smallest N measured (N0); "
                + "efficiency is per processor added, so threads beyond the cores have none (–). "
                + "σ (contention) and κ (coherency) are USL fits " + fits(curves) + ", with " + Fmt.LEVEL + " "
                + "profile-likelihood intervals. N* is the N of peak throughput with its interval; peak says whether it "
                + "was measured (inside the measured N, κ's interval above 0), extrapolated (beyond the measured N, "
                + "or κ's interval reaches 0: a guess, not a finding) or none (∞: the curve keeps rising; or the USL "
                + "does not fit)." + (any(curves, ErrorModel.ABSOLUTE) ? " A curve with one value per N has no "
                + "replicates to measure its noise, so whether the USL fits it cannot be tested (the note says so); "
                + "lack of fit is flagged only when its deviations, " + Fmt.pct(LackOfFit.MIN_RMS) + " RMS or more, follow a pattern in N." : "")
                + " " + rSquared(curves) + " The USL needs at least "
                + UslFit.MIN_DISTINCT_N + " distinct N.");
        // A reason shared by several curves that have no fit is said once, above the table, not on every row.
        Map<String, Long> unfitted = curves.stream().filter(c -> !c.usl().fitted())
                .collect(Collectors.groupingBy(c -> Wording.usl(c.usl()), java.util.TreeMap::new, Collectors.counting()));
        unfitted.values().removeIf(n -> n < 2);
        unfitted.forEach((reason, n) -> doc.p(n + " curves have " + reason + "."));
        boolean anyFit = curves.stream().anyMatch(c -> c.usl().fitted());
        Doc.TableBuilder t = new Doc.TableBuilder().text("benchmark").text("variant").text("params").text("axis")
                .num("N0–Nmax").num("speedup at Nmax (×)").num("efficiency at Nmax");
        if (anyFit) {
            t.num("σ [" + Fmt.LEVEL + " CI]").num("κ [" + Fmt.LEVEL + " CI]").num("N* [" + Fmt.LEVEL + " CI]").text("peak").num("R²");
        }
        t.text("note");
        boolean mixed = any(curves, ErrorModel.RELATIVE) && any(curves, ErrorModel.ABSOLUTE);
        for (ScalingCurve c : curves.stream().sorted(Comparator.comparing(ScalingCurve::key)).toList()) {
            CurveKey k = c.key();
            ScalingPoint max = c.atMax();
            UslFit u = c.usl();
            String axis = k.axis() == Axis.CORES ? "cores" : "threads on " + k.fixedCores().getAsInt() + "c";
            String model = mixed && c.errors() == ErrorModel.ABSOLUTE ? ABSOLUTE_NOTE : "";
            String uslNote = Wording.usl(u);
            String fitNote = unfitted.containsKey(uslNote) ? "" : uslNote;
            String note = Wording.join(List.of(model, Wording.curveNotes(c), fitNote, Wording.lackOfFitFound(u)));
            List<String> row = new ArrayList<>(List.of(k.benchmark(), k.variant(), k.params(), axis,
                    max == null ? "–" : Fmt.n(c.baselineN()) + "–" + Fmt.n(c.nMax()),
                    max == null ? "–" : Fmt.num3(max.speedup()),
                    max == null ? "–" : Fmt.pct(max.efficiency())));
            if (anyFit) {
                row.addAll(List.of(Fmt.withInterval(u.sigma(), u.contention().low(), u.contention().high()),
                        Fmt.withInterval(u.kappa(), u.coherency().low(), u.coherency().high()),
                        nStar(u),
                        u.fitted() ? u.peak().csvName() : "–",
                        u.fitted() ? Fmt.num3(u.rSquared()) : "–"));
            }
            row.add(note);
            t.row(row);
        }
        if (t.isEmpty()) {
            doc.p("No scaling curves.");
        } else {
            doc.table(t.build());
        }
    }

    /** The note of a curve fitted with absolute error in a table that also has relative fits. */
    static final String ABSOLUTE_NOTE = "absolute error: one value per N";

    private static boolean any(List<ScalingCurve> curves, ErrorModel errors) {
        return curves.stream().anyMatch(c -> c.errors() == errors);
    }

    /** What the fits minimised, for the error models of these curves only. */
    private static String fits(List<ScalingCurve> curves) {
        String relative = "to every fork mean with relative error (least squares on log throughput)";
        String absolute = "to the one value per N by ordinary least squares on throughput (absolute error), "
                + "as the published USL fits";
        boolean rel = any(curves, ErrorModel.RELATIVE);
        boolean abs = any(curves, ErrorModel.ABSOLUTE);
        if (rel && abs) {
            return relative + " where a curve has forks, and " + absolute
                    + " where it has none (the note says \"" + ABSOLUTE_NOTE + "\")";
        }
        return abs ? absolute : relative;
    }

    private static String rSquared(List<ScalingCurve> curves) {
        boolean rel = any(curves, ErrorModel.RELATIVE);
        boolean abs = any(curves, ErrorModel.ABSOLUTE);
        return rel && abs ? "R² is on the fit's scale (log throughput or throughput)."
                : abs ? "R² is on throughput." : "R² is on log throughput.";
    }

    /** N* with its interval; ∞ where there is no peak or no upper bound. */
    private static String nStar(UslFit u) {
        Estimate e = u.peakConcurrency();
        if (!u.fitted() || Double.isNaN(e.value())) {
            return "–";
        }
        String est = Double.isInfinite(e.value()) ? "∞" : Fmt.num3(e.value());
        if (Double.isNaN(e.low())) {
            return est;
        }
        return est + " [" + Fmt.num3(e.low()) + ", " + (Double.isInfinite(e.high()) ? "∞" : Fmt.num3(e.high())) + "]";
    }
}
