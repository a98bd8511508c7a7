package corescale.stats.ranking;

import corescale.stats.bounds.Bounds;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.LostUpdates;

import java.util.List;

/**
 * Who may be ranked and who leads, computed once per report from the summaries, the lost-update
 * counts and the bounds: the findings, the contention table and the answers read it, none computes it.
 *
 * @param eligibility which points may be ranked, and why not
 * @param leads       each place's leader, decided together over the report's places
 */
public record Rankings(Eligibility eligibility, Leads leads) {

    public static Rankings of(List<PointSummary> points, List<LostUpdates> correctness, Bounds bounds) {
        Eligibility eligibility = Eligibility.of(points, correctness, bounds);
        return new Rankings(eligibility, Leads.of(points, eligibility));
    }
}
