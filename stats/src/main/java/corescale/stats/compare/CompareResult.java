package corescale.stats.compare;

import java.util.List;

/**
 * The comparison of one other run against the base run.
 *
 * @param base       name of the base run
 * @param other      name of the other run
 * @param points     every point of either run, matched or not (unmatched: verdict only_base/only_other)
 * @param families   geometric mean of the matched ratios per family
 * @param curves     curve-by-curve comparison, when the runs' core counts differ; else empty
 * @param mismatches differences in machine or JDK between the runs, one line each
 */
public record CompareResult(String base, String other, List<PointComparison> points, List<FamilyGeomean> families,
                            List<CurveComparison> curves, List<String> mismatches) {

    /** Geometric mean of the ratios of one family's matched points. */
    public record FamilyGeomean(String family, int points, double geomean) {
    }

    public boolean anySlower() {
        return points.stream().anyMatch(p -> p.verdict() == Verdict.SLOWER);
    }
}
