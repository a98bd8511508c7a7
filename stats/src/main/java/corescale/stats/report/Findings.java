package corescale.stats.report;

import corescale.stats.model.Place;
import corescale.stats.answers.Answers;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Setting;
import corescale.stats.ranking.Leads;
import corescale.stats.run.Canary;
import corescale.stats.summary.LostUpdates;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The few findings a reader wants before opening the report: who wins at each thread count and
 * by how much, how each variant scales from the smallest to the largest core count, and which
 * points are unstable. The same lines open the report's "Findings" section.
 */
public final class Findings {

    /** Unstable points listed by name before the rest are only counted. */
    static final int MAX_UNSTABLE_LISTED = 5;

    private Findings() {
    }

    /**
     * Lines to print at the end of {@code run} and {@code report}: the findings, then the files written.
     *
     * @param findings what {@link #of} found for this run (computed once, also shown in the report)
     * @param written  the report's files, {@link Output.Rendered#report} (only report.md / report.html are listed,
     *                 charts are counted)
     */
    public static List<String> consoleLines(ReportInput input, List<String> findings, List<Path> written) {
        List<String> out = new ArrayList<>();
        List<String> answers = AnswersSection.sentences(input.answers());
        if (!answers.isEmpty()) {
            out.add("Answers for " + input.runLabel() + ":");
            answers.forEach(a -> out.add("  " + a));
        }
        out.add("Findings for " + input.runLabel() + ":");
        for (String f : findings) {
            out.add("  " + f);
        }
        long charts = written.stream().filter(p -> p.getFileName().toString().endsWith(".png")).count();
        for (Path p : written) {
            if (!p.getFileName().toString().endsWith(".png")) {
                out.add("Wrote " + p);
            }
        }
        if (charts > 0) {
            out.add("Wrote " + charts + " chart" + (charts == 1 ? "" : "s") + " (PNG) next to the report");
        }
        return out;
    }

    /** The findings, one sentence each: they open the report and end the console output. */
    public static List<String> of(ReportInput input) {
        List<String> out = new ArrayList<>();
        // What the Answers state is not said again here: each place's leader and each group's speedups once.
        Set<Place> answered = new HashSet<>();
        input.answers().counters().forEach(r -> answered.add(r.place()));
        input.answers().models().forEach(r -> answered.add(r.place()));
        Set<Setting> scaled = new HashSet<>();
        input.answers().scaling().forEach(s -> scaled.add(s.setting()));
        Fastest.lines(input.points(), input.rankings(), answered, out);
        lostUpdates(input.lostUpdates(), out);
        scaling(input.curves().stream().filter(c -> !scaled.contains(Setting.of(c.key().curve()))).toList(), out);
        BoundFindings.add(input, out);
        unstable(input.points(), out);
        notToldApart(input.answers(), out);
        if (out.isEmpty()) {
            out.add("no points measured");
        }
        return out;
    }

    /**
     * A line when the canary's last reading differs from its first by more than {@code threshold}
     * and more than its readings' own noise ({@link Canary#moved}; either kernel): the machine itself
     * changed speed during the run. Empty otherwise.
     */
    public static List<String> canaryDrift(Canary drift, double threshold) {
        if (!drift.known()) {
            return List.of();
        }
        return List.of("the canary drifted during the run, beyond ±" + Fmt.rate(threshold) + ": at its last reading the"
                + " machine was " + CanaryText.describe(drift) + ", against its first; points bound by what that kernel measures"
                + " (single-thread compute, memory latency) may differ by as much between early and late in the run"
                + " for reasons that are not the code");
    }

    /** Which variants lost updates, and where; or that none did. */
    private static void lostUpdates(List<LostUpdates> rows, List<String> out) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, List<String>> lossesByVariant = new TreeMap<>();
        for (LostUpdates r : rows) {
            if (r.lost()) {
                lossesByVariant.computeIfAbsent(r.key().variant(), v -> new ArrayList<>())
                        .add(Groups.at(r.key().cores(), r.key().threads()));
            }
        }
        if (lossesByVariant.isEmpty()) {
            out.add("lost updates: none, in any variant");
            return;
        }
        List<String> parts = new ArrayList<>();
        lossesByVariant.forEach((variant, where) -> parts.add(variant + " at " + String.join(", ", new java.util.TreeSet<>(where))));
        out.add("lost updates: " + String.join("; ", parts) + "; every other variant lost none");
    }

    /**
     * Per group: each variant's speedup from its smallest to its largest core count, with its 95%
     * interval. The range is said once when all curves of the group share it, else with each curve.
     */
    private static void scaling(List<ScalingCurve> curves, List<String> out) {
        Map<Setting, List<ScalingCurve>> groups = new LinkedHashMap<>();
        for (ScalingCurve c : curves) {
            if (c.key().axis() == Axis.CORES && c.hasSpeedup()) {
                groups.computeIfAbsent(Setting.of(c.key().curve()), g -> new ArrayList<>()).add(c);
            }
        }
        groups.forEach((g, cs) -> {
            boolean oneRange = cs.stream().map(Findings::range).distinct().count() == 1;
            List<String> parts = cs.stream().map(c -> c.key().variant() + " " + Fmt.timesWithInterval(c.atMax().speedup(),
                    c.atMax().speedupLow(), c.atMax().speedupHigh())
                    + (oneRange ? "" : " " + range(c)) + " (" + Fmt.pct(c.atMax().efficiency()) + ")").toList();
            out.add(Groups.title(g) + " speedup" + (oneRange ? " " + range(cs.get(0)) : "") + " (efficiency): "
                    + String.join(", ", parts));
        });
    }

    /** "from 1 to 64 cores": the curve's own range. */
    private static String range(ScalingCurve c) {
        return "from " + Fmt.n(c.baselineN()) + " to " + Fmt.n(c.nMax()) + " cores";
    }

    /** How many of the Answers' variants the forks could not tell from the first, and what tells more. */
    private static void notToldApart(Answers answers, List<String> out) {
        int open = answers.count(Answers.Standing.NOT_TOLD_APART);
        if (open > 0) {
            out.add("not told apart: " + open + " of the " + answers.afterFirst() + " variants the Answers rank after the first "
                    + "(forks too few or too spread to call a difference or a tie); more forks a point tell more: "
                    + "the default profile over --quick, --thorough or a finer --precision over the default");
        }
    }

    private static void unstable(List<PointSummary> points, List<String> out) {
        List<PointSummary> u = points.stream().filter(PointSummary::unstable).sorted(Comparator.comparing(PointSummary::key)).toList();
        if (u.isEmpty()) {
            out.add("no point flagged unstable");
            return;
        }
        List<String> names = u.stream().limit(MAX_UNSTABLE_LISTED).map(Findings::name).toList();
        String more = u.size() > MAX_UNSTABLE_LISTED ? " and " + (u.size() - MAX_UNSTABLE_LISTED) + " more" : "";
        out.add(u.size() + " point" + (u.size() == 1 ? "" : "s") + " unstable (fork means disagree; see the report): "
                + String.join(", ", names) + more);
    }

    static String name(PointSummary p) {
        String params = p.key().params().isEmpty() ? "" : " [" + p.key().params() + "]";
        return p.key().benchmark() + " " + p.key().variant() + params + " " + Groups.at(p.key().cores(), p.key().threads());
    }
}
