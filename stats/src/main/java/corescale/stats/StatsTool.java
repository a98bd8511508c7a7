package corescale.stats;

import corescale.stats.report.CompareReport;
import corescale.stats.report.Findings;
import corescale.stats.report.ReportInput;
import corescale.stats.report.RunReport;
import corescale.stats.compare.CompareCsv;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.Comparer;
import corescale.stats.compare.RunData;
import corescale.stats.compare.Verdict;
import corescale.stats.contention.Contention;
import corescale.stats.contention.ContentionCsv;
import corescale.stats.contention.ContentionRow;
import corescale.stats.io.AtomicFiles;
import corescale.stats.load.LoadedInput;
import corescale.stats.load.Loader;
import corescale.stats.model.PointSummary;
import corescale.stats.ranking.Eligibility;
import corescale.stats.scaling.ScalingCsv;
import corescale.stats.summary.LostUpdates;
import corescale.stats.summary.SummaryCsv;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the command line calls. Exit codes: 0 fine, 2 bad input or usage (one line on {@code err},
 * no stack trace), 3 a regression under {@code failOnRegression}. Output files are written only when
 * every input was good, each one atomically.
 */
public final class StatsTool {

    public static final int OK = 0;
    public static final int BAD_INPUT = 2;
    public static final int REGRESSION = 3;

    /**
     * Writes summary.csv, contention.csv, scaling.csv and the report for all inputs together. Each
     * thing is computed once here (summaries, bounds, contention, curves and their fits, findings)
     * and handed to the files, the report and the console.
     */
    public int report(List<Path> inputs, Path outDirOrNull, PrintStream out, PrintStream err) {
        if (inputs.isEmpty()) {
            err.println("report: no input given");
            return BAD_INPUT;
        }
        try {
            List<LoadedInput> loaded = Loader.loadAll(inputs);
            loaded.forEach(l -> out.println(l.describe()));
            Analysis a = Analysis.of(loaded);
            List<PointSummary> points = a.points();
            List<LostUpdates> correctness = LostUpdates.of(loaded);
            List<ContentionRow> contention = new Contention().analyse(points, Eligibility.of(correctness, a.bounds()));
            FiniteResults.contention(contention, loaded);
            Map<String, String> files = new LinkedHashMap<>();
            files.put("summary.csv", render(w -> SummaryCsv.write(a.rows(), a.bounds(), w)));
            files.put("contention.csv", render(w -> ContentionCsv.write(contention, w)));
            files.put("scaling.csv", render(w -> ScalingCsv.write(a.curves(), w)));
            long unstable = points.stream().filter(PointSummary::unstable).count();
            out.println(points.size() + " points" + (unstable > 0 ? ", " + unstable + " unstable" : ""));
            int code = write(outDir(inputs, outDirOrNull), files, out, err);
            if (code == OK) {
                ReportInput input = ReportInput.fromInputs(inputs, a.infos(), points, a.curves(), contention, correctness,
                        loaded.stream().map(LoadedInput::describe).toList(), a.bounds());
                List<String> findings = Findings.of(input);
                List<Path> written = RunReport.write(outDir(inputs, outDirOrNull), input, findings);
                Findings.consoleLines(input.runLabel(), findings, written).forEach(out::println);
            }
            return code;
        } catch (BadInputException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("report: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /** Compares the first input (BASE) with each of the others; writes compare.csv. */
    public int compare(List<Path> inputs, Path outDirOrNull, double threshold, boolean failOnRegression,
                       PrintStream out, PrintStream err) {
        if (inputs.size() < 2) {
            err.println("compare: needs a base run and at least one other run, got " + inputs.size());
            return BAD_INPUT;
        }
        if (!(threshold >= 0 && threshold < 1)) {
            err.println("compare: threshold must be between 0 and 1 (0.05 is 5%), got " + threshold);
            return BAD_INPUT;
        }
        try {
            // Everything is loaded before anything is compared, so one bad input writes nothing.
            List<RunData> runs = new ArrayList<>();
            for (Path input : inputs) {
                List<LoadedInput> loaded = Loader.load(input);
                loaded.forEach(l -> out.println(l.describe()));
                runs.add(Analysis.of(loaded).runData(input.toString(), List.of()));
            }
            Comparer comparer = new Comparer(threshold);
            List<CompareResult> results = new ArrayList<>();
            for (RunData other : runs.subList(1, runs.size())) {
                results.add(comparer.compare(runs.get(0), other));
            }
            FiniteResults.comparisons(results);
            results.forEach(r -> printVerdicts(r, out));
            int code = write(outDir(inputs, outDirOrNull), Map.of("compare.csv", render(w -> CompareCsv.write(results, w))), out, err);
            if (code != OK) {
                return code;
            }
            CompareReport.write(outDir(inputs, outDirOrNull), runs, results, threshold).stream()
                    .filter(p -> !p.toString().endsWith(".png")).forEach(p -> out.println("wrote " + p));
            return failOnRegression && results.stream().anyMatch(CompareResult::anySlower) ? REGRESSION : OK;
        } catch (BadInputException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("compare: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    private static void printVerdicts(CompareResult r, PrintStream out) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        r.points().forEach(p -> counts.merge(p.verdict(), 1, Integer::sum));
        StringBuilder s = new StringBuilder(r.other()).append(" vs ").append(r.base()).append(":");
        counts.forEach((v, n) -> s.append(' ').append(v.label()).append(' ').append(n));
        out.println(s);
        r.families().forEach(f -> out.printf(java.util.Locale.ROOT, "  %s: geometric mean ratio %.3f over %d points%n",
                f.family(), f.geomean(), f.points()));
        r.mismatches().forEach(m -> out.println("  note: " + m));
        long insufficient = r.points().stream().filter(p -> p.verdict() == Verdict.INSUFFICIENT).count();
        if (insufficient > 0) {
            out.println("  " + insufficient + " point" + (insufficient == 1 ? "" : "s")
                    + " insufficient (fewer than 2 forks in a run): no verdict, not gated; listed in compare.md");
        }
        if (!r.curves().isEmpty()) {
            out.println("  core counts differ: " + r.curves().size() + " curves compared per core at each run's most cores");
        }
    }

    /** --out, else the folder of the first input (the input itself when it is a folder). */
    static Path outDir(List<Path> inputs, Path outDirOrNull) {
        if (outDirOrNull != null) {
            return outDirOrNull;
        }
        Path first = inputs.get(0).toAbsolutePath();
        return Files.isDirectory(first) ? first : first.getParent();
    }

    /** Renders in memory first, so that a failure while rendering leaves no file behind. */
    private static String render(AtomicFiles.Content content) throws IOException {
        StringWriter w = new StringWriter();
        content.writeTo(w);
        return w.toString();
    }

    private static int write(Path dir, Map<String, String> files, PrintStream out, PrintStream err) {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            try {
                AtomicFiles.write(target, w -> w.write(f.getValue()));
            } catch (IOException e) {
                err.println(target + ": cannot write: " + e.getMessage());
                return BAD_INPUT;
            }
            out.println("wrote " + target);
        }
        return OK;
    }
}
