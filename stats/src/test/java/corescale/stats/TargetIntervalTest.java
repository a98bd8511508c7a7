package corescale.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.stats.load.Configs;
import corescale.stats.load.Format;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import corescale.stats.model.SummaryNote;
import corescale.stats.model.ConfigPoint;
import corescale.stats.summary.Intervals;
import corescale.stats.summary.RunTraits;
import corescale.stats.summary.Summarizer;

/**
 * A point the sweep stopped at its target is printed with the interval that target promises (mean ±
 * target, summary.TargetRule), read from its run's points.csv; every other point keeps the Student t
 * of its fork means. On the reference run, through the report's own loading and summarising.
 */
class TargetIntervalTest {

    static final Path REFERENCE = Path.of("..", "results", "reference-2vcpu-xeon-jdk25");
    /** The reference's one point stopped at its target (3%), its forks' t interval ±2.6%. */
    static final PointKey AT_TARGET = new PointKey("counters", "Counters.increment", "synchronized",
            "workInside=0;workOutside=500", 1, 2, Mode.THROUGHPUT);
    /** A point of the same place stopped at max_forks. */
    static final PointKey AT_MAX_FORKS = AT_TARGET.withVariant("semaphore");

    @TempDir
    Path dir;

    static PointSummary summary(Path run, PointKey key) throws Exception {
        List<PointSummary> found = RunInput.load(run, new PrintStream(OutputStream.nullOutputStream())).analysis().rows().stream()
                .map(r -> r.summary()).filter(s -> s.key().equals(key)).toList();
        assertEquals(1, found.size(), key.label());
        return found.get(0);
    }

    @Test
    void aPointStoppedAtItsTargetHasTheTargetsIntervalAndSaysSo() throws Exception {
        PointSummary s = summary(REFERENCE, AT_TARGET);
        assertEquals(0.03, s.relCi(), 1e-12);
        assertEquals(s.mean() * 0.97, s.ciLow(), 1e-12);
        assertTrue(s.notes().contains(new SummaryNote.AtTarget(0.03)), s.notes().toString());
        double forksOwn = (Intervals.studentT(s.forkMeans(), Intervals.LEVEL).high() - s.mean()) / s.mean();
        assertTrue(forksOwn < 0.03, "the forks' own interval is narrower: " + forksOwn);
    }

    @Test
    void aPointStoppedOtherwiseKeepsItsForksStudentT() throws Exception {
        PointSummary s = summary(REFERENCE, AT_MAX_FORKS);
        assertEquals(Intervals.studentT(s.forkMeans(), Intervals.LEVEL).low(), s.ciLow(), 1e-12);
        assertFalse(s.notes().stream().anyMatch(n -> n instanceof SummaryNote.AtTarget), s.notes().toString());
    }

    /** Without its points.csv the same results say nothing of a target: the Student t. */
    @Test
    void withoutPointsCsvThePointKeepsItsStudentT() throws Exception {
        for (String f : List.of("results.csv", "run.json")) {
            Files.copy(REFERENCE.resolve(f), dir.resolve(f));
        }
        PointSummary s = summary(dir, AT_TARGET);
        assertEquals(Intervals.studentT(s.forkMeans(), Intervals.LEVEL).low(), s.ciLow(), 1e-12);
        assertNotEquals(0.03, s.relCi(), 1e-6);
    }

    /**
     * In a run of configurations points.csv keys each point with its configuration: the one stopped at
     * its target in configuration b gets the target, the same point in configuration a its t interval.
     */
    @Test
    void theTargetIsTheConfigurationsOwn() throws Exception {
        PointKey key = Synthetic.key("lock", 2, 2);
        List<Measurement> rows = new ArrayList<>();
        for (String config : List.of("a", "b")) {
            RunInfo run = new RunInfo("r1", "hostA", "Linux", "amd64", "cpu", 8, "vendor", "21.0.2", "", config, "");
            double[] forkMeans = {100, 101, 99, 100};
            for (int f = 0; f < forkMeans.length; f++) {
                rows.add(new Measurement(run, key, "ops/us", f + 1, 1, forkMeans[f], Map.of()));
            }
        }
        LoadedInput input = new LoadedInput(Path.of("results.csv"), Format.RESULTS_CSV, rows, List.of());
        RunTraits traits = new RunTraits(false, Double.NaN, Map.of(new ConfigPoint(key, "b"), 0.03));
        List<PointSummary> summaries = new Summarizer(Map.of("r1", traits)).summarize(Configs.only(List.of(input), "a")).stream()
                .map(r -> r.summary()).toList();
        assertEquals(Intervals.studentT(new double[] {100, 101, 99, 100}, Intervals.LEVEL).low(), summaries.get(0).ciLow(), 1e-12);
        summaries = new Summarizer(Map.of("r1", traits)).summarize(Configs.only(List.of(input), "b")).stream()
                .map(r -> r.summary()).toList();
        assertEquals(97.0, summaries.get(0).ciLow(), 1e-12);
    }
}
