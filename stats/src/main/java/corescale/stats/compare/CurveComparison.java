package corescale.stats.compare;

import corescale.stats.model.Curve;
import corescale.stats.scaling.UslFit;

import corescale.stats.summary.Ratio;

/**
 * One curve of two runs with different largest core counts.
 *
 * @param curve      the variant's curve, in its mode (a benchmark in thrpt and avgt is two)
 * @param baseCores  cores of the base point compared
 * @param otherCores cores of the other point compared
 * @param basePerCore  base throughput per core (ops/us/core)
 * @param otherPerCore other throughput per core
 * @param ratio      other over base, with interval (above 1: other does more per core)
 * @param baseThreads  threads of the base point compared
 * @param otherThreads threads of the other point compared
 */
public record CurveComparison(Curve curve, int baseCores, int otherCores, double basePerCore, double otherPerCore,
                              Ratio ratio, UslFit baseUsl, UslFit otherUsl, int baseThreads, int otherThreads) {

    /** Whether both runs know their cores; without, there is no per-core figure. */
    public boolean coresKnown() {
        return baseCores > 0 && otherCores > 0;
    }
}
