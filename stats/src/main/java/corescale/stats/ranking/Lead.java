package corescale.stats.ranking;

import corescale.stats.model.PointSummary;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The leader among the points that compete at one place (same benchmark, params, mode, cores and
 * threads), ranked points only, and whether its lead over the runner-up is real.
 *
 * @param first  the ranked point with the highest throughput
 * @param second the ranked runner-up
 * @param ratio  throughput of first over second, with its 95% interval
 */
public record Lead(PointSummary first, PointSummary second, Ratio ratio) {

    /** Tied: the ratio's interval includes 1, or there is no interval to tell. */
    public boolean tied() {
        return !(ratio.low() > 1);
    }

    /** The two best ranked points at one place; empty when fewer than two may be ranked. */
    public static Optional<Lead> among(List<PointSummary> place, Eligibility eligibility) {
        List<PointSummary> ranked = place.stream().filter(p -> eligibility.ranked(p.key()))
                .sorted(Comparator.comparingDouble(Throughput::mean).reversed()).toList();
        if (ranked.size() < 2) {
            return Optional.empty();
        }
        PointSummary first = ranked.get(0);
        PointSummary second = ranked.get(1);
        return Optional.of(new Lead(first, second, Throughput.ratio(first, second)));
    }

    /** The ranked point with the highest throughput; empty when none may be ranked. */
    public static Optional<PointSummary> best(List<PointSummary> place, Eligibility eligibility) {
        return place.stream().filter(p -> eligibility.ranked(p.key())).max(Comparator.comparingDouble(Throughput::mean));
    }
}
