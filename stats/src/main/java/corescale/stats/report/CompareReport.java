package corescale.stats.report;

import corescale.stats.compare.CompareResult;
import corescale.stats.compare.CurveComparison;
import corescale.stats.compare.Design;
import corescale.stats.compare.PointComparison;
import corescale.stats.compare.OwnJvmArgs;
import corescale.stats.compare.RunData;
import corescale.stats.compare.Verdict;
import corescale.stats.model.Curve;
import corescale.stats.model.RunInfo;
import corescale.stats.model.Setting;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.NoFit;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.UslFit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Writes {@code compare.md}, {@code compare.html} and their charts: per other run, the verdicts,
 * geometric means per family, a ratio chart per benchmark with the ±threshold band, the point
 * table, the per-core curve comparison when the largest core counts differ; then every run's scaling curves of
 * a benchmark on one chart. Named compare.* so that it never replaces the base run's report.md.
 */
public final class CompareReport {

    public static final String MARKDOWN = "compare.md";
    public static final String HTML = "compare.html";
    /** Points per ratio chart beyond which it is split: more labels than that cannot be read. */
    static final int MAX_POINTS_PER_CHART = 36;
    /** Variants per multi-run chart beyond which each variant gets its own chart. */
    static final int MAX_VARIANTS_PER_CHART = 3;

    private CompareReport() {
    }

    /**
     * compare.md, compare.html, their charts and the data files, rendered for {@code outDir}, not written
     * ({@link Output#writeAll}).
     *
     * @param runs      every run (or configuration), the base side first, as compared
     * @param results   the comparison of each other side against the base, in order
     * @param findings  each comparison's {@link CompareFindings}, in the same order (computed once, also printed)
     * @param dataFiles compare.csv, rendered, by file name: written with the report, all or none
     */
    public static Output.Rendered render(Path outDir, List<RunData> runs, List<CompareResult> results,
                                         List<List<String>> findings, Map<String, String> dataFiles) {
        List<ChartFile> charts = new ArrayList<>();
        Doc doc = build(runs, results, findings, charts);
        return Output.render(outDir, doc, charts, dataFiles);
    }

    static Doc build(List<RunData> runs, List<CompareResult> results, List<List<String>> findings, List<ChartFile> charts) {
        List<Setting> groups = new ArrayList<>();
        results.forEach(r -> r.points().forEach(p -> groups.add(Setting.of(p.key()))));
        runs.forEach(run -> run.curves().forEach(c -> groups.add(Setting.of(c.key().curve()))));
        FileNames names = new FileNames(groups);
        Doc doc = new Doc("corescale compare: " + String.join(" vs ", runs.stream().map(RunData::name).toList()), "compare");
        runsTable(doc, runs);
        doc.p(ORIENTATION + "; how the verdicts are reached follows them.");
        // The verdicts first; how they are reached after them, for the reader who asks.
        for (int i = 0; i < results.size(); i++) {
            result(doc, results.get(i), findings.get(i), names, charts);
        }
        doc.h(1, "How the verdicts are reached");
        doc.p(verdictRule(results.get(0))); // one call compares every side by one rule
        machines(doc, runs, names, charts);
        return doc;
    }

    /** Which way a ratio points, said before the first one is shown. */
    static final String ORIENTATION = "Ratios above 1 mean the other side (run or configuration) is faster (other/base for throughput, base/other "
            + "for time per operation)";

    /** How the verdicts are reached, in words; see stats/STATISTICS.md. */
    static String verdictRule(CompareResult r) {
        String t = Fmt.rate(r.threshold());
        return "Each ratio has its " + Fmt.LEVEL + " interval from a t test on logs whose unit of replication is, per "
                + "comparison, the fork (one run a side: Welch's t on fork means), the pair of forks of one round "
                + "(configurations of one run: the round a random effect, i.e. the paired t when the rounds share an "
                + "effect, the pooled t when they share none, p-values corrected for that choice) or the run (replicate "
                + "runs: Welch's t on the runs' means, or the pooled t when one side has a single run, whose run-to-run "
                + "variance the other side's stands for). "
                + "A point needs at least " + r.minForks() + " forks or pairs on each side, and replicate runs "
                + r.minForks() + " runs on one side at least, else it is insufficient: one says nothing of the "
                + "variance. Faster or slower: the change is significant after adjusting the "
                + "p-values of all points of the comparison for their number (Benjamini-Hochberg, false-discovery rate "
                + Fmt.rate(r.alpha()) + ") and the ratio lies beyond ±" + t + ". Same: an equivalence test (two "
                + "one-sided tests at " + Fmt.rate(r.alpha()) + ") shows the ratio within ±" + t
                + ". Inconclusive otherwise. Columns: n is the forks (pairs, runs) each side's test used, q (BH) the "
                + "adjusted p of no change, p same the equivalence test's p.";
    }

    private static void runsTable(Doc doc, List<RunData> runs) {
        doc.lead("Runs");
        // JVM arguments only where the sides differ in them: they are what configurations of one run change. The
        // harness's own (the core count, the CPUs, the archive) change with every point, so only those a side
        // gives to all its forks, and not every other side too, are shown.
        List<String> own = OwnJvmArgs.of(runs);
        boolean args = own.stream().distinct().count() > 1;
        Doc.TableBuilder t = new Doc.TableBuilder().text("run").text("host").text("cpu").num("cpus").text("jdk")
                .text("affinity").num("points");
        if (args) {
            t.text("jvm args of its own");
        }
        for (RunData r : runs) {
            List<String> row = new ArrayList<>(List.of(r.name(), join(r, i -> i.machine().host()), join(r, i -> i.machine().cpuModel()),
                    join(r, i -> i.machine().cpusOnlineText()),
                    join(r, i -> (i.machine().jdkVendor() + " " + i.machine().jdkVersion()).trim()), join(r, RunInfo::affinity),
                    Integer.toString(r.points().size())));
            if (args) {
                row.add(own.get(runs.indexOf(r)));
            }
            t.row(row);
        }
        doc.table(t.build());
    }

    private static String join(RunData r, java.util.function.Function<RunInfo, String> f) {
        return String.join(" | ", r.runs().stream().map(f).filter(s -> !s.isEmpty()).distinct().sorted().toList());
    }

    private static void result(Doc doc, CompareResult r, List<String> findings, FileNames names,
                               List<ChartFile> charts) {
        doc.lead(r.other() + " vs " + r.base());
        // The verdicts first, then the machine's own speed beside which the families' ratios are read.
        doc.p(CompareFindings.verdictCounts(r) + ".");
        if (r.canary().known()) {
            doc.p("The machine itself: " + CanaryText.describe(r.canary()) + ".");
        }
        doc.bullets(findings);
        List<String> insufficient = r.points(Verdict.INSUFFICIENT).stream()
                .map(p -> Groups.point(p.key()) + ": " + Wording.compare(p.notes()))
                .toList();
        if (!insufficient.isEmpty()) {
            doc.p(insufficient.size() + " point" + (insufficient.size() == 1 ? " has" : "s have")
                    + " no verdict (insufficient: fewer than " + r.minForks() + " forks in a run, or no spread;"
                    + " each line says which), and "
                    + "--fail-on-regression cannot see a regression there:");
            doc.bullets(insufficient);
        }
        if (!r.mismatches().isEmpty()) {
            doc.p("The runs differ in:");
            doc.bullets(r.mismatches().stream().map(m -> Wording.mismatch(r, m)).toList());
        }
        if (!r.families().isEmpty()) {
            Doc.TableBuilder g = new Doc.TableBuilder().text("family").num("points").num("geometric mean ratio (×)");
            r.families().forEach(f -> g.row(f.family(), Integer.toString(f.points()), Fmt.num3(f.geomean())));
            doc.table(g.build());
        }

        Map<String, List<PointComparison>> groups = new TreeMap<>();
        for (PointComparison p : r.points()) {
            groups.computeIfAbsent(Groups.title(Setting.of(p.key())),
                    k -> new ArrayList<>()).add(p);
        }
        groups.forEach((group, points) -> {
            doc.h(2, group);
            List<PointComparison> sorted = points.stream().sorted(Comparator.comparing(PointComparison::key)).toList();
            List<CompareCharts.Ratio> ratios = sorted.stream()
                    .filter(p -> Double.isFinite(p.ratio().value()))
                    .map(p -> new CompareCharts.Ratio(p.key().variant() + " " + Groups.at(p.key().cores(), p.key().threads()),
                            p.ratio().value(), p.ratio().low(), p.ratio().high()))
                    .toList();
            PointComparison any = sorted.get(0);
            for (int from = 0; from < ratios.size(); from += MAX_POINTS_PER_CHART) {
                List<CompareCharts.Ratio> part = ratios.subList(from, Math.min(ratios.size(), from + MAX_POINTS_PER_CHART));
                String suffix = ratios.size() > MAX_POINTS_PER_CHART ? " (" + (from / MAX_POINTS_PER_CHART + 1) + ")" : "";
                ChartFile c = CompareCharts.ratios(Setting.of(any.key()), r.base(), r.other(), suffix, part, r.threshold())
                        .render(names.compare(Setting.of(any.key()), CompareCharts.runLabel(r.other()), "ratio",
                                suffix.isEmpty() ? "" : Integer.toString(from / MAX_POINTS_PER_CHART + 1)));
                charts.add(c);
                doc.image(c);
            }
            Doc.TableBuilder t = new Doc.TableBuilder().num("#").text("variant").num("cores").num("threads")
                    .num("base (" + any.unit() + ")").num("other (" + any.unit() + ")").num("ratio (×) [" + Fmt.LEVEL + " CI]")
                    .text("n").num("q (BH)").num("p same").text("verdict").text("note");
            int number = 0;
            for (PointComparison p : sorted) {
                // Numbered as on the ratio chart, which shows only points with a ratio.
                String no = Double.isFinite(p.ratio().value()) ? Integer.toString(++number) : "";
                t.row(no, p.key().variant(), Integer.toString(p.key().cores()), Integer.toString(p.key().threads()),
                        Fmt.num(p.baseMean()), Fmt.num(p.otherMean()), RunReport.ratio(p.ratio()), replicates(p),
                        Fmt.p(p.qChange()),
                        Fmt.p(p.pSame()), p.verdict().label(), Wording.compare(p.notes()));
            }
            doc.table(t.build());
        });

        if (!r.curves().isEmpty()) {
            // Where no run has the core counts a USL fit needs, two columns saying so on every row say nothing.
            boolean usl = r.curves().stream().flatMap(c -> Stream.of(c.baseUsl(), c.otherUsl()))
                    .anyMatch(u -> u != null && (u.fitted() || u.noFit().reason() != NoFit.Reason.TOO_FEW_N));
            doc.h(2, "Curves compared per core (largest core counts differ)");
            doc.p("Throughput per core at each run's largest core count: how much each machine gets out of one core "
                    + "when all are busy. Above 1: the other run does more per core. " + (usl
                    ? "Beside it, each run's Universal Scalability Law fit over cores (sigma: contention, kappa: "
                    + "coherency, N*: the core count of peak throughput), where the run has at least "
                    + UslFit.MIN_DISTINCT_N + " core counts."
                    : "No run has the " + UslFit.MIN_DISTINCT_N + " core counts a Universal Scalability Law fit needs."));
            Doc.TableBuilder t = new Doc.TableBuilder().text("benchmark").text("variant").text("params")
                    .num("base cores").num("other cores").num("base per core").num("other per core")
                    .num("ratio (×) [" + Fmt.LEVEL + " CI]");
            if (usl) {
                t.text("USL base").text("USL other");
            }
            t.text("note");
            for (CurveComparison c : r.curves()) {
                Curve k = c.curve();
                // The benchmark with its mode unless thrpt, as a group's title has it: thrpt and avgt are two rows.
                String benchmark = Groups.subject(new Setting(k.family(), k.benchmark(), "", k.mode()));
                List<String> row = new ArrayList<>(List.of(benchmark, k.variant(), k.params(), Integer.toString(c.baseCores()),
                        Integer.toString(c.otherCores()), Fmt.num(c.basePerCore()), Fmt.num(c.otherPerCore()), RunReport.ratio(c.ratio())));
                if (usl) {
                    row.add(Wording.uslInBrief(c.baseUsl()));
                    row.add(Wording.uslInBrief(c.otherUsl()));
                }
                row.add(Wording.curve(c));
                t.row(row);
            }
            doc.table(t.build());
        }
    }

    /** "5 pairs", "3+3 forks", "2+2 runs"; empty for a point found on one side only. */
    private static String replicates(PointComparison p) {
        if (p.nBase() == 0 && p.nOther() == 0) {
            return "";
        }
        return (p.design() == Design.PAIRED ? Integer.toString(p.nBase()) : p.nBase() + "+" + p.nOther()) + " "
                + Wording.units(p.design());
    }

    /** Every run's curves over cores of one benchmark on one chart (or one per variant when many). */
    private static void machines(Doc doc, List<RunData> runs, FileNames names, List<ChartFile> charts) {
        if (runs.size() < 2) {
            return;
        }
        // group -> run -> curves
        Map<String, Map<String, List<ScalingCurve>>> groups = new TreeMap<>();
        for (RunData run : runs) {
            for (ScalingCurve c : run.curves()) {
                if (c.key().axis() != Axis.CORES || c.points().size() < 2) {
                    continue;
                }
                groups.computeIfAbsent(Groups.title(Setting.of(c.key().curve())), g -> new LinkedHashMap<>())
                        .computeIfAbsent(run.name(), n -> new ArrayList<>()).add(c);
            }
        }
        groups.values().removeIf(byRun -> byRun.size() < 2);
        if (groups.isEmpty()) {
            return;
        }
        doc.h(1, "Scaling in each run");
        doc.p("The same benchmark's throughput against cores from every run (or configuration), with " + Fmt.LEVEL + " intervals.");
        groups.forEach((group, byRun) -> {
            doc.h(2, group);
            ScalingCurve any = byRun.values().iterator().next().get(0);
            List<String> variants = byRun.values().stream().flatMap(List::stream).map(c -> c.key().variant())
                    .distinct().sorted().toList();
            if (variants.size() <= MAX_VARIANTS_PER_CHART) {
                add(doc, charts, CompareCharts.machines(new ChartTitle(Setting.of(any.key().curve()), "throughput vs cores, all runs"), byRun)
                        .render(names.compare(Setting.of(any.key().curve()), "machines")));
                return;
            }
            for (String v : variants) {
                Map<String, List<ScalingCurve>> one = new LinkedHashMap<>();
                byRun.forEach((run, cs) -> cs.stream().filter(c -> c.key().variant().equals(v))
                        .forEach(c -> one.computeIfAbsent(run, k -> new ArrayList<>()).add(c)));
                if (!one.isEmpty()) {
                    add(doc, charts, CompareCharts.machines(new ChartTitle(Setting.of(any.key().curve()), v, "throughput vs cores, all runs"), one)
                            .render(names.compare(Setting.of(any.key().curve()), v, "machines")));
                }
            }
        });
    }

    private static void add(Doc doc, List<ChartFile> charts, ChartFile c) {
        charts.add(c);
        doc.image(c);
    }
}
