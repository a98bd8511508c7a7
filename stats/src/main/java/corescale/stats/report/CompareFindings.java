package corescale.stats.report;

import corescale.stats.compare.C1Beat;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.Design;
import corescale.stats.compare.PointComparison;
import corescale.stats.compare.RunToRun;
import corescale.stats.compare.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a comparison found, in plain sentences, for the console and the top of its section in
 * compare.md: per family and contention level (1 thread, or 2 and more threads pressing on the point;
 * said as threads, since a family may add contention of its own, such as processes per core) the change
 * and how sure it is, and how the sides were replicated and what the intervals therefore cover. With one run a side and a canary that moved beyond the
 * threshold, no change is stated without naming the canary: it may be the machine, not the code.
 */
public final class CompareFindings {

    private CompareFindings() {
    }

    /** How many points are listed by name where a gate fails; the rest are counted. */
    static final int MAX_SLOWER_LISTED = 5;

    /**
     * Why {@code --fail-on-regression} fails the build, in one line: the slower points with their
     * ratios, e.g. "... 2 points slower: b vs a: counters · Counters.increment synchronized 1t/1c ×0.8 [0.79, 0.81], ...",
     * and, where one run a side had a canary that moved beyond the comparison's threshold, that the machine moved too:
     * a CI log should not read as a regression of the code what may be a slower machine.
     */
    public static String regression(List<CompareResult> results) {
        List<String> slower = new ArrayList<>();
        for (CompareResult r : results) {
            r.points(Verdict.SLOWER).forEach(p -> slower.add(r.other() + " vs " + r.base()
                    + ": " + Groups.point(p.key()) + " "
                    + Fmt.times(p.ratio().value()) + " " + Fmt.ratioInterval(p.ratio().low(), p.ratio().high())));
        }
        String more = slower.size() > MAX_SLOWER_LISTED ? " and " + (slower.size() - MAX_SLOWER_LISTED) + " more" : "";
        List<String> moved = results.stream()
                .filter(r -> r.anySlower() && r.machineMoved())
                .map(r -> r.other() + " vs " + r.base() + ": " + CanaryText.describe(r.canary())).toList();
        return "--fail-on-regression: " + slower.size() + " point" + (slower.size() == 1 ? "" : "s") + " slower: "
                + String.join("; ", slower.subList(0, Math.min(slower.size(), MAX_SLOWER_LISTED))) + more
                + " (compare.md has each)"
                + (moved.isEmpty() ? "" : "; the machine moved too, beyond ±" + Fmt.rate(results.get(0).threshold()) + " (" + String.join("; ", moved)
                + "): it may be the machine, not the code");
    }

    /** The findings of one comparison; they stand under a line or heading that names it ("other vs base"). */
    public static List<String> of(CompareResult r) {
        double threshold = r.threshold();
        boolean machineMoved = r.machineMoved();
        List<String> out = new ArrayList<>();
        r.groups().forEach(g -> out.add(group(g, r, threshold, machineMoved)));
        inconclusive(r, threshold).ifPresent(out::add);
        out.add(design(r));
        r.notes().forEach(n -> out.add(Wording.compare(n)));
        if (machineMoved) {
            boolean claims = r.anyClaim();
            out.add("the canary moved beyond ±" + Fmt.rate(threshold) + (claims ? " as well" : " between the runs") + " (the machine was "
                    + CanaryText.describe(r.canary()) + "): " + (claims ? "these differences" : "a difference found here")
                    + " may be the machine, not the code; compare"
                    + " interleaved configurations (run --config) or replicate runs (compare r1,r2 r3,r4)");
        }
        return out;
    }

    /**
     * "35 inconclusive: ... (forks a point: base 3-7, other 2); more forks a point tell more": why
     * no verdict, with the replicates the tests had, which set how wide a t interval is.
     */
    private static Optional<String> inconclusive(CompareResult r, double threshold) {
        List<PointComparison> open = r.points(Verdict.INCONCLUSIVE);
        if (open.isEmpty() || r.design() == Design.RUNS) {
            return Optional.empty(); // with runs as the unit, the design line says how many
        }
        String replicates = r.design() == Design.PAIRED ? "pairs of forks a point: " + range(open, PointComparison::nBase)
                : "forks a point: " + r.base() + " " + range(open, PointComparison::nBase) + ", " + r.other() + " "
                + range(open, PointComparison::nOther);
        RunToRun drift = r.runToRun();
        String more = drift.drifted()
                ? "more forks a point tell more only up to the machine's drift: with one run a side a change within ±"
                + Fmt.pct(drift.floor()) + " cannot be told from it, however many forks"
                : "more forks a point tell more";
        return Optional.of(open.size() + " inconclusive: too few or too spread to call a change, or the same within ±"
                + Fmt.rate(threshold) + " (" + replicates + "); " + more);
    }

    /** "3", or "3-7": the least and the most of a count. */
    private static String range(List<PointComparison> points, java.util.function.ToIntFunction<PointComparison> count) {
        int min = points.stream().mapToInt(count).min().orElse(0);
        int max = points.stream().mapToInt(count).max().orElse(0);
        return min == max ? Integer.toString(min) : min + "-" + max;
    }

    /** As {@link #of(CompareResult)}, then the line on the points a C1-only side won against C2, if any. */
    public static List<String> of(CompareResult r, Optional<C1Beat> c1) {
        List<String> out = new ArrayList<>(of(r));
        c1.ifPresent(b -> out.add(c1Beat(b)));
        return out;
    }

    /** Points named in the C1 line; the others are counted (compare.csv has them all). */
    static final int C1_POINTS_NAMED = 5;

    static String c1Beat(C1Beat b) {
        List<String> named = b.points().stream().limit(C1_POINTS_NAMED)
                .map(w -> w.key().label() + " (" + Fmt.times(w.times()) + ")").toList();
        int more = b.points().size() - named.size();
        return "C1 (" + b.option() + ", " + b.c1() + ") beat C2 (" + b.c2() + ") at " + String.join(", ", named)
                + (more > 0 ? " and " + more + " more point" + (more == 1 ? "" : "s") : "")
                + ": nearly always a harness artefact or a JIT mode (e.g. a store drained by a locked instruction),"
                + " not a faster compiler — check the benchmark's compiled code";
    }

    /** "31% slower on counters at 1 thread (4 points, all slower; paired, 6 forks each)". */
    private static String group(CompareResult.Group g, CompareResult r, double threshold, boolean machineMoved) {
        double geomean = g.geomean();
        List<PointComparison> points = g.points();
        int n = points.size();
        Verdict only = g.unanimous().orElse(null);
        String effect = only == Verdict.SLOWER ? Fmt.pct(1 - geomean) + " slower"
                : only == Verdict.FASTER ? Fmt.pct(geomean - 1) + " faster"
                : only == Verdict.SAME ? "the same within ±" + Fmt.rate(threshold)
                : "geometric mean ratio " + Fmt.times(geomean);
        String verdicts = only != null ? (n == 1 ? "1 point, " : n + " points, all ") + only.label()
                : n + " points: " + String.join(", ", g.verdicts().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().label()).toList());
        String label = g.family() + (g.contended() ? " at 2+ threads" : " at 1 thread");
        return effect + " on " + label + " (" + verdicts + "; " + replicates(points, r)
                + (machineMoved && g.anyClaim() ? "; the canary moved too: " + CanaryText.describe(r.canary()) : "") + ")";
    }

    /** "paired, 6 forks each", "one run a side", "2 runs vs 2". */
    private static String replicates(List<PointComparison> points, CompareResult r) {
        return switch (r.design()) {
            case PAIRED -> "paired, " + range(points, PointComparison::nBase) + " forks each";
            case FORKS -> "one run a side";
            case RUNS -> r.baseRuns() + " run" + (r.baseRuns() == 1 ? "" : "s") + " vs " + r.otherRuns();
        };
    }

    /** What the intervals cover, from how the sides were replicated. */
    private static String design(CompareResult r) {
        return switch (r.design()) {
            case PAIRED -> "configurations of one run, forks paired by round (measured next to each other), the round"
                    + " a random effect: where the rounds share an effect (drift) it cancels and the intervals come from"
                    + " the per-round differences; where they share none, from all forks of both configurations";
            case FORKS -> r.runToRun().estimated()
                    ? "one run a side: the intervals cover fork-to-fork variance and the machine's drift, which the canary"
                    + " measured during the runs (a point's two runs differ by ±" + Fmt.pct(r.runToRun().relative())
                    + " from it, one standard deviation, with nothing changed); replicate runs (compare r1,r2 r3,r4)"
                    + " or interleaved configurations (run --config) measure the drift itself and tell smaller changes"
                    : "one run a side: the intervals cover fork-to-fork variance only (no canary readings to measure the"
                    + " machine's drift by); two runs of one machine can differ by more, and differences of that size"
                    + " cannot be told from it: replicate runs (compare r1,r2 r3,r4) or interleave configurations (run --config)";
            case RUNS -> r.baseRuns() + " run" + (r.baseRuns() == 1 ? "" : "s") + " vs " + r.otherRuns()
                    + ": the run is the unit of replication, so the intervals include run-to-run variance"
                    + (r.baseRuns() == 1 || r.otherRuns() == 1
                    ? "; the side with one run is taken to vary from run to run as much as the other" : "");
        };
    }

    /**
     * The console lines of one comparison: what it compares and its verdict counts, the machine's own
     * speed on the canary (once: it is the same for every family, and is read beside their ratios), the findings, notes.
     */
    public static List<String> consoleLines(CompareResult r, List<String> findings) {
        List<String> out = new ArrayList<>();
        out.add(r.other() + " vs " + r.base() + " (" + r.design().label() + "): " + verdictCounts(r));
        if (r.canary().known()) {
            out.add("  the machine itself: " + CanaryText.describe(r.canary()));
        }
        findings.forEach(f -> out.add("  " + f));
        r.mismatches().forEach(m -> out.add("  note: " + Wording.mismatch(r, m)));
        int insufficient = r.verdictCounts().getOrDefault(Verdict.INSUFFICIENT, 0);
        if (insufficient > 0) {
            String why = switch (r.design()) {
                case FORKS -> "fewer than " + r.minForks() + " forks in a run, or fork means without spread";
                case PAIRED -> "fewer than " + r.minForks() + " pairs of forks, or pairs without spread";
                case RUNS -> "fewer than " + r.minForks() + " forks in a run, a run's mean not positive, or no spread";
            };
            out.add("  " + insufficient + " point" + (insufficient == 1 ? "" : "s") + " insufficient (" + why
                    + "): no verdict, not gated; listed in compare.md");
        }
        if (!r.curves().isEmpty()) {
            out.add("  largest core counts differ: " + r.curves().size() + " curves compared per core at each run's most cores");
        }
        return out;
    }

    /** "4 same, 37 inconclusive, 65 only in results/a, 29 only in results/b": each verdict's count, in the verdicts' order. */
    public static String verdictCounts(CompareResult r) {
        return String.join(", ", r.verdictCounts().entrySet().stream().map(e -> e.getValue() + " " + switch (e.getKey()) {
            case ONLY_BASE -> "only in " + r.base();
            case ONLY_OTHER -> "only in " + r.other();
            default -> e.getKey().label();
        }).toList());
    }
}
