package corescale.stats.report;

import corescale.stats.model.PointSummary;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run's report shows.
 *
 * @param runLabel what the run is called in titles, e.g. its folder name {@code host-20250101-120000}
 * @param machine  machine and JDK, in display order (e.g. host, os, arch, cpuModel, cpusOnline,
 *                 jdkVendor, jdkVersion)
 * @param facts    facts that change results, in display order (e.g. launch mechanism, affinity,
 *                 pool parallelism, JVM args, profile); see {@link RunFacts#fromRunJson}
 * @param points   one summary per point
 * @param curves   scaling curves of those points ({@link ScalingCurves#of})
 * @param sources  which files were read and as what, one line each (may be empty)
 */
public record ReportInput(String runLabel, Map<String, String> machine, Map<String, String> facts,
                          List<PointSummary> points, List<ScalingCurve> curves, List<String> sources) {

    public ReportInput {
        Objects.requireNonNull(runLabel, "runLabel");
        machine = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        points = List.copyOf(points);
        curves = List.copyOf(curves);
        sources = List.copyOf(sources);
    }

    /** An input whose scaling curves are computed from the points. */
    public static ReportInput of(String runLabel, Map<String, String> machine, Map<String, String> facts,
                                 List<PointSummary> points) {
        return new ReportInput(runLabel, machine, facts, points, ScalingCurves.of(points), List.of());
    }
}
