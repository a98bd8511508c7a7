package corescale.stats.ranking;

import corescale.stats.model.PointSummary;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Summarizer;
import corescale.stats.summary.WelchOnLogs;
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
        return Optional.of(new Lead(first, second, ratio(first, second)));
    }

    /** The ranked point with the highest throughput; empty when none may be ranked. */
    public static Optional<PointSummary> best(List<PointSummary> place, Eligibility eligibility) {
        return place.stream().filter(p -> eligibility.ranked(p.key())).max(Comparator.comparingDouble(Throughput::mean));
    }

    /** Throughput ratio num/den: Welch on log fork means with 2+ forks a side, else the delta method. */
    static Ratio ratio(PointSummary num, PointSummary den) {
        double[] a = Throughput.forkMeansForLogScale(num);
        double[] b = Throughput.forkMeansForLogScale(den);
        WelchOnLogs welch = WelchOnLogs.of(a, b);
        if (welch != null) {
            double[] ci = welch.ratioInterval(Summarizer.LEVEL);
            return new Ratio(Throughput.mean(num) / Throughput.mean(den), ci[0], ci[1], "welch");
        }
        return Ratio.delta(Throughput.mean(num), Throughput.ci(num), Throughput.mean(den), Throughput.ci(den),
                Summarizer.LEVEL);
    }
}
