package corescale.stats.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import corescale.stats.bounds.Bound;
import corescale.stats.bounds.Bounds;
import corescale.stats.model.Setting;
import corescale.stats.scaling.ScalingCurves;

/**
 * The findings about bounds: models measured above their physical bound (a measurement error, never a
 * win), io points whose requests the service or the CPUs paced, and benchmarks that run one unit at a
 * time by construction (latencies, so no speedup is given for them).
 */
final class BoundFindings {

    private BoundFindings() {
    }

    static void add(ReportInput in, List<String> out) {
        Bounds bounds = in.bounds();
        List<Bound> all = bounds.all();
        List<Bound> above = all.stream().filter(Bound::aboveBound).toList();
        List<Bound> byMean = all.stream().filter(Bound::aboveByMeanOnly).toList();
        if (!above.isEmpty()) {
            out.add("measurement error: " + join(above, b -> Fmt.times(b.ofBound()) + " " + interval(b) + " its bound ("
                    + BoundsTable.basis(b) + ")") + "; shown above " + Fmt.times(Bound.ABOVE_BOUND)
                    + " the bound, the benchmark measured something other than the model: not a win");
        } else if (bounds.everyWithinBound()) {
            out.add("bounds: every model within " + Fmt.times(Bound.ABOVE_BOUND) + " of its physical bound");
        }
        if (!byMean.isEmpty()) {
            out.add("bounds: above " + Fmt.times(Bound.ABOVE_BOUND) + " its bound by the mean only, not shown (the interval"
                    + " reaches below; more forks would tell a measurement error from noise): "
                    + join(byMean, b -> Fmt.times(b.ofBound()) + " " + interval(b) + " its bound (" + BoundsTable.basis(b) + ")"));
        }
        Map<Setting, List<Bound>> serviceBound = new TreeMap<>();
        for (Bound b : all) {
            if (b.serviceBound()) {
                serviceBound.computeIfAbsent(Setting.of(b.key()), g -> new ArrayList<>()).add(b);
            }
        }
        serviceBound.forEach((group, bs) -> out.add(Groups.title(group) + " service-bound (requests took over "
                + Fmt.times(Bound.SERVICE_BOUND) + " the service's delay, so the service or the shared CPUs set the pace,"
                + " not the model): " + String.join(", ", bs.stream().map(b -> b.key().variant() + " at "
                + Groups.at(b.key().cores(), b.key().threads()) + " " + Fmt.times(b.facts().latencyVsDelay())).toList())));
        ScalingCurves.allOneAtATime(in.curves()).forEach(setting -> out.add(Groups.title(setting) + ": " + Wording.oneAtATime()));
    }

    /** "[0.43, 2.8]", or "(no interval)" where the forks give none. */
    private static String interval(Bound b) {
        return Double.isFinite(b.ofBoundLow()) ? Fmt.ratioInterval(b.ofBoundLow(), b.ofBoundHigh()) : "(no interval)";
    }

    private static String join(List<Bound> bs, java.util.function.Function<Bound, String> what) {
        return String.join("; ", bs.stream().map(b -> b.key().benchmark() + " " + b.key().variant()
                + (b.key().params().isEmpty() ? "" : " [" + b.key().params() + "]") + " at "
                + Groups.at(b.key().cores(), b.key().threads()) + " is " + what.apply(b)).toList());
    }
}
