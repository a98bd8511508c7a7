package corescale.stats.report;

import corescale.stats.bounds.Bounds;
import corescale.stats.contention.ContentionRow;
import corescale.stats.model.Machine;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Setting;
import corescale.stats.model.SummaryNote;
import corescale.stats.model.Units;
import corescale.stats.summary.Modes;
import corescale.stats.summary.Ratio;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.summary.LostUpdates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Writes a run's {@code report.md}, {@code report.html} and PNG charts: the machine and JDK and the
 * facts that change results, the findings, per family a table and its charts, then the scaling,
 * contention and unstable-point sections.
 */
public final class RunReport {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    private RunReport() {
    }

    /** The report and the data files beside it for {@code outDir}, rendered, not written ({@link Output#writeAll}). */
    public static Output.Rendered render(Path outDir, ReportInput input, List<String> findings, Map<String, String> dataFiles) {
        List<ChartFile> charts = new ArrayList<>();
        Doc doc = build(input, findings, charts);
        return Output.render(outDir, doc, charts, dataFiles);
    }

    static Doc build(ReportInput in, List<String> findings, List<ChartFile> charts) {
        Doc doc = new Doc("corescale report: " + in.runLabel(), "report");
        doc.p(machineLine(in));
        AnswersSection.add(doc, in.answers());
        machine(doc, in);
        doc.h(1, "Findings").bullets(findings);

        Map<Setting, List<PointSummary>> byGroup = new TreeMap<>();
        for (PointSummary p : in.points()) {
            byGroup.computeIfAbsent(Setting.of(p.key()), g -> new ArrayList<>()).add(p);
        }
        Map<Setting, List<ScalingCurve>> curvesByGroup = new HashMap<>();
        for (ScalingCurve c : in.curves().stream().sorted(Comparator.comparing(ScalingCurve::key)).toList()) {
            curvesByGroup.computeIfAbsent(Setting.of(c.key().curve()), g -> new ArrayList<>()).add(c);
        }
        Map<Setting, List<ContentionRow>> contention = new TreeMap<>();
        for (ContentionRow r : in.contention()) {
            contention.computeIfAbsent(Setting.of(r.key()), g -> new ArrayList<>()).add(r);
        }

        // Each benchmark's one unit, whatever its params, for its tables, its charts and its rows in Bounds
        // and Contention: two settings of one benchmark side by side in ops/us and ops/ms would be misread.
        Map<String, List<PointSummary>> byBenchmark = new HashMap<>();
        byGroup.forEach((g, points) -> byBenchmark.computeIfAbsent(benchmarkAndMode(g), b -> new ArrayList<>())
                .addAll(points));
        Map<Setting, DisplayUnit> units = new HashMap<>();
        byGroup.keySet().forEach(g -> units.put(g, DisplayUnit.forBenchmark(byBenchmark.get(benchmarkAndMode(g)))));
        Map<Setting, List<ChartFile>> chartsByGroup = drawCharts(byGroup, units, curvesByGroup, contention,
                new FileNames(byGroup.keySet()));
        String family = null;
        for (Map.Entry<Setting, List<PointSummary>> g : byGroup.entrySet()) {
            Setting group = g.getKey();
            if (!group.family().equals(family)) {
                family = group.family();
                doc.h(1, "Family " + family);
            }
            doc.h(2, Groups.title(group));
            pointTable(doc, g.getValue(), units.get(group), in.bounds(), in.bytesPerOp());
            for (ChartFile c : chartsByGroup.get(group)) {
                charts.add(c);
                doc.image(c);
            }
        }

        lostUpdates(doc, in.lostUpdates());
        ThreadsVsProcessesTable.section(doc, in.threadsVsProcesses());
        BoundsTable.add(doc, in.bounds(), units);
        ScalingTable.add(doc, in.curves());
        contentionTable(doc, contention, byGroup, units);
        unstable(doc, in.points());
        if (!in.sources().isEmpty()) {
            doc.h(1, "Inputs").bullets(in.sources());
        }
        return doc;
    }

    /** A benchmark in one mode, whatever its params: what shares one display unit. */
    private static String benchmarkAndMode(Setting g) {
        return String.join(" ", g.family(), g.benchmark(), g.mode().jmhName());
    }

    /**
     * Each group's charts: named group by group in report order (names are unique within the
     * report), then drawn in parallel, as drawing and PNG encoding are most of a report's time and
     * every chart is drawn from its own data.
     */
    private static Map<Setting, List<ChartFile>> drawCharts(Map<Setting, List<PointSummary>> groups, Map<Setting, DisplayUnit> units,
                                                          Map<Setting, List<ScalingCurve>> curves,
                                                          Map<Setting, List<ContentionRow>> contention, FileNames names) {
        Map<Setting, List<Supplier<ChartFile>>> planned = new LinkedHashMap<>();
        for (Map.Entry<Setting, List<PointSummary>> g : groups.entrySet()) {
            planned.put(g.getKey(), RunCharts.of(g.getKey(), g.getValue(), units.get(g.getKey()), curves.getOrDefault(g.getKey(), List.of()),
                    contention.getOrDefault(g.getKey(), List.of()), names));
        }
        List<ChartFile> drawn = planned.values().stream().flatMap(List::stream).toList()
                .parallelStream().map(Supplier::get).toList();
        Map<Setting, List<ChartFile>> out = new HashMap<>();
        int from = 0;
        for (Map.Entry<Setting, List<Supplier<ChartFile>>> g : planned.entrySet()) {
            out.put(g.getKey(), drawn.subList(from, from + g.getValue().size()));
            from += g.getValue().size();
        }
        return out;
    }

    /** Correctness: updates lost per point, for every point that checks its counter. */
    private static void lostUpdates(Doc doc, List<LostUpdates> rows) {
        if (rows.isEmpty()) {
            return;
        }
        doc.h(1, "Correctness: lost updates");
        doc.p("Every iteration checks its counter: counters by a burst of increments before it (same threads, same work), "
                + "processcounters after it, against the increments made. "
                + "Only the variants that exclude nothing (a semaphore with a permit per thread or process, "
                + "processcounters' unguarded) may lose updates.");
        Doc.TableBuilder t = new Doc.TableBuilder().text("benchmark").text("variant").text("params").text("at")
                .num("lost updates").num("iterations with loss");
        for (LostUpdates r : rows) {
            PointKey k = r.key();
            t.row(k.benchmark(), k.variant(), k.params(), Groups.at(k.cores(), k.threads()),
                    Fmt.n(r.total()), r.iterationsWithLoss() + " of " + r.iterations());
        }
        doc.table(t.build());
    }

    /** The machine in one line above the answers: CPU, cores, JDK, where recorded. */
    static String machineLine(ReportInput in) {
        Map<String, String> m = in.machine();
        List<String> parts = new ArrayList<>();
        for (String k : List.of(Machine.CPU_MODEL, Machine.CPUS_ONLINE, Machine.JDK_VERSION, Machine.STARTED)) {
            String v = m.getOrDefault(k, "");
            if (!v.isEmpty()) {
                parts.add(switch (k) {
                    case Machine.CPUS_ONLINE -> v + " CPUs online";
                    case Machine.JDK_VERSION -> "JDK " + v;
                    case Machine.STARTED -> "measured " + v.substring(0, Math.min(10, v.length())); // the date of an ISO time
                    default -> v;
                });
            }
        }
        return "Machine: " + (parts.isEmpty() ? "not recorded" : String.join(", ", parts)) + " (details below).";
    }

    private static void machine(Doc doc, ReportInput in) {
        doc.h(1, "Machine and JDK");
        if (in.machine().isEmpty()) {
            doc.p("Not recorded in the input.");
        } else {
            doc.table(keyValues(in.machine()));
        }
        doc.h(2, "Facts that change results");
        if (in.facts().isEmpty()) {
            doc.p("Not recorded (launch mechanism, affinity and pool parallelism unknown).");
        } else {
            doc.table(keyValues(in.facts()));
        }
    }

    private static Doc.Table keyValues(Map<String, String> m) {
        Doc.TableBuilder t = new Doc.TableBuilder().text("what").text("value");
        m.forEach((k, v) -> t.row(k, v));
        return t.build();
    }

    /** A column of a group's table: the points at these cores and threads. */
    private record CoresThreads(int cores, int threads) {
        static final Comparator<CoresThreads> ORDER = Comparator.comparingInt(CoresThreads::threads)
                .thenComparingInt(CoresThreads::cores);

        static CoresThreads of(PointKey k) {
            return new CoresThreads(k.cores(), k.threads());
        }
    }

    /** Variants as rows, points (cores/threads) as columns: mean and CI half-width in each cell. */
    private static void pointTable(Doc doc, List<PointSummary> points, DisplayUnit shown, Bounds bounds, Map<PointKey, Double> bytesPerOp) {
        TreeSet<CoresThreads> cols = new TreeSet<>(CoresThreads.ORDER);
        Map<String, Map<CoresThreads, PointSummary>> rows = new TreeMap<>();
        for (PointSummary p : points) {
            cols.add(CoresThreads.of(p.key()));
            rows.computeIfAbsent(p.key().variant(), v -> new HashMap<>()).put(CoresThreads.of(p.key()), p);
        }
        PointSummary any = points.get(0);
        doc.p("Mean score in " + shown.unit() + " (" + (any.mode().higherIsBetter() ? "higher" : "lower")
                + " is better) ± " + Fmt.LEVEL + " CI half-width over forks; columns are threads (t) on cores (c); "
                + "* marks an unstable point"
                + (points.stream().anyMatch(p -> bounds.at(p.key()).hasBound())
                        ? "; \"of bound\" is the mean over the point's physical bound (see Bounds)"
                        : "")
                + (points.stream().anyMatch(p -> p.notes().stream().anyMatch(n -> n instanceof SummaryNote.AtTarget))
                        ? "; a point the sweep stopped at its precision target shows that target as its interval, "
                        + "which covers after such a stop where its forks' own interval would not (stats/STATISTICS.md, \"Honest stopping\")"
                        : "")
                + (points.stream().anyMatch(p -> bytesPerOp.containsKey(p.key()))
                        ? "; B/op is the memory allocated per operation (JMH's gc profiler, " + ReportInput.ALLOCATION + ")"
                        : "")
                + ".");
        Doc.TableBuilder t = new Doc.TableBuilder().text("variant");
        for (CoresThreads c : cols) {
            t.num(Groups.at(c.cores(), c.threads()));
        }
        rows.forEach((variant, byPoint) -> {
            List<String> cells = new ArrayList<>();
            cells.add(variant);
            for (CoresThreads c : cols) {
                PointSummary p = byPoint.get(c);
                cells.add(p == null ? "" : Fmt.num(p.mean() * shown.factor()) + " " + Fmt.plusMinus(p.relCi()) + (p.unstable() ? " *" : "")
                        + BoundsTable.cellSuffix(bounds.at(p.key()))
                        + (bytesPerOp.containsKey(p.key()) ? " · " + Fmt.num(bytesPerOp.get(p.key())) + " B/op" : ""));
            }
            t.row(cells);
        });
        doc.table(t.build());
    }

    private static void contentionTable(Doc doc, Map<Setting, List<ContentionRow>> contention,
                                        Map<Setting, List<PointSummary>> points, Map<Setting, DisplayUnit> units) {
        doc.h(1, "Contention");
        doc.p("Each variant at each point: its mean, in its benchmark's unit as in its table, then its throughput over "
                + "its own throughput at 1 thread, and over the ranked variant with the highest mean at the same point "
                + "(×1 is that one), with " + Fmt.LEVEL + " intervals. The highest mean is a reference here, not a verdict: the Answers "
                + "and the findings say where a lead is shown. Times per operation enter the ratios as throughput "
                + "(threads / time).");
        if (contention.isEmpty()) {
            doc.p("No points.");
        }
        contention.forEach((group, rows) -> {
            doc.h(2, Groups.title(group));
            DisplayUnit shown = units.get(group);
            Map<PointKey, PointSummary> byKey = new HashMap<>();
            points.get(group).forEach(p -> byKey.put(p.key(), p));
            Doc.TableBuilder t = new Doc.TableBuilder().text("variant").num("cores").num("threads")
                    .num("mean (" + shown.unit() + ")").num("vs 1 thread (×) [" + Fmt.LEVEL + " CI]").num("vs highest mean (×) [" + Fmt.LEVEL + " CI]")
                    .text("highest mean here").text("note");
            for (ContentionRow r : rows) {
                t.row(r.key().variant(), Integer.toString(r.key().cores()), Integer.toString(r.key().threads()),
                        Fmt.num(byKey.get(r.key()).mean() * shown.factor()), ratio(r.vsOneThread()), ratio(r.vsBest()),
                        r.bestVariant(), Wording.contention(r));
            }
            doc.table(t.build());
        });
    }

    static String ratio(Ratio r) {
        return Fmt.ratioWithInterval(r.value(), r.low(), r.high());
    }

    private static void unstable(Doc doc, List<PointSummary> points) {
        doc.h(1, "Unstable points");
        List<PointSummary> u = points.stream().filter(PointSummary::unstable).sorted(Comparator.comparing(PointSummary::key)).toList();
        if (u.isEmpty()) {
            doc.p("None: at no point of " + Modes.MIN_FORKS + " or more forks do the fork means split into two groups."
                    + unchecked(points));
            return;
        }
        doc.p("The fork means fall into two groups at least " + Fmt.pct(Modes.MIN_GAP) + " apart, each seen in at least "
                + Modes.MIN_PER_MODE + " forks and tight compared with the gap: two modes, "
                + "as contended locks show when each JVM settles into one of two regimes. The mean averages the modes; "
                + "read it with care and prefer more forks." + unchecked(points));
        Doc.TableBuilder t = new Doc.TableBuilder().text("benchmark").text("variant").text("params").num("cores").num("threads")
                .num("forks").num("mean").text("unit").num("CV between forks").text("fork means").text("note");
        for (PointSummary p : u) {
            StringBuilder fm = new StringBuilder();
            for (double f : p.forkMeans()) {
                fm.append(fm.length() == 0 ? "" : ", ").append(Fmt.num(f));
            }
            t.row(p.key().benchmark(), p.key().variant(), p.key().params(), Integer.toString(p.key().cores()),
                    Integer.toString(p.key().threads()), Integer.toString(p.forks()), Fmt.num(p.mean()), p.unit(),
                    Fmt.pct(p.cvBetweenForks()), fm.toString(), Wording.summary(p.notes()));
        }
        doc.table(t.build());
    }

    /** " Modes unchecked at 12 points of fewer than 4 forks." (one fork apart from two cannot be told from an outlier) */
    private static String unchecked(List<PointSummary> points) {
        int n = Modes.uncheckedPoints(points);
        return n == 0 ? "" : " Modes unchecked at " + n + " point" + (n == 1 ? "" : "s") + " of fewer than "
                + Modes.MIN_FORKS + " forks (a mode needs " + Modes.MIN_PER_MODE + " forks to be told from an outlier).";
    }
}
