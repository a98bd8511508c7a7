package corescale.stats.compare;

import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Summarizer;
import org.apache.commons.math3.stat.inference.TTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares runs point by point. Points match on benchmark, variant, params, cores and threads
 * (and mode). The ratio is oriented so that above 1 means OTHER is faster: other/base for throughput,
 * base/other for time per operation. Its 95% interval is a percentile bootstrap over the fork means of
 * both sides (see {@link Ratio#bootstrap}); Welch's t on the logs of fork means is reported beside it.
 * The verdict comes from the interval alone ({@link Verdict#of}).
 */
public final class Comparer {

    public static final double DEFAULT_THRESHOLD = 0.05;
    public static final int DEFAULT_RESAMPLES = 2000;

    private final double threshold;
    private final long seed;
    private final int resamples;
    private final CurveComparator curves;

    public Comparer(double threshold) {
        this(threshold, Summarizer.DEFAULT_SEED, DEFAULT_RESAMPLES, PerCoreAtMaxCores.withDefaults());
    }

    /**
     * @param threshold relative change that matters, e.g. 0.05
     * @param seed      bootstrap seed; equal seeds give equal intervals
     * @param resamples bootstrap resamples per point
     * @param curves    how to compare runs whose core counts differ
     */
    public Comparer(double threshold, long seed, int resamples, CurveComparator curves) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), was " + threshold);
        }
        this.threshold = threshold;
        this.seed = seed;
        this.resamples = resamples;
        this.curves = curves;
    }

    private record Match(PointKey key, boolean throughputMode) {
        static Match of(PointSummary s) {
            return new Match(s.key(), s.mode().higherIsBetter());
        }
    }

    public CompareResult compare(RunData base, RunData other) {
        Map<Match, PointSummary> b = index(base.points());
        Map<Match, PointSummary> o = index(other.points());
        List<PointComparison> points = new ArrayList<>();
        Map<String, List<Double>> logRatios = new TreeMap<>();
        for (Map.Entry<Match, PointSummary> e : b.entrySet()) {
            PointSummary pb = e.getValue();
            PointSummary po = o.get(e.getKey());
            if (po == null) {
                points.add(new PointComparison(pb.key(), pb.mode(), pb.unit(), pb.mean(), Double.NaN, Ratio.NONE,
                        Double.NaN, Verdict.ONLY_BASE, "not in " + other.name()));
                continue;
            }
            PointComparison c = compareOne(pb, po);
            points.add(c);
            if (Double.isFinite(c.ratio().value()) && c.ratio().value() > 0) {
                logRatios.computeIfAbsent(pb.key().family(), f -> new ArrayList<>()).add(Math.log(c.ratio().value()));
            }
        }
        for (Map.Entry<Match, PointSummary> e : o.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                PointSummary po = e.getValue();
                points.add(new PointComparison(po.key(), po.mode(), po.unit(), Double.NaN, po.mean(), Ratio.NONE,
                        Double.NaN, Verdict.ONLY_OTHER, "not in " + base.name()));
            }
        }
        points.sort((x, y) -> x.key().compareTo(y.key()));
        List<CompareResult.FamilyGeomean> families = logRatios.entrySet().stream()
                .map(e -> new CompareResult.FamilyGeomean(e.getKey(), e.getValue().size(),
                        Math.exp(e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))))
                .toList();
        List<CurveComparison> curveRows = coreCounts(base.points()).equals(coreCounts(other.points()))
                ? List.of() : curves.compare(base.points(), other.points());
        return new CompareResult(base.name(), other.name(), points, families, curveRows, mismatches(base, other));
    }

    private PointComparison compareOne(PointSummary pb, PointSummary po) {
        SplittableRandom rnd = new SplittableRandom(seed + (pb.key().toString() + pb.mode()).hashCode());
        // Ratio of means oriented so that above 1 is faster: other/base for throughput, base/other for time.
        boolean higherIsBetter = pb.mode().higherIsBetter();
        Ratio r = Ratio.ofMeans(higherIsBetter ? po : pb, higherIsBetter ? pb : po, resamples, rnd);
        double p = welchOnLogs(pb.forkMeans(), po.forkMeans());
        List<String> notes = new ArrayList<>();
        if (pb.mode() != po.mode()) {
            notes.add("modes differ: " + pb.mode().jmhName() + " vs " + po.mode().jmhName());
        }
        if (r.method().equals("delta")) {
            notes.add("interval by delta method from each side's own interval (no fork means on one side)");
        } else if (r.method().equals("none")) {
            notes.add("no interval: too few forks");
        }
        if (pb.unstable() || po.unstable()) {
            notes.add("unstable in " + (pb.unstable() ? (po.unstable() ? "both runs" : "base") : "other"));
        }
        return new PointComparison(pb.key(), pb.mode(), pb.unit(), pb.mean(), po.mean(), r, p,
                Verdict.of(r.low(), r.high(), threshold), String.join("; ", notes));
    }

    /** Welch's two-sample t test (unequal variances) on log fork means, two-sided p. */
    static double welchOnLogs(double[] a, double[] b) {
        if (a.length < 2 || b.length < 2 || Arrays.stream(a).anyMatch(x -> x <= 0) || Arrays.stream(b).anyMatch(x -> x <= 0)) {
            return Double.NaN;
        }
        double[] la = Arrays.stream(a).map(Math::log).toArray();
        double[] lb = Arrays.stream(b).map(Math::log).toArray();
        return new TTest().tTest(la, lb);
    }

    private static Map<Match, PointSummary> index(List<PointSummary> points) {
        Map<Match, PointSummary> out = new HashMap<>();
        for (PointSummary s : points) {
            out.putIfAbsent(Match.of(s), s);
        }
        return out;
    }

    private static Set<Integer> coreCounts(List<PointSummary> points) {
        return points.stream().map(s -> s.key().cores()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Machine and JDK fields that differ between the runs, one line each. */
    static List<String> mismatches(RunData base, RunData other) {
        List<String> out = new ArrayList<>();
        Map<String, Function<RunInfo, String>> fields = new java.util.LinkedHashMap<>();
        fields.put("host", RunInfo::host);
        fields.put("cpu_model", RunInfo::cpuModel);
        fields.put("cpus_online", r -> r.cpusOnline() == 0 ? "" : String.valueOf(r.cpusOnline()));
        fields.put("jdk_version", RunInfo::jdkVersion);
        for (Map.Entry<String, Function<RunInfo, String>> f : fields.entrySet()) {
            Set<String> vb = values(base.runs(), f.getValue());
            Set<String> vo = values(other.runs(), f.getValue());
            if (!vb.isEmpty() && !vo.isEmpty() && !vb.equals(vo)) {
                out.add(f.getKey() + " differs: " + String.join(" ", vb) + " (" + base.name() + ") vs "
                        + String.join(" ", vo) + " (" + other.name() + ")");
            }
        }
        return out;
    }

    private static Set<String> values(Set<RunInfo> runs, Function<RunInfo, String> field) {
        return runs.stream().map(field).filter(v -> !v.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }
}
