package corescale.stats.compare;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.run.Canary;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.summary.FalseDiscovery;
import corescale.stats.summary.LogRatioTest;
import corescale.stats.summary.MixedOnLogs;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Intervals;
import corescale.stats.summary.Throughput;
import corescale.stats.summary.WelchOnLogs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static corescale.stats.summary.FalseDiscovery.ALPHA;
import static corescale.stats.summary.WelchOnLogs.MIN_FORKS;

/**
 * Compares two sides point by point. Points match on benchmark, variant, params, cores, threads and
 * mode. The ratio is oriented so that above 1 means OTHER is faster: other/base for throughput,
 * base/other for time per operation. The {@link Design} decides each point's test: Welch's t on the
 * logs of fork means with the machine's drift between the runs added (one run a side: {@link RunToRun}),
 * a mixed model on the logs with the round as a random effect (two configurations of one interleaved
 * run: {@link MixedOnLogs}) or Welch's t on run-level values (replicate runs). Each gives the 95%
 * interval, the p of "no change" and the equivalence test at ±threshold; the p-values of all points of
 * the comparison are adjusted together (Benjamini–Hochberg) before any is called faster or slower
 * ({@link Verdict#of}). Without 2 replicates a side a point is {@link Verdict#INSUFFICIENT}.
 */
public final class Comparer {

    private final double threshold;

    /** @param threshold relative change that matters, e.g. 0.05 */
    public Comparer(double threshold) {
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in [0, 1), was " + threshold);
        }
        this.threshold = threshold;
    }

    /** Sides of one or more runs each: {@link Design#FORKS} with one run a side, else {@link Design#RUNS}. */
    public CompareResult compare(List<RunData> base, List<RunData> other, String baseName, String otherName) {
        return compare(base.size() == 1 && other.size() == 1 ? Design.FORKS : Design.RUNS, base, other, baseName,
                otherName);
    }

    /** Two configurations of one interleaved run, forks paired by round ({@link Design#PAIRED}, {@link MixedOnLogs}). */
    public CompareResult comparePaired(RunData base, RunData other) {
        return compare(Design.PAIRED, List.of(base), List.of(other), base.name(), other.name());
    }

    private CompareResult compare(Design design, List<RunData> base, List<RunData> other, String baseName,
                                  String otherName) {
        Map<PointKey, List<PointSummary>> b = index(base);
        Map<PointKey, List<PointSummary>> o = index(other);
        RunToRun spread = design == Design.FORKS ? RunToRun.fromCanary(base.get(0).canary(), other.get(0).canary())
                : RunToRun.NONE;
        List<PointComparison> points = new ArrayList<>();
        List<CompareNote> notes = new ArrayList<>();
        int unpaired = 0;
        int unpairedPoints = 0;
        for (Map.Entry<PointKey, List<PointSummary>> e : b.entrySet()) {
            List<PointSummary> bs = e.getValue();
            List<PointSummary> os = o.get(e.getKey());
            if (os == null) {
                points.add(unmatched(design, bs, true, new CompareNote.NotIn(otherName)));
                continue;
            }
            PointComparison compared;
            if (design == Design.PAIRED) {
                Pairs p = Pairs.of(bs.get(0), os.get(0), baseName, otherName);
                unpaired += p.dropped();
                unpairedPoints += p.dropped() > 0 ? 1 : 0;
                compared = paired(p);
            } else {
                compared = design == Design.FORKS ? forks(bs.get(0), os.get(0), List.of(), spread)
                        : runs(bs, os, base, other);
            }
            Optional<CompareNote> held = serviceBound(base, other, e.getKey());
            points.add(held.isPresent() ? compared.withNote(held.get()) : compared);
        }
        for (Map.Entry<PointKey, List<PointSummary>> e : o.entrySet()) {
            if (!b.containsKey(e.getKey())) {
                points.add(unmatched(design, e.getValue(), false, new CompareNote.NotIn(baseName)));
            }
        }
        List<PointComparison> decided = new ArrayList<>(decided(points));
        decided.sort(Comparator.comparing(PointComparison::key));
        if (unpaired > 0) {
            notes.add(new CompareNote.UnpairedTotal(unpaired, unpairedPoints));
        }
        // At the same largest core count the points there are in the table already: per core says nothing more.
        List<CurveComparison> curves = maxCores(base.get(0)) == maxCores(other.get(0)) ? List.of()
                : PerCoreAtMaxCores.compare(base.get(0), other.get(0));
        if (!curves.isEmpty() && design == Design.RUNS) {
            notes.add(CompareNote.Plain.CURVES_FROM_FIRST_RUNS);
        }
        List<List<CanaryReading>> baseCanary = base.stream().map(RunData::canary).toList();
        List<List<CanaryReading>> otherCanary = other.stream().map(RunData::canary).toList();
        Canary canary = design == Design.PAIRED ? Canary.NONE : Canary.between(baseCanary, otherCanary);
        if (design != Design.PAIRED && !Canary.sameChain(baseCanary, otherCanary)) {
            notes.add(CompareNote.Plain.CANARY_CHAINS_DIFFER);
        }
        return new CompareResult(baseName, otherName, design, base.size(), other.size(), decided,
                curves, Mismatches.of(base, other), canary, spread, notes, threshold, ALPHA, MIN_FORKS);
    }

    /** Welch's t on the logs of fork means, oriented so that above 0 is faster; null without enough forks. */
    private static WelchOnLogs forkTest(PointSummary pb, PointSummary po) {
        boolean higherIsBetter = pb.mode().higherIsBetter();
        return higherIsBetter ? WelchOnLogs.of(po.forkMeans(), pb.forkMeans(), Throughput.seFloor(po), Throughput.seFloor(pb))
                : WelchOnLogs.of(pb.forkMeans(), po.forkMeans(), Throughput.seFloor(pb), Throughput.seFloor(po));
    }

    /** A point found on one side only. */
    private static PointComparison unmatched(Design design, List<PointSummary> side, boolean inBase, CompareNote note) {
        PointSummary s = side.get(0);
        double mean = meanOfMeans(side);
        return new PointComparison(s.key(), s.unit(), inBase ? mean : Double.NaN, inBase ? Double.NaN : mean,
                design, 0, 0, Ratio.NONE, Double.NaN, Double.NaN, Double.NaN, inBase ? Verdict.ONLY_BASE : Verdict.ONLY_OTHER,
                List.of(note));
    }

    /**
     * One run a side: Welch on the logs of fork means, with the machine's drift between the runs added
     * ({@code spread}). The verdict waits for the whole comparison's p-values.
     */
    private PointComparison forks(PointSummary pb, PointSummary po, List<CompareNote> notes, RunToRun spread) {
        // Oriented so that above 1 is faster: other/base for throughput, base/other for time.
        double value = pb.mode().higherIsBetter() ? po.mean() / pb.mean() : pb.mean() / po.mean();
        WelchOnLogs w = forkTest(pb, po);
        if (w == null) {
            return insufficient(pb, pb.mean(), po.mean(), Design.FORKS, pb.forkMeans().length, po.forkMeans().length,
                    value, join(insufficient(CompareNote.Side.BASE, pb), insufficient(CompareNote.Side.OTHER, po), notes));
        }
        return tested(pb, pb.mean(), po.mean(), Design.FORKS, pb.forkMeans().length, po.forkMeans().length, value,
                spread.widened(w), join(unstable(List.of(pb), List.of(po)), notes));
    }

    /**
     * Two configurations: the logs of the paired rounds' fork means with the round as a random effect
     * ({@link MixedOnLogs}): the paired t when the rounds share a round effect, the pooled t when REML
     * finds none, with p-values corrected for that choice.
     */
    private PointComparison paired(Pairs p) {
        PointSummary pb = p.base();
        PointSummary po = p.other();
        boolean higherIsBetter = pb.mode().higherIsBetter();
        MixedOnLogs w = higherIsBetter ? MixedOnLogs.of(p.otherMeans(), p.baseMeans())
                : MixedOnLogs.of(p.baseMeans(), p.otherMeans());
        int n = p.baseMeans().length;
        if (w == null) {
            CompareNote why = n < MIN_FORKS ? new CompareNote.TooFewPairs(n, MIN_FORKS)
                    : CompareNote.Plain.FORK_MEAN_NOT_POSITIVE;
            return insufficient(pb, pb.mean(), po.mean(), Design.PAIRED, n, n, Double.NaN, join(List.of(why), p.notes()));
        }
        return tested(pb, pb.mean(), po.mean(), Design.PAIRED, n, n, Math.exp(w.d()), w,
                join(unstable(List.of(pb), List.of(po)), p.notes()));
    }

    /** Replicate runs: each run one value (its mean log fork mean); the run is the unit. */
    private PointComparison runs(List<PointSummary> bs, List<PointSummary> os, List<RunData> base, List<RunData> other) {
        int baseRuns = base.size();
        int otherRuns = other.size();
        List<CompareNote> missing = new ArrayList<>();
        if (bs.size() < baseRuns) {
            missing.add(new CompareNote.MissingRuns(CompareNote.Side.BASE, bs.size(), baseRuns));
        }
        if (os.size() < otherRuns) {
            missing.add(new CompareNote.MissingRuns(CompareNote.Side.OTHER, os.size(), otherRuns));
        }
        if (bs.size() == 1 && os.size() == 1) {
            // One run a side holds it: its forks, widened by the drift those two runs' canaries saw, as for one run a side.
            RunToRun spread = RunToRun.fromCanary(holding(base, bs.get(0)).canary(), holding(other, os.get(0)).canary());
            return forks(bs.get(0), os.get(0), join(missing, List.of(CompareNote.Plain.ONE_RUN_A_SIDE)), spread);
        }
        PointSummary pb = bs.get(0);
        double[] b = bs.stream().mapToDouble(Comparer::runValue).toArray();
        double[] o = os.stream().mapToDouble(Comparer::runValue).toArray();
        boolean higherIsBetter = pb.mode().higherIsBetter();
        double[] num = higherIsBetter ? o : b;
        double[] den = higherIsBetter ? b : o;
        WelchOnLogs w = b.length >= MIN_FORKS && o.length >= MIN_FORKS ? WelchOnLogs.of(num, den) : WelchOnLogs.oneAgainstReplicates(num, den);
        if (w == null) {
            return insufficient(pb, meanOfMeans(bs), meanOfMeans(os), Design.RUNS, b.length, o.length, Double.NaN,
                    join(List.of(CompareNote.Plain.RUN_MEAN_NOT_POSITIVE), missing));
        }
        List<CompareNote> pooled = b.length == 1 || o.length == 1
                ? List.of(CompareNote.Plain.SINGLE_RUN_SIDE_VARIES_AS_OTHER) : List.of();
        return tested(pb, meanOfMeans(bs), meanOfMeans(os), Design.RUNS, b.length, o.length, Math.exp(w.d()), w,
                join(unstable(bs, os), missing, pooled));
    }

    /** A run's value of a point: the geometric mean of its fork means (its mean when it has none). */
    private static double runValue(PointSummary s) {
        double[] m = s.forkMeans();
        return m.length == 0 ? s.mean() : Math.exp(Arrays.stream(m).map(Math::log).average().orElse(Double.NaN));
    }

    private PointComparison tested(PointSummary key, double baseMean, double otherMean, Design design, int nBase,
                                   int nOther, double value, LogRatioTest w, List<CompareNote> notes) {
        if (w.noSpread()) {
            return insufficient(key, baseMean, otherMean, design, nBase, nOther, value,
                    join(List.of(CompareNote.Plain.NO_SPREAD), notes));
        }
        double[] ci = w.ratioInterval(Intervals.LEVEL);
        return new PointComparison(key.key(), key.unit(), baseMean, otherMean, design, nBase, nOther,
                new Ratio(value, ci[0], ci[1], design.method()), w.pChange(), Double.NaN, w.pSame(threshold),
                Verdict.INCONCLUSIVE, notes);
    }

    private static PointComparison insufficient(PointSummary key, double baseMean, double otherMean, Design design,
                                                int nBase, int nOther, double value, List<CompareNote> notes) {
        return new PointComparison(key.key(), key.unit(), baseMean, otherMean, design, nBase, nOther,
                new Ratio(value, Double.NaN, Double.NaN, Ratio.Method.NONE), Double.NaN, Double.NaN, Double.NaN,
                Verdict.INSUFFICIENT, notes);
    }

    /** Why one side cannot give a verdict, or empty when it can. */
    private static List<CompareNote> insufficient(CompareNote.Side side, PointSummary s) {
        double[] m = s.forkMeans();
        if (m.length == 0) {
            return List.of(new CompareNote.SidePooled(side));
        }
        if (m.length < MIN_FORKS) {
            return List.of(new CompareNote.SideTooFewForks(side, m.length, MIN_FORKS));
        }
        return Arrays.stream(m).allMatch(x -> x > 0) ? List.of() : List.of(new CompareNote.SideForkMeanNotPositive(side));
    }

    private static List<CompareNote> unstable(List<PointSummary> bs, List<PointSummary> os) {
        boolean b = bs.stream().anyMatch(PointSummary::unstable);
        boolean o = os.stream().anyMatch(PointSummary::unstable);
        return !b && !o ? List.of() : List.of(new CompareNote.Unstable(
                b && o ? CompareNote.Side.BOTH : b ? CompareNote.Side.BASE : CompareNote.Side.OTHER));
    }

    /** Held back by the service on a side (in any of its runs), or on both; empty when on neither. */
    private static Optional<CompareNote> serviceBound(List<RunData> base, List<RunData> other, PointKey key) {
        boolean b = base.stream().anyMatch(r -> r.bounds().at(key).serviceBound());
        boolean o = other.stream().anyMatch(r -> r.bounds().at(key).serviceBound());
        return !b && !o ? Optional.empty() : Optional.of(new CompareNote.ServiceBound(
                b && o ? CompareNote.Side.BOTH : b ? CompareNote.Side.BASE : CompareNote.Side.OTHER));
    }

    /** The notes of each list in turn. */
    @SafeVarargs
    private static List<CompareNote> join(List<? extends CompareNote>... lists) {
        return Arrays.stream(lists).<CompareNote>flatMap(List::stream).toList();
    }

    private static double meanOfMeans(List<PointSummary> side) {
        return side.stream().mapToDouble(PointSummary::mean).average().orElse(Double.NaN);
    }

    /**
     * The comparisons of one call (several OTHERs, or several configurations against the first)
     * decided as one family: Benjamini–Hochberg over the points of all of them, so that a gate that
     * fires on any slower point of any comparison keeps its false-alarm rate at {@link FalseDiscovery#ALPHA}
     * however many comparisons it covers (decided one by one, 3 OTHERs of null data fire it about 3
     * times as often). One comparison is returned as it was.
     */
    public List<CompareResult> decidedTogether(List<CompareResult> results) {
        if (results.size() < 2) {
            return results;
        }
        List<PointComparison> all = results.stream().flatMap(r -> r.points().stream()).toList();
        List<PointComparison> decided = decided(all);
        int total = (int) all.stream().filter(p -> !Double.isNaN(p.pChange())).count();
        List<CompareResult> out = new ArrayList<>();
        int from = 0;
        for (CompareResult r : results) {
            List<PointComparison> mine = decided.subList(from, from + r.points().size());
            from += r.points().size();
            List<CompareNote> notes = new ArrayList<>(r.notes());
            notes.add(new CompareNote.AdjustedTogether(results.size() - 1, total));
            out.add(new CompareResult(r.base(), r.other(), r.design(), r.baseRuns(), r.otherRuns(), mine,
                    r.curves(), r.mismatches(), r.canary(), r.runToRun(), notes, r.threshold(), r.alpha(), r.minForks()));
        }
        return out;
    }

    /** Benjamini–Hochberg over the points with a p-value, then each point's verdict. */
    private List<PointComparison> decided(List<PointComparison> points) {
        double[] q = FalseDiscovery.adjust(points.stream().mapToDouble(PointComparison::pChange).toArray());
        List<PointComparison> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            PointComparison c = points.get(i);
            out.add(Double.isNaN(c.pChange()) ? c
                    : c.decided(q[i], Verdict.of(q[i], c.ratio().value(), c.pSame(), threshold, ALPHA)));
        }
        return out;
    }

    /** The run that holds {@code point}, one of {@link #index}'s. */
    private static RunData holding(List<RunData> runs, PointSummary point) {
        return runs.stream().filter(r -> r.points().stream().anyMatch(p -> p == point)).findFirst().orElseThrow();
    }

    /** Per point, its summary in each run of the side that has it, in run order. */
    private static Map<PointKey, List<PointSummary>> index(List<RunData> runs) {
        Map<PointKey, List<PointSummary>> out = new LinkedHashMap<>();
        for (RunData run : runs) {
            Set<PointKey> seen = new java.util.HashSet<>();
            for (PointSummary s : run.points()) {
                PointKey m = s.key();
                if (seen.add(m)) {
                    out.computeIfAbsent(m, k -> new ArrayList<>()).add(s);
                }
            }
        }
        return out;
    }

    private static int maxCores(RunData run) {
        return run.points().stream().mapToInt(s -> s.key().cores()).max().orElse(0);
    }
}
