package corescale.stats;

import corescale.stats.io.BadInputException;
import corescale.stats.answers.Answers;
import corescale.stats.bounds.Bounds;
import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.ranking.Rankings;
import corescale.stats.summary.LostUpdates;
import corescale.stats.compare.RunData;
import corescale.stats.load.Duplicates;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.summary.SummaryRow;
import corescale.stats.summary.RunTraits;
import corescale.stats.summary.Summarizer;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code report} and {@code compare} both compute from the files of one run (or one
 * configuration of a run), each thing once: the summaries (checked finite), the run metadata seen
 * and the bounds; the scaling curves with their USL and Amdahl fits when first asked for, as only a
 * report shows the fits (compare fits only the curves it compares across core counts; the fleet page none).
 */
final class Analysis {

    private final List<LoadedInput> loaded;
    private final List<SummaryRow> rows;
    private final Set<RunInfo> infos;
    private final Bounds bounds;
    private List<ScalingCurve> curves;

    private Analysis(List<LoadedInput> loaded, List<SummaryRow> rows, Set<RunInfo> infos, Bounds bounds) {
        this.loaded = loaded;
        this.rows = rows;
        this.infos = infos;
        this.bounds = bounds;
    }

    /** @param runs what each run's run.json says (place rounds, the canary's drift), by run id */
    static Analysis of(List<LoadedInput> loaded, Map<String, RunTraits> runs) throws BadInputException {
        Duplicates.acrossInputs(loaded);
        List<SummaryRow> rows = new Summarizer(runs).summarize(loaded);
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
        return new Analysis(loaded, rows, infos, Bounds.of(points, loaded));
    }

    /** The files read. */
    List<LoadedInput> loaded() {
        return loaded;
    }

    /** One summary row per point and mode. */
    List<SummaryRow> rows() {
        return rows;
    }

    /** The distinct run metadata of the files' rows. */
    Set<RunInfo> infos() {
        return infos;
    }

    /** The points' bounds and facts. */
    Bounds bounds() {
        return bounds;
    }

    /** The scaling curves and their fits (one-at-a-time points listed without measures), fitted once. */
    List<ScalingCurve> curves() {
        if (curves == null) {
            curves = ScalingCurves.of(points(), bounds.oneAtATime());
        }
        return curves;
    }

    List<PointSummary> points() {
        return rows.stream().map(SummaryRow::summary).toList();
    }

    /**
     * What the answers rest on and the answers themselves, for a report and for the fleet page.
     *
     * @param correctness each counter point's lost updates
     * @param rankings    who may be ranked, and the leads
     * @param processes   threads against processes, point by point
     */
    record Verdicts(List<LostUpdates> correctness, Rankings rankings, List<ThreadsVsProcesses.Row> processes, Answers answers) {
    }

    /** The lost updates, rankings, threads-vs-processes rows and answers of these points. */
    Verdicts verdicts() {
        List<PointSummary> points = points();
        List<LostUpdates> correctness = LostUpdates.of(loaded);
        Rankings rankings = Rankings.of(points, correctness, bounds);
        List<ThreadsVsProcesses.Row> processes = ThreadsVsProcesses.of(points, correctness);
        return new Verdicts(correctness, rankings, processes, Answers.of(points, rankings, bounds, processes));
    }

    /** The scaling curves without their fits: what the charts of compare and of the fleet page draw. */
    List<ScalingCurve> unfittedCurves() {
        return ScalingCurves.unfitted(points(), bounds.oneAtATime());
    }

    /** The run as compared, named {@code name}, with its canary readings and its curves unfitted. */
    RunData runData(String name, List<CanaryReading> canary) {
        return new RunData(name, points(), infos, bounds, unfittedCurves(), canary);
    }
}
