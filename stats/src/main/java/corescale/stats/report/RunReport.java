package corescale.stats.report;

import corescale.stats.bounds.Bounds;
import corescale.stats.contention.ContentionRow;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.Ratio;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.CurveKey;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.summary.LostUpdates;
import corescale.stats.scaling.ScalingPoint;
import corescale.stats.scaling.Estimate;
import corescale.stats.scaling.UslFit;
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

    /**
     * Writes the report into {@code outDir} (created if missing); each file is replaced atomically.
     *
     * @return the files written: report.md, report.html, then the charts
     */
    public static List<Path> write(Path outDir, ReportInput input, List<String> findings) throws IOException {
        List<ChartFile> charts = new ArrayList<>();
        Doc doc = build(input, findings, charts);
        return Output.write(outDir, doc, charts);
    }

    /** As {@link #write(Path, ReportInput, List)} with the input's own findings. */
    public static List<Path> write(Path outDir, ReportInput input) throws IOException {
        return write(outDir, input, Findings.of(input));
    }

    static Doc build(ReportInput in, List<ChartFile> charts) {
        return build(in, Findings.of(in), charts);
    }

    static Doc build(ReportInput in, List<String> findings, List<ChartFile> charts) {
        FileNames names = new FileNames();
        Doc doc = new Doc("corescale report: " + in.runLabel(), "report");
        machine(doc, in);
        doc.h(1, "Findings").bullets(findings);

        Map<String, List<PointSummary>> byGroup = new TreeMap<>();
        for (PointSummary p : in.points()) {
            byGroup.computeIfAbsent(Groups.pointGroup(p), g -> new ArrayList<>()).add(p);
        }
        Map<String, List<ScalingCurve>> curvesByGroup = new LinkedHashMap<>();
        for (ScalingCurve c : in.curves().stream().sorted(Comparator.comparing(ScalingCurve::key)).toList()) {
            curvesByGroup.computeIfAbsent(Groups.curveGroup(c.key()), g -> new ArrayList<>()).add(c);
        }
        Map<String, List<ContentionRow>> contention = new TreeMap<>();
        Map<PointKey, PointSummary> byKey = new HashMap<>();
        in.points().forEach(p -> byKey.put(p.key(), p));
        for (ContentionRow r : in.contention()) {
            PointSummary p = byKey.get(r.key());
            contention.computeIfAbsent(p == null ? Groups.title(r.key().family(), r.key().benchmark(), r.key().params(), r.mode())
                    : Groups.pointGroup(p), g -> new ArrayList<>()).add(r);
        }

        String family = null;
        for (Map.Entry<String, List<PointSummary>> g : byGroup.entrySet()) {
            PointSummary any = g.getValue().get(0);
            if (!any.key().family().equals(family)) {
                family = any.key().family();
                doc.h(1, "Family " + family);
            }
            doc.h(2, g.getKey());
            pointTable(doc, g.getValue(), in.bounds());
            groupCharts(doc, g.getKey(), curvesByGroup, contention.get(g.getKey()), names, charts);
        }

        lostUpdates(doc, in.lostUpdates());
        ThreadsVsProcesses.section(doc, in.points(), in.lostUpdates());
        BoundsTable.add(doc, in.bounds());
        scalingTable(doc, in.curves());
        contentionTable(doc, contention);
        unstable(doc, in.points());
        if (!in.sources().isEmpty()) {
            doc.h(1, "Inputs").bullets(in.sources());
        }
        return doc;
    }

    /** Correctness: updates lost per point, for every point that checks its counter. */
    private static void lostUpdates(Doc doc, List<LostUpdates> rows) {
        if (rows.isEmpty()) {
            return;
        }
        doc.h(1, "Correctness: lost updates");
        doc.p("After every iteration the counter is compared with the increments the threads made. "
                + "Only the variants that exclude nothing (a semaphore with a permit per thread or process, "
                + "processcounters' unguarded) may lose updates.");
        Doc.TableBuilder t = new Doc.TableBuilder().text("benchmark").text("variant").text("params").text("at")
                .num("lost updates").num("iterations with loss");
        for (LostUpdates r : rows) {
            PointKey k = r.key();
            t.row(k.benchmark(), k.variant(), k.params(), Groups.at(k.cores(), k.threads()),
                    String.format(java.util.Locale.ROOT, "%.0f", r.total()), r.iterationsWithLoss() + " of " + r.iterations());
        }
        doc.table(t.build());
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

    /** Variants as rows, points (cores/threads) as columns: mean and CI half-width in each cell. */
    private static void pointTable(Doc doc, List<PointSummary> points, Bounds bounds) {
        TreeSet<int[]> cols = new TreeSet<>(Comparator.<int[]>comparingInt(a -> a[1]).thenComparingInt(a -> a[0]));
        Map<String, Map<String, PointSummary>> rows = new TreeMap<>();
        for (PointSummary p : points) {
            cols.add(new int[] {p.key().cores(), p.key().threads()});
            rows.computeIfAbsent(p.key().variant(), v -> new TreeMap<>()).put(p.key().cores() + "/" + p.key().threads(), p);
        }
        PointSummary any = points.get(0);
        DisplayUnit shown = DisplayUnit.forValues(any.unit(), points.stream().mapToDouble(PointSummary::mean).toArray());
        doc.p("Mean score in " + shown.unit() + " (" + (any.mode().higherIsBetter() ? "higher" : "lower")
                + " is better) ± 95% CI half-width over forks; columns are threads (t) on cores (c); "
                + "* marks an unstable point"
                + (points.stream().anyMatch(p -> bounds.at(p.key()).hasBound())
                        ? "; \"of bound\" is the mean over the point's physical bound (see Bounds)"
                        : "")
                + ".");
        Doc.TableBuilder t = new Doc.TableBuilder().text("variant");
        for (int[] c : cols) {
            t.num(Groups.at(c[0], c[1]));
        }
        rows.forEach((variant, byPoint) -> {
            List<String> cells = new ArrayList<>();
            cells.add(variant);
            for (int[] c : cols) {
                PointSummary p = byPoint.get(c[0] + "/" + c[1]);
                cells.add(p == null ? "" : Fmt.num(p.mean() * shown.factor()) + " " + Fmt.plusMinus(p.relCi()) + (p.unstable() ? " *" : "")
                        + BoundsTable.cellSuffix(bounds.at(p.key())));
            }
            t.row(cells);
        });
        doc.table(t.build());
    }

    /** The curves of one chart in one unit that reads well (they share the canonical unit). */
    private static List<ScalingCurve> readable(List<ScalingCurve> curves) {
        DisplayUnit shown = DisplayUnit.forValues(curves.get(0).unit(), curves.stream()
                .flatMap(c -> c.points().stream()).mapToDouble(ScalingPoint::throughput).toArray());
        return curves.stream().map(c -> c.inUnit(shown.unit(), shown.factor())).toList();
    }

    private static void groupCharts(Doc doc, String group, Map<String, List<ScalingCurve>> curvesByGroup,
                                    List<ContentionRow> contention, FileNames names, List<ChartFile> charts) {
        List<ScalingCurve> cores = null;
        List<ScalingCurve> threads = null;
        int threadsCores = -1;
        for (List<ScalingCurve> cs : curvesByGroup.values()) {
            CurveKey k = cs.get(0).key();
            if (!Groups.pointGroupOf(k).equals(group) || cs.stream().allMatch(c -> c.points().size() < 2)) {
                continue;
            }
            if (k.axis() == Axis.CORES) {
                cores = cs;
            } else if (k.fixedCores().getAsInt() > threadsCores) {
                // Only the largest core count gets a threads chart: the others repeat its story
                // with fewer points, and are all in the scaling table.
                threads = cs;
                threadsCores = k.fixedCores().getAsInt();
            }
        }
        cores = cores == null ? null : readable(cores);
        threads = threads == null ? null : readable(threads);
        if (cores != null) {
            CurveKey k = cores.get(0).key();
            add(doc, charts, Charts.throughput(group + ": throughput vs cores", cores,
                    names.png("chart", k.family(), k.benchmark(), k.params(), k.mode().jmhName(), "cores")));
            add(doc, charts, Charts.speedup(group + ": speedup vs cores", cores,
                    names.png("chart", k.family(), k.benchmark(), k.params(), k.mode().jmhName(), "speedup")));
        }
        if (threads != null) {
            CurveKey k = threads.get(0).key();
            add(doc, charts, Charts.throughput(group + ": throughput vs threads on " + threadsCores + " cores", threads,
                    names.png("chart", k.family(), k.benchmark(), k.params(), k.mode().jmhName(), "threads", threadsCores + "c")));
        }
        if (contention != null) {
            Map<String, double[][]> series = contentionSeries(contention);
            if (!series.isEmpty()) {
                ContentionRow r = contention.get(0);
                add(doc, charts, Charts.contention(group + ": contention", "threads (on as many cores as threads, up to all; then oversubscribed)",
                        series, names.png("chart", r.key().family(), r.key().benchmark(), r.key().params(), r.mode().jmhName(), "contention")));
            }
        }
    }

    /** Per variant, {threads, ratio, low, high}; at each thread count the point with the most cores. */
    private static Map<String, double[][]> contentionSeries(List<ContentionRow> rows) {
        Map<String, TreeMap<Integer, ContentionRow>> byVariant = new TreeMap<>();
        for (ContentionRow r : rows) {
            if (!Double.isFinite(r.vsOneThread().value())) {
                continue;
            }
            byVariant.computeIfAbsent(r.key().variant(), v -> new TreeMap<>())
                    .merge(r.key().threads(), r, (a, b) -> a.key().cores() >= b.key().cores() ? a : b);
        }
        Map<String, double[][]> out = new LinkedHashMap<>();
        byVariant.forEach((v, m) -> {
            if (m.size() >= 2) {
                out.put(v, m.values().stream().map(r -> new double[] {r.key().threads(), r.vsOneThread().value(),
                        r.vsOneThread().low(), r.vsOneThread().high()}).toArray(double[][]::new));
            }
        });
        return out;
    }

    private static void add(Doc doc, List<ChartFile> charts, ChartFile c) {
        charts.add(c);
        doc.image(c);
    }

    private static void scalingTable(Doc doc, List<ScalingCurve> curves) {
        doc.h(1, "Scaling");
        doc.p("One row per curve. Speedup and efficiency at the largest N are relative to the smallest N measured (N0). "
                + "σ (contention) and κ (coherency) are USL fits to every fork mean (relative error) with 95% "
                + "profile-likelihood intervals. N* is the N of peak throughput with its interval; peak says whether it "
                + "was measured (inside the measured N, κ's interval above 0), extrapolated (beyond the measured N, "
                + "or κ's interval reaches 0: a guess, not a finding) or none (∞: the curve keeps rising; or the USL "
                + "does not fit). R² is on log throughput. The USL needs at least "
                + UslFit.MIN_DISTINCT_N + " distinct N.");
        Doc.TableBuilder t = new Doc.TableBuilder().text("benchmark").text("variant").text("params").text("axis")
                .num("N0–Nmax").num("speedup at Nmax (×)").num("efficiency at Nmax").num("σ [95% CI]").num("κ [95% CI]")
                .num("N* [95% CI]").text("peak").num("R²").text("note");
        for (ScalingCurve c : curves.stream().sorted(Comparator.comparing(ScalingCurve::key)).toList()) {
            CurveKey k = c.key();
            ScalingPoint max = c.atMax();
            UslFit u = c.usl();
            String axis = k.axis() == Axis.CORES ? "cores" : "threads on " + k.fixedCores().getAsInt() + "c";
            String note = String.join("; ", List.of(c.note(), u.note(), u.lackOfFit()).stream().filter(s -> !s.isEmpty()).toList());
            t.row(k.benchmark(), k.variant(), k.params(), axis,
                    max == null ? "–" : Fmt.n(c.baselineN()) + "–" + Fmt.n(c.nMax()),
                    max == null ? "–" : Fmt.num3(max.speedup()),
                    max == null ? "–" : Fmt.pct(max.efficiency()),
                    Fmt.withInterval(u.sigma(), u.contention().low(), u.contention().high()),
                    Fmt.withInterval(u.kappa(), u.coherency().low(), u.coherency().high()),
                    nStar(u),
                    u.fitted() ? u.peak().csvName() : "–",
                    u.fitted() ? Fmt.num3(u.rSquared()) : "–",
                    note);
        }
        if (t.isEmpty()) {
            doc.p("No scaling curves.");
        } else {
            doc.table(t.build());
        }
    }

    /** N* with its interval; ∞ where there is no peak or no upper bound. */
    private static String nStar(UslFit u) {
        Estimate e = u.peakConcurrency();
        if (!u.fitted() || Double.isNaN(e.value())) {
            return "–";
        }
        String est = Double.isInfinite(e.value()) ? "∞" : Fmt.num3(e.value());
        if (Double.isNaN(e.low())) {
            return est;
        }
        return est + " [" + Fmt.num3(e.low()) + ", " + (Double.isInfinite(e.high()) ? "∞" : Fmt.num3(e.high())) + "]";
    }

    private static void contentionTable(Doc doc, Map<String, List<ContentionRow>> contention) {
        doc.h(1, "Contention");
        doc.p("Throughput of each variant at each point over its own throughput at 1 thread, and over the best variant "
                + "at the same point (×1 is the best), with 95% intervals. Times per operation are first turned into "
                + "throughput (threads / time).");
        if (contention.isEmpty()) {
            doc.p("No points.");
        }
        contention.forEach((group, rows) -> {
            doc.h(2, group);
            Doc.TableBuilder t = new Doc.TableBuilder().text("variant").num("cores").num("threads")
                    .num("throughput (ops/us)").num("vs 1 thread (×) [95% CI]").num("vs best (×) [95% CI]")
                    .text("best here").text("note");
            for (ContentionRow r : rows) {
                t.row(r.key().variant(), Integer.toString(r.key().cores()), Integer.toString(r.key().threads()),
                        Fmt.num(r.throughput()), ratio(r.vsOneThread()), ratio(r.vsBest()), r.bestVariant(), r.note());
            }
            doc.table(t.build());
        });
    }

    static String ratio(Ratio r) {
        return Fmt.withInterval(r.value(), r.low(), r.high());
    }

    private static void unstable(Doc doc, List<PointSummary> points) {
        doc.h(1, "Unstable points");
        List<PointSummary> u = points.stream().filter(PointSummary::unstable).sorted(Comparator.comparing(PointSummary::key)).toList();
        if (u.isEmpty()) {
            doc.p("None: at no point (of 3 or more forks) do the fork means split into two groups.");
            return;
        }
        doc.p("The fork means fall into two groups at least 10% apart, each tight compared with the gap: two modes, "
                + "as contended locks show when each JVM settles into one of two regimes. The mean averages the modes; "
                + "read it with care and prefer more forks.");
        Doc.TableBuilder t = new Doc.TableBuilder().text("benchmark").text("variant").text("params").num("cores").num("threads")
                .num("forks").num("mean").text("unit").num("CV between forks").text("fork means").text("note");
        for (PointSummary p : u) {
            StringBuilder fm = new StringBuilder();
            for (double f : p.forkMeans()) {
                fm.append(fm.length() == 0 ? "" : ", ").append(Fmt.num(f));
            }
            t.row(p.key().benchmark(), p.key().variant(), p.key().params(), Integer.toString(p.key().cores()),
                    Integer.toString(p.key().threads()), Integer.toString(p.forks()), Fmt.num(p.mean()), p.unit(),
                    Fmt.pct(p.cvBetweenForks()), fm.toString(), p.note());
        }
        doc.table(t.build());
    }
}
