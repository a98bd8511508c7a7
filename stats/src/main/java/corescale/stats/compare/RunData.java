package corescale.stats.compare;

import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;

import java.util.List;
import java.util.Set;

/**
 * One side of a comparison: a run's point summaries and the machines and JDKs it was measured on.
 *
 * @param name   how the run is named in output (usually its input path)
 * @param points its summaries
 * @param runs   the distinct run metadata seen in its files
 */
public record RunData(String name, List<PointSummary> points, Set<RunInfo> runs) {
    public RunData {
        points = List.copyOf(points);
        runs = Set.copyOf(runs);
    }
}
