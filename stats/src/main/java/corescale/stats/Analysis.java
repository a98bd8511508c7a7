package corescale.stats;

import corescale.stats.answers.Answers;
import corescale.stats.bounds.Bounds;
import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.ranking.Rankings;
import corescale.stats.summary.LostUpdates;
import corescale.stats.compare.RunData;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.summary.SummaryRow;
import corescale.stats.summary.Summarizer;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@code report} and {@code compare} both compute from the files of one run (or one
 * configuration of a run), each thing once: the summaries (checked finite), the run metadata seen,
 * the bounds and the scaling curves with their fits.
 *
 * @param loaded the files read
 * @param rows   one summary row per point and mode
 * @param infos  the distinct run metadata of the files' rows
 * @param bounds the points' bounds and facts
 * @param curves the scaling curves and fits (one-at-a-time points listed without measures)
 */
record Analysis(List<LoadedInput> loaded, List<SummaryRow> rows, Set<RunInfo> infos, Bounds bounds,
                List<ScalingCurve> curves) {

    static Analysis of(List<LoadedInput> loaded) throws BadInputException {
        List<SummaryRow> rows = new Summarizer().summarize(loaded);
        FiniteResults.summaries(rows, loaded);
        List<PointSummary> points = rows.stream().map(SummaryRow::summary).toList();
        Set<RunInfo> infos = new HashSet<>();
        for (LoadedInput l : loaded) {
            // Rows of a run come together and share its RunInfo: hashing each of a million is wasted.
            RunInfo last = null;
            for (Measurement m : l.measurements()) {
                if (m.run() != last) {
                    last = m.run();
                    infos.add(last);
                }
            }
            l.pooled().forEach(p -> infos.add(p.run()));
        }
        Bounds bounds = Bounds.of(points, loaded);
        return new Analysis(loaded, rows, infos, bounds, ScalingCurves.of(points, bounds.oneAtATime()));
    }

    List<PointSummary> points() {
        return rows.stream().map(SummaryRow::summary).toList();
    }

    /** The answers its report opens with, computed as {@link RunReports} does. */
    Answers answers() {
        List<PointSummary> points = points();
        List<LostUpdates> correctness = LostUpdates.of(loaded);
        Rankings rankings = Rankings.of(points, correctness, bounds);
        return Answers.of(points, rankings, bounds, ThreadsVsProcesses.of(points, correctness));
    }

    /** The run as compared, named {@code name}, with its canary readings. */
    RunData runData(String name, List<CanaryReading> canary) {
        return new RunData(name, points(), infos, bounds, curves, canary);
    }
}
