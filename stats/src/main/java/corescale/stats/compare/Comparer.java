package corescale.stats.compare;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import corescale.stats.summary.WelchOnLogs;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Summarizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares runs point by point. Points match on benchmark, variant, params, cores, threads and mode.
 * The ratio is oriented so that above 1 means OTHER is faster: other/base for throughput, base/other
 * for time per operation. A point needs at least 2 fork means on each side, else its verdict is
 * {@link Verdict#INSUFFICIENT}: one fork says nothing of run-to-run variance. Otherwise Welch's t on
 * the logs of fork means gives the 95% interval, the p of "no change" and the equivalence test at
 * ±threshold; the p-values of all points of the comparison are adjusted together
 * (Benjamini–Hochberg) before any is called faster or slower ({@link Verdict#of}).
 */
public final class Comparer {

    public static final double DEFAULT_THRESHOLD = 0.05;
    /** False-discovery rate of faster/slower over a comparison's points, and the equivalence test's level. */
    public static final double ALPHA = 0.05;
    /** Fork means a side needs for a verdict. */
    public static final int MIN_FORKS = 2;

    private final double threshold;

    /** @param threshold relative change that matters, e.g. 0.05 */
    public Comparer(double threshold) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), was " + threshold);
        }
        this.threshold = threshold;
    }

    /** A point in one mode: with -bm all, avgt and sample of one point are two points. */
    private record Match(PointKey key, Mode mode) {
        static Match of(PointSummary s) {
            return new Match(s.key(), s.mode());
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
                        Double.NaN, Double.NaN, Double.NaN, Verdict.ONLY_BASE, "not in " + other.name()));
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
                        Double.NaN, Double.NaN, Double.NaN, Verdict.ONLY_OTHER, "not in " + base.name()));
            }
        }
        points = decided(points);
        points.sort(Comparator.comparing(PointComparison::key).thenComparing(PointComparison::mode));
        List<CompareResult.FamilyGeomean> families = logRatios.entrySet().stream()
                .map(e -> new CompareResult.FamilyGeomean(e.getKey(), e.getValue().size(),
                        Math.exp(e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))))
                .toList();
        List<CurveComparison> curveRows = coreCounts(base.points()).equals(coreCounts(other.points()))
                ? List.of() : PerCoreAtMaxCores.compare(base, other);
        return new CompareResult(base.name(), other.name(), points, families, curveRows, mismatches(base, other));
    }

    /** A matched point, its tests done; the verdict waits for the whole run's p-values. */
    private PointComparison compareOne(PointSummary pb, PointSummary po) {
        // Oriented so that above 1 is faster: other/base for throughput, base/other for time.
        boolean higherIsBetter = pb.mode().higherIsBetter();
        PointSummary num = higherIsBetter ? po : pb;
        PointSummary den = higherIsBetter ? pb : po;
        double value = num.mean() / den.mean();
        WelchOnLogs w = WelchOnLogs.of(num.forkMeans(), den.forkMeans());
        if (w == null) {
            return new PointComparison(pb.key(), pb.mode(), pb.unit(), pb.mean(), po.mean(),
                    new Ratio(value, Double.NaN, Double.NaN, "none"), Double.NaN, Double.NaN, Double.NaN,
                    Verdict.INSUFFICIENT, (insufficient("base", pb) + insufficient("other", po)).replaceAll("; $", ""));
        }
        double[] ci = w.ratioInterval(Summarizer.LEVEL);
        return new PointComparison(pb.key(), pb.mode(), pb.unit(), pb.mean(), po.mean(),
                new Ratio(value, ci[0], ci[1], "welch-log"), w.pChange(), Double.NaN, w.pSame(threshold),
                Verdict.INCONCLUSIVE, pb.unstable() || po.unstable()
                        ? "unstable in " + (pb.unstable() ? (po.unstable() ? "both runs" : "base") : "other") : "");
    }

    /** Why one side cannot give a verdict, or empty when it can. */
    private static String insufficient(String side, PointSummary s) {
        double[] m = s.forkMeans();
        if (m.length == 0) {
            return side + ": JMH pooled result, no per-fork data; ";
        }
        if (m.length < MIN_FORKS) {
            return side + ": " + m.length + " fork, needs " + MIN_FORKS + " or more; ";
        }
        return Arrays.stream(m).allMatch(x -> x > 0) ? "" : side + ": a fork mean is not positive; ";
    }

    /** Benjamini–Hochberg over the points with a p-value, then each point's verdict. */
    private List<PointComparison> decided(List<PointComparison> points) {
        double[] q = FalseDiscovery.adjust(points.stream().mapToDouble(PointComparison::pChange).toArray());
        List<PointComparison> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            PointComparison c = points.get(i);
            out.add(Double.isNaN(c.pChange()) ? c
                    : c.decided(q[i], Verdict.of(q[i], c.ratio().value(), c.pSame(), threshold, ALPHA)));
        }
        return out;
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
