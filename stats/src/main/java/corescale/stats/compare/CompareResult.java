package corescale.stats.compare;

import corescale.stats.run.Canary;

import java.util.List;

/**
 * The comparison of one other side against the base side.
 *
 * @param base       name of the base (a run, runs joined by commas, or a configuration)
 * @param other      name of the other
 * @param design     how the sides were replicated, which decided the test
 * @param baseRuns   runs on the base side (1 for a run or a configuration)
 * @param otherRuns  runs on the other side
 * @param points     every point of either side, matched or not (unmatched: verdict only_base/only_other)
 * @param families   geometric mean of the matched ratios per family
 * @param curves     curve-by-curve comparison, when the core counts differ; else empty
 * @param mismatches differences in machine or JDK between the sides, one line each
 * @param canary     the other side's machine speed on the canary over the base's; {@link Canary#NONE}
 *                   when a side has no readings or both are one run (configurations)
 * @param notes      what the comparison left out or chose, one line each (forks without a partner
 *                   dropped, curves from first runs)
 */
public record CompareResult(String base, String other, Design design, int baseRuns, int otherRuns,
                            List<PointComparison> points, List<FamilyGeomean> families, List<CurveComparison> curves,
                            List<String> mismatches, Canary canary, List<String> notes) {

    public CompareResult {
        points = List.copyOf(points);
        families = List.copyOf(families);
        curves = List.copyOf(curves);
        mismatches = List.copyOf(mismatches);
        notes = List.copyOf(notes);
    }

    /** Geometric mean of the ratios of one family's matched points. */
    public record FamilyGeomean(String family, int points, double geomean) {
    }

    public boolean anySlower() {
        return points.stream().anyMatch(p -> p.verdict() == Verdict.SLOWER);
    }
}
