package corescale.stats;

import corescale.stats.io.BadInputException;
import java.util.Optional;
import corescale.stats.report.RunFacts;
import corescale.stats.contention.Contention;
import corescale.stats.export.ContentionCsv;
import corescale.stats.contention.ContentionRow;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.PointSummary;
import corescale.stats.report.Findings;
import corescale.stats.report.Output;
import corescale.stats.report.ReportInput;
import corescale.stats.report.RunReport;
import corescale.stats.run.Canary;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.run.RunFile.RunConfig;
import corescale.stats.export.ScalingCsv;
import corescale.stats.model.PointKey;
import corescale.stats.summary.LogRatioTest;
import corescale.stats.summary.MetricSummary;
import corescale.stats.summary.SummaryRow;
import corescale.stats.export.SummaryCsv;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's report, prepared in full before anything is written (every check passed, the run.json
 * read, rankings, contention and findings computed, the CSVs rendered in memory), then written:
 * summary.csv (and its rows as summary.json), contention.csv, scaling.csv and report.md/html.
 *
 * @param input    everything the report shows, computed
 * @param findings the findings, one sentence each (report, console)
 * @param files    the CSVs by file name, rendered
 */
record RunReports(ReportInput input, List<String> findings, Map<String, String> files) {

    /**
     * @param inputs the inputs given (their first names the report)
     * @param runFacts the first input's machine and facts, from its run.json; empty for JMH's files
     * @param config the configuration reported, or null for a whole run
     * @param canary the canary readings of the run, for the drift finding
     */
    static RunReports prepare(Analysis a, List<Path> inputs, Optional<RunFacts> runFacts, RunConfig config, List<CanaryReading> canary)
            throws BadInputException, IOException {
        List<PointSummary> points = a.points();
        Analysis.Verdicts v = a.verdicts();
        List<ContentionRow> contention = new Contention().analyse(points, v.rankings().eligibility());
        FiniteResults.contention(contention, a.loaded());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("summary.csv", DataFiles.render(w -> SummaryCsv.write(a.rows(), a.bounds(), w)));
        files.put("summary.json", DataFiles.render(w -> SummaryCsv.writeJson(a.rows(), a.bounds(), w)));
        files.put("contention.csv", DataFiles.render(w -> ContentionCsv.write(contention, w)));
        files.put("scaling.csv", DataFiles.render(w -> ScalingCsv.write(a.curves(), w)));
        ReportInput input = ReportInput.fromInputs(inputs, runFacts, a.infos(), points, a.curves(), contention, v.correctness(),
                a.loaded().stream().map(LoadedInput::describe).toList(), a.bounds(), v.rankings(),
                v.processes(), v.answers(), bytesPerOp(a.rows()));
        if (config != null) {
            Map<String, String> facts = new LinkedHashMap<>(input.facts());
            facts.put("configuration", config.name() + (config.jvmOptions().isEmpty() ? "" : ": " + config.jvmOptions())
                    + (config.jdkVersion().isEmpty() ? "" : " (JDK " + config.jdkVersion() + ")"));
            input = new ReportInput(input.runLabel() + " · config " + config.name(), input.machine(), facts,
                    input.points(), input.curves(), input.contention(), input.lostUpdates(), input.sources(),
                    input.bounds(), input.rankings(), input.threadsVsProcesses(), input.answers(), input.bytesPerOp());
        }
        List<String> findings = new ArrayList<>(Findings.of(input));
        double drift = LogRatioTest.DEFAULT_THRESHOLD;
        findings.addAll(Findings.canaryDrift(Canary.moved(canary, drift), drift));
        return new RunReports(input, List.copyOf(findings), files);
    }

    /** Each point's allocation per operation, for the points measured with JMH's gc profiler. */
    private static Map<PointKey, Double> bytesPerOp(List<SummaryRow> rows) {
        Map<PointKey, Double> out = new LinkedHashMap<>();
        for (SummaryRow r : rows) {
            MetricSummary m = r.metrics().get(ReportInput.ALLOCATION);
            if (m != null && Double.isFinite(m.mean())) {
                out.put(r.summary().key(), m.mean());
            }
        }
        return out;
    }

    /** Writes the files and the report into {@code dir} and prints the findings. */
    void write(Path dir, PrintStream out) throws IOException {
        Output.Rendered rendered = render(dir);
        Output.writeAll(List.of(rendered));
        said(rendered, out);
    }

    /** The files and the report for {@code dir}, rendered, not written ({@link Output#writeAll}). */
    Output.Rendered render(Path dir) {
        return RunReport.render(dir, input, findings, files);
    }

    /** What the console says once {@code rendered} is written: the points, the files, the findings. */
    void said(Output.Rendered rendered, PrintStream out) {
        long unstable = input.points().stream().filter(PointSummary::unstable).count();
        out.println(input.points().size() + " points" + (unstable > 0 ? ", " + unstable + " unstable" : ""));
        files.keySet().forEach(f -> out.println("wrote " + rendered.dir().resolve(f)));
        Findings.consoleLines(input, findings, rendered.report()).forEach(out::println);
    }
}
