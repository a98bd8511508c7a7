package corescale.stats;

import corescale.stats.io.BadInputException;
import corescale.stats.compare.C1Beat;
import corescale.stats.export.CompareCsv;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.Comparer;
import corescale.stats.compare.RunData;
import corescale.stats.fleet.Fleet;
import corescale.stats.load.Duplicates;
import corescale.stats.model.ResultsFile;
import corescale.stats.report.CompareFindings;
import corescale.stats.report.CompareReport;
import corescale.stats.report.FleetReport;
import corescale.stats.report.Output;
import corescale.stats.run.RunFile;
import corescale.stats.run.RunFile.CanaryReading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import corescale.stats.summary.LogRatioTest;
import corescale.stats.summary.RunTraits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the command line calls. Exit codes: 0 fine, 2 bad input or usage (one line on {@code err},
 * no stack trace), 3 a regression under {@code failOnRegression}. Output files are written only when
 * every input was good, each one atomically.
 *
 * <p>A run of two or more interleaved configurations ({@code run --config}) is reported per
 * configuration, each in {@code <out>/config-<name>/} as a run of its own, and its configurations
 * are compared with the first, forks paired by round, in {@code <out>/compare.*}.
 */
public final class StatsTool {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int REGRESSION = 3;

    /** The folder of one configuration's report inside a config run's output folder. */
    public static String configFolder(String config) {
        return "config-" + config.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * Writes summary.csv, contention.csv, scaling.csv and the report for all inputs together (per
     * configuration for a run of configurations, see above). Each thing is computed once here
     * (summaries, bounds, contention, curves and their fits, findings) and handed to the files, the
     * report and the console.
     */
    public int report(List<Path> inputs, Path outDirOrNull, PrintStream out, PrintStream err) {
        if (inputs.isEmpty()) {
            err.println("report: no input given");
            return BAD_INPUT;
        }
        try {
            List<RunInput> runs = new ArrayList<>();
            for (Path input : inputs) {
                runs.add(RunInput.load(input, out));
            }
            Path outDir = outDir(inputs, outDirOrNull);
            if (runs.size() == 1 && runs.get(0).hasConfigs()) {
                return reportConfigs(runs.get(0), outDir, out, err);
            }
            for (RunInput r : runs) {
                if (r.hasConfigs()) {
                    err.println("report: " + r.path() + " holds configurations " + String.join(", ", r.configs())
                            + " (run --config): report such a run on its own");
                    return BAD_INPUT;
                }
            }
            List<CanaryReading> canary = runs.size() == 1 ? runs.get(0).canary() : List.of();
            Map<String, RunTraits> traits = new HashMap<>();
            runs.forEach(r -> traits.putAll(r.runTraits()));
            RunReports.prepare(Analysis.of(runs.stream().flatMap(r -> r.loaded().stream()).toList(), traits), inputs,
                    runs.get(0).facts(), null, canary).write(outDir, out);
            return OK;
        } catch (BadInputException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("report: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /**
     * Each configuration's report in its folder, then their paired comparison in {@code outDir}. Every
     * file of every one is computed, checked and rendered before the first is written, and all are
     * written together ({@link Output#writeAll}): a file that cannot be written leaves every other as it was.
     */
    private static int reportConfigs(RunInput run, Path outDir, PrintStream out, PrintStream err)
            throws BadInputException, IOException {
        Map<String, Analysis> configs = run.byConfig();
        Map<String, RunReports> reports = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Analysis> c : configs.entrySet()) {
            reports.put(c.getKey(), RunReports.prepare(c.getValue(), List.of(run.path()), run.facts(), run.config(c.getKey()), run.canary()));
        }
        List<RunData> sides = configs.entrySet().stream().map(c -> c.getValue().runData(c.getKey(), run.canary())).toList();
        List<CompareResult> results = paired(sides, LogRatioTest.DEFAULT_THRESHOLD);
        Map<String, List<String>> options = configOptions(run, sides);
        Map<String, Output.Rendered> rendered = new java.util.LinkedHashMap<>();
        reports.forEach((name, r) -> rendered.put(name, r.render(outDir.resolve(configFolder(name)))));
        Comparison comparison = Comparison.of(outDir, sides, results, options);
        List<Output.Rendered> all = new ArrayList<>(rendered.values());
        all.add(comparison.rendered());
        Output.writeAll(all);
        for (Map.Entry<String, RunReports> r : reports.entrySet()) {
            out.println("== configuration " + r.getKey());
            r.getValue().said(rendered.get(r.getKey()), out);
        }
        out.println("== configurations " + String.join(", ", run.configs()) + " compared with " + run.configs().get(0));
        comparison.verdicts().forEach(out::println);
        comparison.said(out);
        out.println("Configurations " + String.join(", ", run.configs()) + ": each one's report is in "
                + outDir.resolve("config-<name>") + "/report.md; their paired comparison is in "
                + outDir.resolve(CompareReport.MARKDOWN));
        return OK;
    }

    /** Compares the first input (BASE) with each of the others, one run a side; see {@link #compareSides}. */
    public int compare(List<Path> inputs, Path outDirOrNull, double threshold, boolean failOnRegression,
                       PrintStream out, PrintStream err) {
        return compareSides(inputs.stream().map(List::of).toList(), outDirOrNull, threshold, failOnRegression, out, err);
    }

    /**
     * Compares the first side (BASE) with each of the others; each side is one run or several
     * replicate runs of one machine and configuration. A single side of one run holding two or more
     * configurations compares them with its first, forks paired by round. Writes compare.csv and
     * compare.md/html into {@code --out}, else the folder of the first run compared with the base
     * (of the run itself for its configurations); the base's folder is left alone.
     */
    public int compareSides(List<List<Path>> sides, Path outDirOrNull, double threshold, boolean failOnRegression,
                            PrintStream out, PrintStream err) {
        if (!(threshold >= 0 && threshold < 1)) {
            err.println("compare: threshold must be between 0 and 1 (0.05 is 5%), got " + threshold);
            return BAD_INPUT;
        }
        if (sides.isEmpty() || sides.stream().anyMatch(List::isEmpty)) {
            err.println("compare: needs two runs, or a run with --config configurations");
            return BAD_INPUT;
        }
        // A run against itself would read as "same" and "inconclusive", a comparison that compared nothing;
        // a run folder and its own results.csv are one run.
        Set<Path> seen = new HashSet<>();
        for (Path p : sides.stream().flatMap(List::stream).toList()) {
            Path run = p.getFileName() != null && p.getFileName().toString().equals(ResultsFile.NAME) ? RunInput.folder(p)
                    : p.toAbsolutePath().normalize();
            if (!seen.add(run)) {
                err.println("compare: " + p + " is given twice; a run compared with itself says nothing");
                return BAD_INPUT;
            }
        }
        try {
            // Everything is loaded before anything is compared, so one bad input writes nothing.
            List<List<RunInput>> loaded = new ArrayList<>();
            for (List<Path> side : sides) {
                List<RunInput> runs = new ArrayList<>();
                for (Path p : side) {
                    runs.add(RunInput.load(p, out));
                }
                // Replicate runs are distinct runs: a copy of one among them would fake its agreement.
                Duplicates.acrossInputs(runs.stream().flatMap(r -> r.loaded().stream()).toList());
                loaded.add(runs);
            }
            // Into the run compared with the base: the base is often a committed reference or a CI
            // baseline, which a comparison must leave as it is. One run's configurations: that run.
            Path outDir = outDir(sides.get(sides.size() > 1 ? 1 : 0), outDirOrNull);
            if (sides.size() == 1) {
                RunInput only = loaded.get(0).get(0);
                if (sides.get(0).size() > 1 || !only.hasConfigs()) {
                    err.println("compare: needs two runs, or a run with --config configurations; got "
                            + (sides.get(0).size() > 1 ? "one side of " + sides.get(0).size() + " runs"
                            : only.path() + ", a run without configurations"));
                    return BAD_INPUT;
                }
                List<RunData> configs = new ArrayList<>();
                for (Map.Entry<String, Analysis> c : only.byConfig().entrySet()) {
                    configs.add(c.getValue().runData(c.getKey(), only.canary()));
                }
                List<CompareResult> results = paired(configs, threshold);
                return gate(writeComparison(outDir, configs, results, configOptions(only, configs), out, err),
                        results, failOnRegression, err);
            }
            List<List<RunData>> runs = new ArrayList<>();
            for (List<RunInput> side : loaded) {
                List<RunData> data = new ArrayList<>();
                for (RunInput r : side) {
                    if (r.hasConfigs()) {
                        err.println("compare: " + r.path() + " holds configurations " + String.join(", ", r.configs())
                                + " (run --config): compare them within the run with 'compare " + r.path() + "'");
                        return BAD_INPUT;
                    }
                    data.add(r.runData());
                }
                runs.add(data);
            }
            Comparer comparer = new Comparer(threshold);
            List<CompareResult> results = new ArrayList<>();
            for (List<RunData> other : runs.subList(1, runs.size())) {
                results.add(comparer.compare(runs.get(0), other, name(runs.get(0)), name(other)));
            }
            results = comparer.decidedTogether(results);
            List<RunData> all = runs.stream().flatMap(List::stream).toList();
            Map<String, List<String>> options = new java.util.HashMap<>();
            runs.forEach(side -> options.put(name(side), side.stream().flatMap(d -> jvmOptions(d, "").stream()).toList()));
            return gate(writeComparison(outDir, all, results, options, out, err), results, failOnRegression, err);
        } catch (BadInputException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("compare: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /**
     * One page for several machines' runs ({@code fleet}): each input is a run folder, or a folder
     * of run folders (a fleet run as fleet/run.yml fetches it, one folder per host). Each machine is
     * named by its folder's name. Writes fleet.md, fleet.html and their charts into {@code --out},
     * else the first input when it is a folder of runs, else the folder holding the first run.
     */
    public int fleet(List<Path> inputs, Path outDirOrNull, PrintStream out, PrintStream err) {
        if (inputs.isEmpty()) {
            err.println("fleet: no folder given");
            return BAD_INPUT;
        }
        try {
            Map<String, Path> runs = new java.util.LinkedHashMap<>();
            for (Path input : inputs) {
                if (!java.nio.file.Files.isDirectory(input)) {
                    err.println("fleet: " + input + " is not a folder (give run folders, or a folder of them)");
                    return BAD_INPUT;
                }
                List<String> hidden = isRun(input) ? hostFolders(input) : List.of();
                if (!hidden.isEmpty()) {
                    // Read as one run, the folder would stand for its stray file alone and its hosts would go unread.
                    err.println("fleet: " + input.resolve(ResultsFile.NAME) + " stands beside the host folders " + String.join(", ", hidden)
                            + " of " + input + ": read as one run it would hide them; a fleet folder holds host folders only"
                            + " (move that file away, or give the run folders themselves)");
                    return BAD_INPUT;
                }
                List<Path> found = isRun(input) ? List.of(input) : runsIn(input, out);
                if (found.isEmpty()) {
                    err.println("fleet: " + input + " holds no run folder (a folder with results.csv)");
                    return BAD_INPUT;
                }
                for (Path run : found) {
                    String label = RunInput.folder(run).getFileName().toString();
                    Path before = runs.putIfAbsent(label, run);
                    if (before != null) {
                        err.println("fleet: two runs named " + label + " (" + before + ", " + run + "): a machine is named by its folder");
                        return BAD_INPUT;
                    }
                }
            }
            List<Fleet.Machine> machines = new ArrayList<>();
            for (Map.Entry<String, Path> r : runs.entrySet()) {
                RunInput run = RunInput.load(r.getValue(), out);
                if (run.hasConfigs()) {
                    err.println("fleet: " + run.path() + " holds configurations " + String.join(", ", run.configs())
                            + " (run --config): compare them within the run with 'compare " + run.path() + "'");
                    return BAD_INPUT;
                }
                Analysis a = run.analysis();
                machines.add(new Fleet.Machine(r.getKey(), a.infos(), a.points().size(), a.verdicts().answers(), run.canary(), a.unfittedCurves()));
            }
            Path outDir = outDirOrNull != null ? outDirOrNull
                    : isRun(inputs.get(0)) ? RunInput.folder(inputs.get(0)).getParent() : inputs.get(0);
            List<Path> written = FleetReport.write(outDir, Fleet.of(machines));
            written.stream().filter(p -> !p.toString().endsWith(".png")).forEach(p -> out.println("wrote " + p));
            out.println("fleet: " + machines.size() + " machine" + (machines.size() == 1 ? "" : "s") + ", "
                    + written.stream().filter(p -> p.toString().endsWith(".png")).count() + " charts");
            return OK;
        } catch (BadInputException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("fleet: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static boolean isRun(Path dir) {
        return java.nio.file.Files.isRegularFile(dir.resolve(ResultsFile.NAME));
    }

    /**
     * The names of the host folders directly inside {@code dir}, sorted: folders that are runs
     * ({@link #isRun}) or began one (a run.json; such a host measured nothing yet). A run's own
     * folders (cds, profiles, config-NAME) hold neither.
     */
    private static List<String> hostFolders(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            return files.filter(java.nio.file.Files::isDirectory).filter(p -> isRun(p) || RunFile.exists(p))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The run folders directly inside {@code dir}, by name; a folder without results.csv is named and left out. */
    private static List<Path> runsIn(Path dir, PrintStream out) throws IOException {
        List<Path> runs = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path p : files.filter(java.nio.file.Files::isDirectory).sorted().toList()) {
                if (isRun(p)) {
                    runs.add(p);
                } else {
                    out.println("fleet: " + p + " has no results.csv (its run measured nothing yet): left out");
                }
            }
        }
        return runs;
    }

    /** Each configuration after the first against the first, forks paired by round. */
    private static List<CompareResult> paired(List<RunData> configs, double threshold) {
        Comparer comparer = new Comparer(threshold);
        List<CompareResult> results = new ArrayList<>();
        for (RunData other : configs.subList(1, configs.size())) {
            results.add(comparer.comparePaired(configs.get(0), other));
        }
        return comparer.decidedTogether(results);
    }

    /** Each configuration's JVM options, by name: run.json's for it before each of its runs' recorded ones. */
    private static Map<String, List<String>> configOptions(RunInput run, List<RunData> configs) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        configs.forEach(c -> out.put(c.name(), jvmOptions(c, run.config(c.name()).jvmOptions())));
        return out;
    }

    /** The JVM options of each run of {@code side}, after {@code given} (the configuration's own, else ""). */
    private static List<String> jvmOptions(RunData side, String given) {
        return side.runs().isEmpty() ? List.of(given)
                : side.runs().stream().map(i -> (given + " " + i.jvmArgs()).trim()).toList();
    }

    private static String name(List<RunData> side) {
        return side.stream().map(RunData::name).collect(Collectors.joining(","));
    }

    /** The comparison's exit code: {@link #REGRESSION} when gated and a point is slower, said on stderr with the points. */
    private static int gate(int code, List<CompareResult> results, boolean failOnRegression, PrintStream err) {
        if (code == OK && failOnRegression && results.stream().anyMatch(CompareResult::anySlower)) {
            err.println(CompareFindings.regression(results));
            return REGRESSION;
        }
        return code;
    }

    /**
     * Prints each comparison's verdicts and findings, then writes compare.csv and compare.md/html.
     * {@code options} are each side's JVM options by the name the comparisons give it (for {@link C1Beat}).
     */
    private static int writeComparison(Path outDir, List<RunData> runs, List<CompareResult> results,
                                       Map<String, List<String>> options, PrintStream out, PrintStream err) throws BadInputException, IOException {
        Comparison comparison = Comparison.of(outDir, runs, results, options);
        comparison.verdicts().forEach(out::println);
        Output.writeAll(List.of(comparison.rendered()));
        comparison.said(out);
        return OK;
    }

    /**
     * A comparison computed, checked and rendered, not yet written.
     *
     * @param rendered compare.csv and compare.md/html with their charts
     * @param verdicts each comparison's verdicts and findings, for the console
     */
    private record Comparison(Output.Rendered rendered, List<String> verdicts) {

        static Comparison of(Path outDir, List<RunData> runs, List<CompareResult> results, Map<String, List<String>> options)
                throws BadInputException, IOException {
            FiniteResults.comparisons(results);
            List<List<String>> findings = results.stream().map(r -> CompareFindings.of(r,
                    C1Beat.of(r, options.getOrDefault(r.base(), List.of()), options.getOrDefault(r.other(), List.of())))).toList();
            List<String> verdicts = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                verdicts.addAll(CompareFindings.consoleLines(results.get(i), findings.get(i)));
            }
            Output.Rendered rendered = CompareReport.render(outDir, runs, results, findings,
                    Map.of("compare.csv", DataFiles.render(w -> CompareCsv.write(results, w))));
            return new Comparison(rendered, verdicts);
        }

        /** The files written, for the console. */
        void said(PrintStream out) {
            out.println("wrote " + rendered.dir().resolve("compare.csv"));
            rendered.report().stream().filter(p -> !p.toString().endsWith(".png")).forEach(p -> out.println("wrote " + p));
        }
    }

    /** --out, else the folder of the first input (the input itself when it is a folder). */
    static Path outDir(List<Path> inputs, Path outDirOrNull) {
        return outDirOrNull != null ? outDirOrNull : RunInput.folder(inputs.get(0));
    }
}
