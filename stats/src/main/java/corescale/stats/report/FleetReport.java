package corescale.stats.report;

import corescale.stats.fleet.Fleet;
import corescale.stats.model.RunInfo;
import corescale.stats.model.Setting;
import corescale.stats.run.Canary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes {@code fleet.md}, {@code fleet.html} and their charts: several machines' runs on one page.
 * It opens with the Answers of each machine side by side, then the machines (CPU, cores, JDK) and
 * their canaries, then per benchmark setting one chart of every machine's throughput over cores and
 * one of its throughput per core.
 */
public final class FleetReport {

    public static final String STEM = "fleet";
    /** Longest CPU name in a chart's legend. */
    static final int LEGEND_CPU = 34;

    private FleetReport() {
    }

    /** @return the files written: fleet.md, fleet.html, then the charts */
    public static List<Path> write(Path outDir, Fleet fleet) throws IOException {
        List<ChartFile> charts = new ArrayList<>();
        Doc doc = build(fleet, charts);
        return Output.write(outDir, doc, charts, Map.of());
    }

    /** Every section is shown unfolded: the page is short, and its tables and charts are what it is for. */
    static Doc build(Fleet fleet, List<ChartFile> charts) {
        List<String> machines = fleet.machines().stream().map(Fleet.Machine::label).toList();
        Doc doc = new Doc("corescale fleet: " + String.join(", ", machines), STEM);
        answers(doc, fleet);
        machines(doc, fleet);
        canaries(doc, fleet);
        scaling(doc, fleet, charts);
        return doc;
    }

    /** Each machine's answers in its column, one row per question; a blank where it was not measured. */
    private static void answers(Doc doc, Fleet fleet) {
        doc.lead("Answers, machine by machine");
        Map<AnswersSection.Question, String> topics = new LinkedHashMap<>();
        Map<AnswersSection.Question, Map<String, String>> byQuestion = new LinkedHashMap<>(); // question -> machine -> answer
        for (Fleet.Machine m : fleet.machines()) {
            for (AnswersSection.Line l : AnswersSection.lines(m.answers())) {
                topics.putIfAbsent(l.question(), l.topic());
                // A question answered at two places (threads vs processes at 2t and 4t): both, in one cell.
                byQuestion.computeIfAbsent(l.question(), q -> new LinkedHashMap<>()).merge(m.label(), l.answer(), (a, b) -> a + " " + b);
            }
        }
        if (byQuestion.isEmpty()) {
            doc.p("No machine measured what the answers are about (the counters, and the cpu, io and spawn execution "
                    + "models); the charts below show what they measured.");
            return;
        }
        doc.p("Each machine's answers as its own report words them (ratios of throughput with " + Fmt.LEVEL + " intervals; a tie "
                + "stays a tie), one column per machine, so that a reader sees where the machines agree. Where they "
                + "differ, the canaries below tell a faster machine from a faster lock.");
        Doc.TableBuilder t = new Doc.TableBuilder().text("question");
        fleet.machines().forEach(m -> t.text(m.label()));
        byQuestion.forEach((question, answers) -> {
            List<String> row = new ArrayList<>(List.of(topics.get(question)));
            fleet.machines().forEach(m -> row.add(answers.getOrDefault(m.label(), "–")));
            t.row(row);
        });
        doc.table(t.build());
    }

    private static void machines(Doc doc, Fleet fleet) {
        doc.lead("Machines");
        Doc.TableBuilder t = new Doc.TableBuilder().text("machine").text("host").text("cpu").num("cpus").text("jdk")
                .text("os").num("points");
        for (Fleet.Machine m : fleet.machines()) {
            t.row(m.label(), join(m, i -> i.machine().host()), join(m, i -> i.machine().cpuModel()), cpus(m), jdk(m),
                    join(m, i -> (i.machine().os() + " " + i.machine().arch()).trim()), Integer.toString(m.points()));
        }
        doc.table(t.build());
    }

    private static void canaries(Doc doc, Fleet fleet) {
        doc.lead("Canaries: how fast each machine is by itself");
        doc.p("The canary is a fixed single-threaded workload, a CPU kernel and a memory-latency kernel, measured at the "
                + "start, middle and end of every run. It says how fast a machine's core and memory are, not how its "
                + "locks or its scheduler do: a machine " + Fmt.times(1.5) + " as fast on the canary and "
                + Fmt.times(1.5) + " as fast on a counter has a faster core, not a faster counter; a benchmark's ratio "
                + "well beyond the canary's is the benchmark's own (contention, the memory system, the scheduler). "
                + "The memory kernel walks a chain twice the machine's largest cache, so machines whose caches differ walk "
                + "chains of different sizes, and their memory kernels are not compared. "
                + "Ratios are against " + fleet.machines().get(0).label() + ", above 1 faster.");
        Doc.TableBuilder t = new Doc.TableBuilder().text("machine").num("readings").num("cpu kernel (ops/µs)")
                .num("memory kernel (ns/load)").text("its chain").text("vs " + fleet.machines().get(0).label()).text("during its run (last vs first)");
        for (Fleet.Machine m : fleet.machines()) {
            Canary vs = fleet.canaryVsFirst(m);
            Canary drift = m.canaryDrift();
            t.row(m.label(), Integer.toString(m.canary().size()), Fmt.num(m.canaryCpu()), Fmt.num(m.canaryMemory()),
                    m.canaryChains().stream().map(b -> (b >> 20) + " MiB").collect(Collectors.joining(", ")),
                    m.canary().isEmpty() ? "no readings" : vs.known() ? CanaryText.describe(vs) : "",
                    drift.known() ? CanaryText.describe(drift) : "");
        }
        doc.table(t.build());
    }

    private static void scaling(Doc doc, Fleet fleet, List<ChartFile> charts) {
        doc.lead("Scaling, every machine on one chart");
        if (fleet.settings().isEmpty()) {
            doc.p("No machine measured a benchmark over cores.");
            return;
        }
        doc.p("Per benchmark setting, every machine's throughput against cores, then its throughput per core (flat: "
                + "the machine scales linearly), with " + Fmt.LEVEL + " intervals. With one variant the colour is the machine's; with "
                + "several the colour is the variant's and the line style and marker the machine's. The legend gives "
                + "each machine's CPU, CPUs and JDK.");
        List<String> machines = fleet.machines().stream().map(Fleet.Machine::label).toList();
        Map<String, String> legend = new LinkedHashMap<>();
        fleet.machines().forEach(m -> legend.put(m.label(), legend(m)));
        List<Setting> groups = fleet.settings().stream().map(Fleet.Setting::setting).toList();
        FileNames names = new FileNames(groups);
        for (Fleet.Setting s : fleet.settings()) {
            Setting group = s.setting();
            doc.h(2, Groups.title(group));
            ChartFile c = FleetCharts.throughput(new ChartTitle(group, "throughput vs cores, every machine"), s, machines,
                    legend, names.fleet(group, "cores"));
            charts.add(c);
            doc.image(c);
            ChartFile pc = FleetCharts.perCore(new ChartTitle(group, "throughput per core, every machine"), s, machines,
                    legend, names.fleet(group, "per-core"));
            charts.add(pc);
            doc.image(pc);
        }
    }

    /** "hostA: EPYC 7B13, 8 cpus, JDK 21.0.5". */
    static String legend(Fleet.Machine m) {
        List<String> parts = new ArrayList<>();
        String cpu = join(m, i -> i.machine().cpuModel());
        if (!cpu.isEmpty()) {
            parts.add(ChartTitle.shorten(cpu, LEGEND_CPU));
        }
        String cpus = cpus(m);
        if (!cpus.isEmpty()) {
            parts.add(cpus + " cpus");
        }
        String jdk = join(m, i -> i.machine().jdkVersion());
        if (!jdk.isEmpty()) {
            parts.add("JDK " + jdk);
        }
        return m.label() + (parts.isEmpty() ? "" : ": " + String.join(", ", parts));
    }

    private static String cpus(Fleet.Machine m) {
        return join(m, i -> i.machine().cpusOnlineText());
    }

    private static String jdk(Fleet.Machine m) {
        return join(m, i -> (i.machine().jdkVendor() + " " + i.machine().jdkVersion()).trim());
    }

    private static String join(Fleet.Machine m, Function<RunInfo, String> f) {
        return String.join(" | ", m.runs().stream().map(f).filter(s -> !s.isEmpty()).distinct().sorted().toList());
    }
}
