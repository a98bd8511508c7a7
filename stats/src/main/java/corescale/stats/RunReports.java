package corescale.stats;

import corescale.stats.compare.Comparer;
import corescale.stats.contention.Contention;
import corescale.stats.contention.ContentionCsv;
import corescale.stats.contention.ContentionRow;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.PointSummary;
import corescale.stats.ranking.Eligibility;
import corescale.stats.report.Findings;
import corescale.stats.report.ReportInput;
import corescale.stats.report.RunReport;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.run.RunFile.RunConfig;
import corescale.stats.scaling.ScalingCsv;
import corescale.stats.summary.LostUpdates;
import corescale.stats.summary.SummaryCsv;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's report, prepared in full (every check passed, the CSVs rendered in memory) before
 * anything is written, then written: summary.csv, contention.csv, scaling.csv and report.md/html.
 *
 * @param analysis    the run's (or configuration's) summaries, bounds and curves
 * @param correctness its lost-update totals
 * @param contention  its contention rows
 * @param files       the CSVs by file name, rendered
 */
record RunReports(Analysis analysis, List<LostUpdates> correctness, List<ContentionRow> contention,
                  Map<String, String> files) {

    static RunReports prepare(Analysis a) throws BadInputException, IOException {
        List<LostUpdates> correctness = LostUpdates.of(a.loaded());
        List<ContentionRow> contention = new Contention().analyse(a.points(), Eligibility.of(a.points(), correctness, a.bounds()));
        FiniteResults.contention(contention, a.loaded());
        Map<String, String> files = new LinkedHashMap<>();
        files.put("summary.csv", StatsTool.render(w -> SummaryCsv.write(a.rows(), a.bounds(), w)));
        files.put("contention.csv", StatsTool.render(w -> ContentionCsv.write(contention, w)));
        files.put("scaling.csv", StatsTool.render(w -> ScalingCsv.write(a.curves(), w)));
        return new RunReports(a, correctness, contention, files);
    }

    /**
     * Writes the files and the report into {@code dir} and prints the findings.
     *
     * @param inputs the inputs given (their first folder's run.json gives the machine and facts)
     * @param config the configuration reported, or null for a whole run
     * @param canary the canary readings of the run, for the drift finding
     */
    int write(List<Path> inputs, Path dir, RunConfig config, List<CanaryReading> canary, PrintStream out,
              PrintStream err) throws IOException {
        List<PointSummary> points = analysis.points();
        long unstable = points.stream().filter(PointSummary::unstable).count();
        out.println(points.size() + " points" + (unstable > 0 ? ", " + unstable + " unstable" : ""));
        int code = StatsTool.write(dir, files, out, err);
        if (code != StatsTool.OK) {
            return code;
        }
        ReportInput input = ReportInput.fromInputs(inputs, analysis.infos(), points, analysis.curves(), contention,
                correctness, analysis.loaded().stream().map(LoadedInput::describe).toList(), analysis.bounds());
        if (config != null) {
            Map<String, String> facts = new LinkedHashMap<>(input.facts());
            facts.put("configuration", config.name() + (config.jvmOptions().isEmpty() ? "" : ": " + config.jvmOptions())
                    + (config.jdkVersion().isEmpty() ? "" : " (JDK " + config.jdkVersion() + ")"));
            input = new ReportInput(input.runLabel() + " · config " + config.name(), input.machine(), facts,
                    input.points(), input.curves(), input.contention(), input.lostUpdates(), input.sources(),
                    input.bounds());
        }
        List<String> findings = new ArrayList<>(Findings.of(input));
        findings.addAll(Findings.canaryDrift(canary, Comparer.DEFAULT_THRESHOLD));
        List<Path> written = RunReport.write(dir, input, findings);
        Findings.consoleLines(input.runLabel(), findings, written).forEach(out::println);
        return StatsTool.OK;
    }
}
