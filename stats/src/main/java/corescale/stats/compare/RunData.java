package corescale.stats.compare;

import corescale.stats.bounds.Bounds;
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
 * @param bounds its points' bounds and facts (which points run one unit at a time)
 */
public record RunData(String name, List<PointSummary> points, Set<RunInfo> runs, Bounds bounds) {
    public RunData {
        points = List.copyOf(points);
        runs = Set.copyOf(runs);
        java.util.Objects.requireNonNull(bounds, "bounds");
    }

    /** A run whose points report no bounds or facts. */
    public RunData(String name, List<PointSummary> points, Set<RunInfo> runs) {
        this(name, points, runs, Bounds.NONE);
    }

    /** The points that form scaling curves: not those one unit at a time by construction (latencies). */
    List<PointSummary> scalable() {
        return points.stream().filter(p -> !bounds.oneAtATime().test(p.key())).toList();
    }
}
