package corescale.stats.compare;

import corescale.stats.run.Canary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The comparison of one other side against the base side.
 *
 * @param base       name of the base (a run, runs joined by commas, or a configuration)
 * @param other      name of the other
 * @param design     how the sides were replicated, which decided the test
 * @param baseRuns   runs on the base side (1 for a run or a configuration)
 * @param otherRuns  runs on the other side
 * @param points     every point of either side, matched or not (unmatched: verdict only_base/only_other)
 * @param curves     curve-by-curve comparison, when the largest core counts differ; else empty
 * @param mismatches differences in machine or JDK between the sides
 * @param canary     the other side's machine speed on the canary over the base's; {@link Canary#NONE}
 *                   when a side has no readings or both are one run (configurations)
 * @param runToRun   one run a side: the machine's drift between the runs, which every point's test took in;
 *                   else {@link RunToRun#NONE}
 * @param notes      what the comparison left out or chose (forks without a partner dropped, curves
 *                   from first runs, verdicts adjusted with other comparisons)
 * @param threshold  the relative change that matters, e.g. 0.05: "same" within it, and the canary's move
 *                   beyond it is named
 * @param alpha      the false-discovery rate of faster and slower, and the level of each equivalence test
 * @param minForks   the forks (pairs, runs) a side needs for a verdict
 */
public record CompareResult(String base, String other, Design design, int baseRuns, int otherRuns,
                            List<PointComparison> points, List<CurveComparison> curves,
                            List<Mismatch> mismatches, Canary canary, RunToRun runToRun, List<CompareNote> notes,
                            double threshold, double alpha, int minForks) {

    public CompareResult {
        points = List.copyOf(points);
        curves = List.copyOf(curves);
        mismatches = List.copyOf(mismatches);
        notes = List.copyOf(notes);
    }

    /** Geometric mean of the ratios of one family's matched points. */
    public record FamilyGeomean(String family, int points, double geomean) {
    }

    /**
     * The matched points of one family at one contention level (1 thread, or 2 and more threads pressing
     * on the point: a family may add contention of its own, such as processes per core).
     *
     * @param points   the points with a positive ratio
     * @param geomean  geometric mean of their ratios
     * @param verdicts how many points got each verdict, in the verdicts' order
     */
    public record Group(String family, boolean contended, List<PointComparison> points, double geomean,
                        Map<Verdict, Integer> verdicts) {

        public Group {
            points = List.copyOf(points);
            Map<Verdict, Integer> ordered = new EnumMap<>(Verdict.class);
            ordered.putAll(verdicts);
            verdicts = Collections.unmodifiableMap(ordered);
        }

        /** The verdict every point of the group got, where they all got the same one; else empty. */
        public Optional<Verdict> unanimous() {
            return verdicts.size() == 1 ? Optional.of(verdicts.keySet().iterator().next()) : Optional.empty();
        }

        /** Whether any of its points is called faster or slower. */
        public boolean anyClaim() {
            return claims(verdicts);
        }
    }

    /** Geometric mean of the matched, positive ratios per family, in family order. */
    public List<FamilyGeomean> families() {
        Map<String, List<PointComparison>> byFamily = new TreeMap<>();
        matched().forEach(p -> byFamily.computeIfAbsent(p.key().family(), f -> new ArrayList<>()).add(p));
        return byFamily.entrySet().stream().map(e -> new FamilyGeomean(e.getKey(), e.getValue().size(), geomean(e.getValue())))
                .toList();
    }

    /** The matched points by family and contention level, in that order. */
    public List<Group> groups() {
        Map<String, Map<Boolean, List<PointComparison>>> by = new TreeMap<>();
        matched().forEach(p -> by.computeIfAbsent(p.key().family(), f -> new TreeMap<>())
                .computeIfAbsent(p.key().threads() > 1, c -> new ArrayList<>()).add(p));
        List<Group> out = new ArrayList<>();
        by.forEach((family, levels) -> levels.forEach((contended, ps) -> {
            out.add(new Group(family, contended, ps, geomean(ps), counts(ps)));
        }));
        return out;
    }

    private List<PointComparison> matched() {
        return points.stream().filter(p -> Double.isFinite(p.ratio().value()) && p.ratio().value() > 0).toList();
    }

    private static double geomean(List<PointComparison> ps) {
        return Math.exp(ps.stream().mapToDouble(p -> Math.log(p.ratio().value())).average().orElse(Double.NaN));
    }

    public boolean anySlower() {
        return points.stream().anyMatch(p -> p.verdict() == Verdict.SLOWER);
    }

    /** Whether any point is called faster or slower: a difference the comparison claims. */
    public boolean anyClaim() {
        return claims(verdictCounts());
    }

    /** How many points got each verdict, in the verdicts' order; a verdict no point got is absent. */
    public Map<Verdict, Integer> verdictCounts() {
        return counts(points);
    }

    /** The points that got {@code verdict}, in point order. */
    public List<PointComparison> points(Verdict verdict) {
        return points.stream().filter(p -> p.verdict() == verdict).toList();
    }

    private static Map<Verdict, Integer> counts(List<PointComparison> ps) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        ps.forEach(p -> counts.merge(p.verdict(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    private static boolean claims(Map<Verdict, Integer> counts) {
        return counts.containsKey(Verdict.FASTER) || counts.containsKey(Verdict.SLOWER);
    }

    /**
     * Whether the canary moved beyond the threshold between sides whose forks were not paired: then a
     * difference found may be the machine's, not the code's (paired forks and replicate runs take drift in).
     */
    public boolean machineMoved() {
        return design == Design.FORKS && canary.beyond(threshold);
    }
}
