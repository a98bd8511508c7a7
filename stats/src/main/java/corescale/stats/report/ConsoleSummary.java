package corescale.stats.report;

import corescale.stats.model.PointSummary;
import corescale.stats.summary.LostUpdates;
import corescale.stats.summary.Throughput;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The few findings a reader wants before opening the report: who wins at each thread count and
 * by how much, how each variant scales from the smallest to the largest core count, and which
 * points are unstable. The same lines open the report's "Findings" section.
 */
public final class ConsoleSummary {

    /** Unstable points listed by name before the rest are only counted. */
    static final int MAX_UNSTABLE_LISTED = 5;

    private ConsoleSummary() {
    }

    /**
     * Lines to print at the end of {@code run} and {@code report}: findings, then the files written.
     *
     * @param written the paths {@link RunReport#write} returned (only report.md / report.html are listed,
     *                charts are counted)
     */
    public static List<String> lines(ReportInput input, List<Path> written) {
        List<String> out = new ArrayList<>();
        out.add("Findings for " + input.runLabel() + ":");
        for (String f : findings(input)) {
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

    /** The findings alone, one sentence each. */
    static List<String> findings(ReportInput input) {
        List<String> out = new ArrayList<>();
        winners(input.points(), out);
        lostUpdates(input.lostUpdates(), out);
        scaling(input.curves(), out);
        BoundFindings.add(input, out);
        unstable(input.points(), out);
        if (out.isEmpty()) {
            out.add("no points measured");
        }
        return out;
    }

    /** Per group with several variants: the best variant at each (cores, threads), and its lead. */
    /** Which variants lost updates, and where; or that none did. */
    private static void lostUpdates(List<LostUpdates> rows, List<String> out) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, List<String>> lossesByVariant = new TreeMap<>();
        for (LostUpdates r : rows) {
            if (r.total() > 0) {
                lossesByVariant.computeIfAbsent(r.key().variant(), v -> new ArrayList<>())
                        .add(Groups.at(r.key().cores(), r.key().threads()));
            }
        }
        if (lossesByVariant.isEmpty()) {
            out.add("lost updates: none, in any variant");
            return;
        }
        lossesByVariant.forEach((variant, where) -> out.add("lost updates: " + variant + " lost updates at "
                + String.join(", ", new java.util.TreeSet<>(where)) + "; every other variant lost none"));
    }

    private static void winners(List<PointSummary> points, List<String> out) {
        Map<String, Map<String, List<PointSummary>>> groups = new TreeMap<>();
        for (PointSummary p : points) {
            groups.computeIfAbsent(Groups.pointGroup(p), g -> new TreeMap<>(Comparator
                            .comparingInt((String k) -> Integer.parseInt(k.split("/")[1]))
                            .thenComparingInt(k -> Integer.parseInt(k.split("/")[0]))))
                    .computeIfAbsent(p.key().cores() + "/" + p.key().threads(), k -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<String, Map<String, List<PointSummary>>> g : groups.entrySet()) {
            List<String> parts = new ArrayList<>();
            for (List<PointSummary> at : g.getValue().values()) {
                if (at.size() < 2) {
                    continue;
                }
                List<PointSummary> sorted = at.stream()
                        .sorted(Comparator.comparingDouble(Throughput::mean).reversed()).toList();
                PointSummary first = sorted.get(0);
                PointSummary second = sorted.get(1);
                double lead = Throughput.mean(first) / Throughput.mean(second);
                String where = Groups.at(first.key().cores(), first.key().threads());
                // A lead inside the noise is no win: overlapping 95% intervals are called a tie.
                if (Throughput.ci(first).low() <= Throughput.ci(second).high()) {
                    parts.add(where + " " + first.key().variant() + " and " + second.key().variant()
                            + " tied within their 95% CIs");
                } else {
                    parts.add(where + " " + first.key().variant()
                            + " (" + Fmt.times(lead) + " vs " + second.key().variant() + ")");
                }
            }
            if (!parts.isEmpty()) {
                out.add(g.getKey() + " fastest: " + String.join("; ", parts));
            }
        }
    }

    /** Per group: each variant's speedup from its smallest to its largest core count. */
    private static void scaling(List<ScalingCurve> curves, List<String> out) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (ScalingCurve c : curves) {
            if (c.key().axis() != Axis.CORES || c.points().size() < 2) {
                continue;
            }
            ScalingPoint max = c.atMax();
            groups.computeIfAbsent(Groups.pointGroupOf(c.key()), g -> new ArrayList<>())
                    .add(c.key().variant() + " " + Fmt.times(max.speedup()) + " (" + Fmt.pct(max.efficiency()) + ")");
        }
        for (ScalingCurve c : curves) {
            if (c.key().axis() == Axis.CORES && c.points().size() >= 2) {
                String g = Groups.pointGroupOf(c.key());
                List<String> parts = groups.remove(g);
                if (parts != null) {
                    out.add(g + " speedup from " + Fmt.n(c.baselineN()) + " to " + Fmt.n(c.nMax())
                            + " cores (efficiency): " + String.join(", ", parts));
                }
            }
        }
    }

    private static void unstable(List<PointSummary> points, List<String> out) {
        List<PointSummary> u = points.stream().filter(PointSummary::unstable).sorted(Comparator.comparing(PointSummary::key)).toList();
        if (u.isEmpty()) {
            out.add("no point flagged unstable");
            return;
        }
        List<String> names = u.stream().limit(MAX_UNSTABLE_LISTED).map(ConsoleSummary::name).toList();
        String more = u.size() > MAX_UNSTABLE_LISTED ? " and " + (u.size() - MAX_UNSTABLE_LISTED) + " more" : "";
        out.add(u.size() + " point" + (u.size() == 1 ? "" : "s") + " unstable (fork means disagree; see the report): "
                + String.join(", ", names) + more);
    }

    static String name(PointSummary p) {
        String params = p.key().params().isEmpty() ? "" : " [" + p.key().params() + "]";
        return p.key().benchmark() + " " + p.key().variant() + params + " " + Groups.at(p.key().cores(), p.key().threads());
    }
}
