package corescale.stats.compare;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.summary.Ratio;

import java.util.List;

/**
 * One point of a comparison.
 *
 * @param key       the point
 * @param unit      unit of the means
 * @param baseMean  mean in the base (NaN when only in the other); with several runs a side, the mean of the runs' means
 * @param otherMean mean in the other (NaN when only in the base)
 * @param design    the point's own test: the comparison's design, except that a point found in one run
 *                  of each side of a replicate comparison is compared by its forks ({@link Design#FORKS})
 * @param nBase     replicates the test used on the base side: forks ({@link Design#FORKS}), pairs
 *                  ({@link Design#PAIRED}) or runs ({@link Design#RUNS}); 0 when none
 * @param nOther    the same on the other side
 * @param ratio     oriented so that above 1 means the other is faster: other/base for throughput,
 *                  base/other for time per operation; its 95% interval from the comparison's design
 * @param pChange   two-sided p of "no change"; NaN without enough replicates
 * @param qChange   {@code pChange} adjusted for the number of points compared (Benjamini–Hochberg)
 * @param pSame     p of the equivalence test (TOST) of "within ±threshold"
 * @param verdict   the verdict
 * @param notes     caveats, in the order found; empty when none
 */
public record PointComparison(PointKey key, String unit, double baseMean, double otherMean, Design design,
                              int nBase,
                              int nOther, Ratio ratio, double pChange, double qChange, double pSame, Verdict verdict,
                              List<CompareNote> notes) {

    public PointComparison {
        notes = List.copyOf(notes);
    }

    /** The point's mode. */
    public Mode mode() {
        return key.mode();
    }

    /** With one more note at the end. */
    PointComparison withNote(CompareNote note) {
        List<CompareNote> more = new java.util.ArrayList<>(notes);
        more.add(note);
        return new PointComparison(key, unit, baseMean, otherMean, design, nBase, nOther, ratio, pChange, qChange, pSame,
                verdict, more);
    }

    /** With its Benjamini–Hochberg q and the verdict that follows. */
    PointComparison decided(double q, Verdict v) {
        return new PointComparison(key, unit, baseMean, otherMean, design, nBase, nOther, ratio, pChange, q, pSame, v, notes);
    }
}
