package corescale.stats.contention;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.ranking.Eligibility;
import corescale.stats.summary.Ratio;

/**
 * One row of {@code contention.csv}. Throughputs are in ops/us; time modes are turned into
 * throughput first (threads / time per op), so every ratio reads "higher is better".
 *
 * @param key             the point
 * @param throughput      mean throughput, ops/us
 * @param baselineCores   cores of the 1-thread point divided by (-1 when there is none)
 * @param vsOneThread     throughput here over throughput of the same variant at 1 thread
 * @param bestVariant     the variant with the highest throughput at this benchmark, params, cores, threads,
 *                        among those that may be ranked (empty when none may)
 * @param vsBest          throughput here over that of the best variant (1 for the best itself)
 * @param notRanked       why the point may not be ranked (so is never the best), or null when it may
 */
public record ContentionRow(PointKey key, double throughput, int baselineCores, Ratio vsOneThread,
                            String bestVariant, Ratio vsBest, Eligibility.Reason notRanked) {

    /** Whether the 1-thread point divided by is at other cores than this point (the fewest measured). */
    public boolean baselineElsewhere() {
        return baselineCores >= 0 && baselineCores != key.cores();
    }

    /** The mode the point was measured in. */
    public Mode mode() {
        return key.mode();
    }
}
