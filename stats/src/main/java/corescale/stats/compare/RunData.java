package corescale.stats.compare;

import corescale.stats.bounds.Bounds;
import corescale.stats.model.Curve;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run (or one configuration of a run) as compared: its point summaries, the machines and JDKs
 * it was measured on, and what {@code report} computes from them too (bounds, scaling curves).
 *
 * @param name   how the run is named in output (its input path, or a configuration's name)
 * @param points its summaries
 * @param runs   the distinct run metadata seen in its files
 * @param bounds its points' bounds and facts (which points run one unit at a time)
 * @param curves its scaling curves unfitted, as {@link ScalingCurves#unfitted} gives them for these points
 *               and bounds: their points are what compare draws; the fits it needs it makes
 *               ({@link PerCoreAtMaxCores})
 * @param canary the canary's readings from its run.json, in order; empty when none
 */
public record RunData(String name, List<PointSummary> points, Set<RunInfo> runs, Bounds bounds,
                      List<ScalingCurve> curves, List<CanaryReading> canary) {
    public RunData {
        points = List.copyOf(points);
        runs = Set.copyOf(runs);
        Objects.requireNonNull(bounds, "bounds");
        curves = List.copyOf(curves);
        canary = List.copyOf(canary);
    }

    /**
     * The points that form scaling curves: not those of a curve one unit at a time by construction
     * (latencies), every point of which runs one unit. A model that runs one unit at one core only (a
     * pool of as many threads as cores) is a curve, its 1-core point included, as {@code ScalingCurves} has it.
     */
    List<PointSummary> scalable() {
        Map<Curve, Boolean> latency = points.stream().collect(Collectors.toMap(p -> Curve.of(p.key()),
                p -> bounds.oneAtATime().test(p.key()), Boolean::logicalAnd));
        return points.stream().filter(p -> !latency.get(Curve.of(p.key()))).toList();
    }
}
