package corescale.stats.summary;

import corescale.stats.io.BadInputException;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.PooledResult;
import corescale.stats.model.SummaryNote;
import corescale.stats.model.Units;
import org.apache.commons.math3.stat.StatUtils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns measurements into one {@link SummaryRow} per point and mode.
 *
 * <p>The fork is the unit of replication: the point's mean is the mean of fork means, and
 * {@code ci_low/ci_high} are the 95% Student t interval over fork means, or, for a point the sweep
 * stopped at its precision target (its run's points.csv), mean ± that target ({@link TargetRule}).
 *
 * <p>Before that, leading iterations that every fork shows as different from its later ones are
 * dropped as warm-up ({@link Warmup}), and the fork means are tested for two modes ({@link Modes});
 * a point with two modes is {@code unstable}.
 *
 * <p>With one fork the interval falls back to iterations, with a note ({@link SummaryNote}) that it
 * ignores run-to-run variance. Points known only from JMH's pooled score (JMH CSV) keep JMH's
 * interval rescaled from 99.9% to 95%, with a note.
 */
public final class Summarizer {

    private final Map<String, RunTraits> runs;

    /** Nothing known of the runs (no place rounds, no canary). */
    public Summarizer() {
        this(Map.of());
    }

    /**
     * @param runs what each run's run.json and points.csv say, by run id: whether it measured each
     *             place's variants in rounds ({@link PointSummary#roundsRun}), how far the machine
     *             drifted within it ({@link PointSummary#stateVariance}), and which points it stopped
     *             at their target ({@link RunTraits#targetsMet})
     */
    public Summarizer(Map<String, RunTraits> runs) {
        this.runs = Map.copyOf(runs);
    }

    /** Iterations per fork, forks in first-seen order; plus pooled-only results. */
    private static final class Data {
        final Map<ForkId, Fork> forks = new LinkedHashMap<>();
        final List<PooledResult> pooled = new ArrayList<>();
        final TreeSet<String> hosts = new TreeSet<>();

        Fork fork(ForkId id) {
            return forks.computeIfAbsent(id, f -> new Fork());
        }

        double[][] forkArrays() {
            return forks.values().stream().map(f -> f.scores.toArray()).toArray(double[][]::new);
        }
    }

    /** One fork's scores and, aligned with them, its secondary metrics' values (NaN where an iteration has none). */
    private static final class Fork {
        final Values scores = new Values();
        Map<String, Values> metrics = Map.of();

        void add(Measurement m) {
            for (Map.Entry<String, Double> s : m.secondary().entrySet()) {
                if (metrics.isEmpty()) {
                    metrics = new HashMap<>();
                }
                Values v = metrics.computeIfAbsent(s.getKey(), k -> new Values());
                while (v.n < scores.n) {
                    v.add(Double.NaN);
                }
                v.add(s.getValue());
            }
            scores.add(m.score());
        }
    }

    /**
     * A fork of a point (whose key holds its mode) is identified by its input, run, configuration and
     * number: fork 1 of two runs, or of two configurations of one run, are two forks.
     */
    private record ForkId(int input, String runId, String config, int fork) {
    }

    /** A growable list of doubles, to avoid boxing a million scores. */
    private static final class Values {
        double[] a = new double[16];
        int n;

        void add(double v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        double[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    /** Summarises all inputs together; forks of the same point from several files are pooled. */
    public List<SummaryRow> summarize(List<LoadedInput> inputs) throws BadInputException {
        Map<PointKey, Data> groups = new HashMap<>();
        for (int in = 0; in < inputs.size(); in++) {
            LoadedInput input = inputs.get(in);
            // Rows of one point and fork come together, so the last group and fork are reused.
            PointKey last = null;
            Data data = null;
            Measurement lastRow = null;
            Fork values = null;
            for (Measurement m : input.measurements()) {
                if (last != m.key() && !m.key().equals(last)) {
                    last = m.key();
                    data = groups.computeIfAbsent(last, g -> new Data());
                    data.hosts.add(m.run().machine().host());
                    values = null;
                }
                if (values == null || lastRow.fork() != m.fork() || lastRow.run() != m.run()) {
                    values = data.fork(new ForkId(in, m.run().runId(), m.run().config(), m.fork()));
                }
                values.add(m);
                lastRow = m;
            }
            for (PooledResult p : input.pooled()) {
                groups.computeIfAbsent(p.key(), g -> new Data()).pooled.add(p);
            }
        }
        List<Map.Entry<PointKey, Data>> entries = new ArrayList<>(groups.entrySet());
        entries.sort(Map.Entry.comparingByKey());
        // Points are independent, so parallel order cannot change numbers.
        return entries.parallelStream().map(e -> summarizeOne(e.getKey(), e.getValue())).toList();
    }

    private SummaryRow summarizeOne(PointKey g, Data d) {
        if (d.forks.isEmpty()) {
            return summarizePooled(g, d.pooled);
        }
        double[][] measured = d.forkArrays();
        ForkSample sample = ForkSample.of(measured);
        int warmup = sample.warmup();
        double[][] forks = sample.kept();
        double[] forkMeans = sample.means();
        int[] forkNumbers = d.forks.keySet().stream().mapToInt(ForkId::fork).toArray();
        int samples = Arrays.stream(forks).mapToInt(f -> f.length).sum();
        double mean = StatUtils.mean(forkMeans);
        List<SummaryNote> notes = new ArrayList<>();
        Interval t;
        if (forks.length >= WelchOnLogs.MIN_FORKS) {
            t = Intervals.studentT(forkMeans, Intervals.LEVEL);
        } else {
            t = Intervals.studentT(forks[0], Intervals.LEVEL);
            notes.add(forks[0].length < 2 ? SummaryNote.Plain.ONE_FORK_ONE_ITERATION : SummaryNote.Plain.ONE_FORK);
        }
        // Values that agree within about a millionth show the measurement's resolution, not certainty.
        if (noSpread(forks.length >= WelchOnLogs.MIN_FORKS ? forkMeans : forks[0])) {
            t = Interval.NONE;
            notes.add(SummaryNote.Plain.NO_SPREAD);
        }
        double cv = Intervals.cv(forkMeans);
        int modes = Modes.count(forkMeans);
        if (d.hosts.size() > 1) {
            notes.add(new SummaryNote.CombinesHosts(List.copyOf(d.hosts)));
        }
        if (!d.pooled.isEmpty()) {
            notes.add(SummaryNote.Plain.POOLED_IGNORED);
        }
        Optional<ForkId> run = oneRun(d);
        RunTraits traits = run.map(f -> runs.getOrDefault(f.runId(), RunTraits.NONE)).orElse(RunTraits.NONE);
        OptionalDouble target = run.isPresent() && forks.length >= WelchOnLogs.MIN_FORKS
                ? traits.targetMet(g, run.get().config()) : OptionalDouble.empty();
        if (target.isPresent()) {
            t = TargetRule.interval(mean, t, target.getAsDouble());
            notes.add(new SummaryNote.AtTarget(target.getAsDouble()));
        }
        PointSummary s = new PointSummary(g, Units.canonical(g.mode()), forks.length, samples,
                mean, t.low(), t.high(), cv, modes == 2, forkMeans, forkNumbers,
                run.filter(f -> traits.placeRounds()).map(ForkId::runId).orElse(""), traits.stateVariance(), notes);
        return new SummaryRow(s, modes, warmup, metrics(d, Math.max(warmup, 0)));
    }

    /** Values that agree within about a millionth ({@link LogRatioTest#NO_SPREAD_SE}): an interval over them would be certainty from resolution. */
    private static boolean noSpread(double[] values) {
        return values.length >= 2 && Intervals.cv(values) / Math.sqrt(values.length) <= LogRatioTest.NO_SPREAD_SE;
    }

    /**
     * The first fork of the point when one run measured every fork (one input, one run, one
     * configuration): the run whose place rounds, drift and stops the point's summary may use.
     */
    private static Optional<ForkId> oneRun(Data d) {
        ForkId first = d.forks.keySet().iterator().next();
        boolean one = d.forks.keySet().stream().allMatch(f -> f.input() == first.input() && f.runId().equals(first.runId())
                && f.config().equals(first.config()));
        return one ? Optional.of(first) : Optional.empty();
    }

    /** Each secondary metric over the iterations the score keeps: every fork's mean after the warm-up, and their mean. */
    private static SortedMap<String, MetricSummary> metrics(Data d, int warmup) {
        SortedMap<String, MetricSummary> out = new TreeMap<>();
        TreeSet<String> names = new TreeSet<>();
        d.forks.values().forEach(f -> names.addAll(f.metrics.keySet()));
        for (String name : names) {
            double[] forkMeans = d.forks.values().stream().map(f -> f.metrics.get(name)).filter(Objects::nonNull)
                    .map(v -> Arrays.stream(v.toArray()).skip(warmup).filter(Double::isFinite).toArray())
                    .filter(kept -> kept.length > 0).mapToDouble(StatUtils::mean).toArray();
            if (forkMeans.length > 0) {
                out.put(name, new MetricSummary(name, StatUtils.mean(forkMeans), forkMeans));
            }
        }
        return out;
    }

    private SummaryRow summarizePooled(PointKey g, List<PooledResult> pooled) {
        int samples = pooled.stream().mapToInt(PooledResult::samples).sum();
        int forks = pooled.stream().mapToInt(PooledResult::forks).sum();
        if (pooled.size() >= 2) {
            // Several files for one point: each file's score is one independent replicate.
            double[] scores = pooled.stream().mapToDouble(PooledResult::score).toArray();
            boolean none = noSpread(scores);
            Interval t = none ? Interval.NONE : Intervals.studentT(scores, Intervals.LEVEL);
            List<SummaryNote> notes = new ArrayList<>(List.of(new SummaryNote.PooledFilesAsReplicates(scores.length)));
            if (none) {
                notes.add(SummaryNote.Plain.NO_SPREAD);
            }
            PointSummary s = new PointSummary(g, Units.canonical(g.mode()), forks, samples,
                    StatUtils.mean(scores), t.low(), t.high(), Intervals.cv(scores), false, scores, notes);
            return new SummaryRow(s, 0, -1);
        }
        PooledResult p = pooled.get(0);
        Interval ci = Interval.NONE;
        // An error of 0 is JMH's iterations without spread: no interval, as for fork means.
        if (p.samples() >= 2 && Double.isFinite(p.error999()) && p.error999() > 0) {
            // JMH's error is t(99.9%, n-1)·s/√n over all iterations pooled; rescale it to 95%.
            double half = p.error999() * Intervals.tQuantile(Intervals.LEVEL, p.samples() - 1) / Intervals.tQuantile(PooledResult.JMH_LEVEL, p.samples() - 1);
            ci = new Interval(p.score() - half, p.score() + half);
        }
        PointSummary s = new PointSummary(g, Units.canonical(g.mode()), p.forks(), p.samples(),
                p.score(), ci.low(), ci.high(), Double.NaN, false, new double[0],
                List.of(p.error999() == 0 ? SummaryNote.Plain.NO_SPREAD : SummaryNote.Plain.POOLED_INTERVAL));
        return new SummaryRow(s, 0, -1);
    }
}
