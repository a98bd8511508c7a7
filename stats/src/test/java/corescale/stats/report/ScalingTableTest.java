package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.scaling.ScalingCurves;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scaling section describes the fit each curve got: relative error on forks, absolute on one value per N. */
class ScalingTableTest {

    /** A curve over cores 1..16 of a USL, with two forks per point or (pooled) none. */
    private static List<PointSummary> curve(String variant, boolean forks) {
        List<PointSummary> out = new ArrayList<>();
        for (int c : new int[] {1, 2, 4, 8, 16}) {
            double x = 10 * c / (1 + 0.05 * (c - 1) + 0.002 * c * (c - 1));
            PointKey key = new PointKey("counters", "Counters.increment", variant, "", c, c, Mode.THROUGHPUT);
            out.add(new PointSummary(key.withMode(Mode.THROUGHPUT), "ops/us", forks ? 2 : 1, 10, x, 0.98 * x, 1.02 * x,
                    forks ? 0.02 : Double.NaN, false, forks ? new double[] {0.98 * x, 1.02 * x} : new double[0], List.of()));
        }
        return out;
    }

    private static String section(List<PointSummary> points) {
        Doc doc = new Doc("t", "t");
        ScalingTable.add(doc, ScalingCurves.of(points, k -> false));
        return MarkdownReport.render(doc);
    }

    @Test
    void forkCurvesAreDescribedAsRelativeErrorFits() {
        String md = section(curve("lock", true));
        assertTrue(md.contains("to every fork mean with relative error"), md);
        assertTrue(md.contains("R² is on log throughput."), md);
        assertFalse(md.contains("absolute error"), md);
    }

    @Test
    void curvesWithOneValuePerNAreDescribedAsAbsoluteErrorFitsWithLackOfFitUntested() {
        String md = section(curve("lock", false));
        assertTrue(md.contains("by ordinary least squares on throughput (absolute error)"), md);
        assertTrue(md.contains("cannot be tested"), md);
        assertTrue(md.contains("R² is on throughput."), md);
        assertFalse(md.contains("relative error"), md);
        assertTrue(md.contains("lack of fit untested: one observation per N"), md);
    }

    @Test
    void aMixedTableSaysWhichCurveIsWhich() {
        List<PointSummary> points = new ArrayList<>(curve("lock", true));
        points.addAll(curve("pooled", false));
        String md = section(points);
        assertTrue(md.contains("relative error") && md.contains("absolute error"), md);
        String pooledRow = md.lines().filter(l -> l.contains("| pooled |")).findFirst().orElseThrow();
        assertTrue(pooledRow.contains(ScalingTable.ABSOLUTE_NOTE), pooledRow);
        String lockRow = md.lines().filter(l -> l.contains("| lock |")).findFirst().orElseThrow();
        assertFalse(lockRow.contains(ScalingTable.ABSOLUTE_NOTE), lockRow);
    }

    /** Curves too short for the USL say why once, above the table, and the table drops the fit's columns. */
    @Test
    void aReasonForNoFitSharedByCurvesIsSaidOnce() {
        List<PointSummary> points = new ArrayList<>();
        for (String variant : List.of("a", "b", "c")) {
            points.addAll(curve(variant, true).subList(0, 2)); // 1 and 2 cores only
        }
        String md = section(points);
        assertEquals(1, md.split("no USL fit", -1).length - 1, md);
        assertTrue(md.contains("3 curves have no USL fit: 2 distinct N"), md);
        assertFalse(md.contains("σ [95% CI]"), "no curve fitted: no column of fit results\n" + md);
    }
}
