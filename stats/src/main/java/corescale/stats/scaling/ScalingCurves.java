package corescale.stats.scaling;

import corescale.stats.model.Curve;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Setting;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Builds the scaling curves of a run from its point summaries.
 *
 * <p>Points are grouped by family, benchmark, variant, params and mode ({@link Curve}). Each group gives
 * <ul>
 *   <li>one {@link Axis#CORES} curve over its points with threads = cores (N = cores), whenever it
 *       has at least one such point, so that the report can say why a curve has no fit;</li>
 *   <li>one {@link Axis#THREADS} curve per core count with at least two distinct thread counts
 *       (N = threads), e.g. threads = cores and the oversubscribed 2 × cores.</li>
 * </ul>
 * Time modes are converted to throughput and single-shot curves are listed unmeasured, see
 * {@link AsThroughput}. The USL and Amdahl fits take every fork mean as an observation (a point
 * known only from JMH's pooled score counts once). The error model is fixed per curve by the shape of
 * its data ({@link ErrorModel#forObservations}): a curve with replicates (two or more observations at
 * some N: fork means) is fitted with relative error; a curve without (one value per N, e.g. a JMH CSV
 * thread sweep) with absolute error, ordinary least squares on X, as the published USL fits.
 */
public final class ScalingCurves {

    private ScalingCurves() {
    }

    /**
     * The curves of {@code summaries}, sorted by {@link CurveKey}; curves whose every point is
     * {@code oneAtATime} (the benchmark reports concurrency 1) are listed without measures, saying why.
     */
    public static List<ScalingCurve> of(List<PointSummary> summaries, Predicate<PointKey> oneAtATime) {
        return of(summaries, oneAtATime, true, true);
    }

    /**
     * As {@link #of(List, Predicate)}, without the USL and Amdahl fits (they say {@link NoFit.Reason#NOT_FITTED}):
     * the points and speedups that a chart or a comparison of points needs, for a fraction of the cost.
     */
    public static List<ScalingCurve> unfitted(List<PointSummary> summaries, Predicate<PointKey> oneAtATime) {
        return of(summaries, oneAtATime, true, false);
    }

    /** The curves over cores only, fitted. */
    public static List<ScalingCurve> overCores(List<PointSummary> summaries, Predicate<PointKey> oneAtATime) {
        return of(summaries, oneAtATime, false, true);
    }

    private static List<ScalingCurve> of(List<PointSummary> summaries, Predicate<PointKey> oneAtATime, boolean threads,
                                         boolean fit) {
        Map<Curve, List<PointSummary>> groups = summaries.stream()
                .collect(Collectors.groupingBy(s -> Curve.of(s.key()), TreeMap::new, Collectors.toList()));
        // Groups are independent and each fit depends on its own points only, so fitting them in
        // parallel cannot change a number; the sort below fixes the order. A list splits into equal
        // halves, a TreeMap's entries by its tree: the million-row report's fits took 0.85 s, not 1.0 s.
        return new ArrayList<>(groups.entrySet()).parallelStream()
                .flatMap(g -> curves(g.getKey(), g.getValue(), oneAtATime, threads, fit).stream())
                .sorted(Comparator.comparing(ScalingCurve::key))
                .toList();
    }

    /** The curves of one group, cores curve first, then (if {@code threads}) those over threads. */
    private static List<ScalingCurve> curves(Curve group, List<PointSummary> points, Predicate<PointKey> oneAtATime,
                                             boolean threads, boolean fit) {
        List<ScalingCurve> curves = new ArrayList<>();
        List<PointSummary> onCores = onCores(points);
        if (!onCores.isEmpty()) {
            curves.add(curve(CurveKey.of(group, Axis.CORES, OptionalInt.empty()), onCores, Axis.CORES, oneAtATime, fit));
        }
        if (!threads) {
            return curves;
        }
        Map<Integer, List<PointSummary>> byCores = points.stream()
                .collect(Collectors.groupingBy(p -> p.key().cores(), TreeMap::new, Collectors.toList()));
        byCores.forEach((cores, atCores) -> {
            if (atCores.stream().map(p -> p.key().threads()).distinct().count() >= 2) {
                curves.add(curve(CurveKey.of(group, Axis.THREADS, OptionalInt.of(cores)), atCores, Axis.THREADS, oneAtATime, fit));
            }
        });
        return curves;
    }

    /** The points of one group (one variant) that lie on its cores curve. */
    private static List<PointSummary> onCores(List<PointSummary> points) {
        // Over cores, threads follow cores; a benchmark measured at one thread count throughout
        // runs its own concurrency inside (a batch sized to the cores), so all its points count.
        boolean fixedThreads = points.stream().map(p -> p.key().threads()).distinct().count() == 1;
        // Cores 0 means unknown (a plain JMH file without -XX:ActiveProcessorCount): no cores axis.
        return points.stream().filter(p -> p.key().cores() > 0)
                .filter(p -> fixedThreads || p.key().threads() == p.key().cores()).toList();
    }

    /**
     * The summaries a curve was built from, in the order of its points (increasing N): for what
     * a chart shows in the summaries' own unit, e.g. the time per operation of an avgt curve.
     *
     * @param summaries the run's summaries, or any subset holding the curve's
     */
    public static List<PointSummary> summariesOf(CurveKey key, List<PointSummary> summaries) {
        Curve curve = key.curve();
        List<PointSummary> mine = summaries.stream().filter(s -> Curve.of(s.key()).equals(curve)).toList();
        List<PointSummary> on = key.axis() == Axis.CORES ? onCores(mine)
                : mine.stream().filter(s -> s.key().cores() == key.fixedCores().getAsInt()).toList();
        return on.stream().sorted(Comparator.comparingInt((PointSummary s) -> n(s.key(), key.axis()))).toList();
    }

    /**
     * The settings (family, benchmark, params and mode) every curve of which is one unit at a time by
     * construction ({@link ScalingCurve.Note#ONE_AT_A_TIME}), in the curves' order: a latency per core count
     * throughout. A setting where only some are (a pool of cores threads at 1 core) is not one.
     */
    public static List<Setting> allOneAtATime(List<ScalingCurve> curves) {
        Map<Setting, Boolean> all = new LinkedHashMap<>();
        curves.forEach(c -> all.merge(Setting.of(c.key().curve()), c.notes().contains(ScalingCurve.Note.ONE_AT_A_TIME), Boolean::logicalAnd));
        return all.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
    }

    /** The processors {@code threads} threads can occupy on {@code cores} cores (cores 0: unknown, as many as threads). */
    private static double processors(double threads, int cores) {
        return cores > 0 ? Math.min(threads, cores) : threads;
    }

    /** One curve from its summaries; N is cores or threads according to {@code axis}. */
    static ScalingCurve curve(CurveKey key, List<PointSummary> summaries, Axis axis, Predicate<PointKey> oneAtATime,
                              boolean fit) {
        String unit = commonUnit(key, summaries);
        boolean byConstruction = summaries.stream().allMatch(s -> oneAtATime.test(s.key()));
        if (byConstruction || !AsThroughput.scalable(key.mode())) {
            NoFit why = NoFit.of(byConstruction ? NoFit.Reason.ONE_AT_A_TIME : NoFit.Reason.SINGLE_SHOT);
            return new ScalingCurve(key, unit, Double.NaN, List.of(), UslFit.none(0, 0, why), AmdahlFit.none(0, 0, why),
                    List.of(byConstruction ? ScalingCurve.Note.ONE_AT_A_TIME : ScalingCurve.Note.SINGLE_SHOT));
        }
        List<PointSummary> sorted = summaries.stream()
                .sorted(Comparator.comparingInt((PointSummary s) -> n(s.key(), axis)))
                .toList();
        double[] n = sorted.stream().mapToDouble(s -> n(s.key(), axis)).toArray();
        double[][] xs = sorted.stream().map(AsThroughput::of).toArray(double[][]::new);

        double baselineN = n[0];
        // points are sorted by N, so the baseline's repeats (if any) come first
        double baselineX = Arrays.stream(xs).limit(countAt(n, baselineN)).mapToDouble(v -> v[0]).average()
                .orElse(Double.NaN);
        // The speedup's interval is the ratio's over the one baseline point; with several points
        // at N₀ (repeats) the baseline is their average, which no ratio of two points describes.
        long atBaseline = countAt(n, baselineN);
        List<ScalingPoint> points = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            Ratio speedup = atBaseline != 1 ? Ratio.NONE : i == 0 ? Ratio.ONE : Throughput.ratio(sorted.get(i), sorted.get(0));
            double p = axis == Axis.CORES ? n[i] / baselineN
                    : processors(n[i], key.fixedCores().getAsInt()) / processors(baselineN, key.fixedCores().getAsInt());
            if (p == 1 && n[i] != baselineN) {
                p = Double.NaN; // threads beyond the cores, on no processor more: no efficiency, no Karp–Flatt
            }
            points.add(ScalingPoint.atScale(n[i], xs[i][0], xs[i][1], xs[i][2], p, baselineX, speedup,
                    sorted.get(i).unstable()));
        }
        // The fits take every fork mean as an observation: forks are the replicates that measure the noise.
        List<double[]> obs = new ArrayList<>();
        for (PointSummary s : sorted) {
            double[] forks = Throughput.forkMeansForLogScale(s);
            for (double f : forks.length > 0 ? forks : new double[] {AsThroughput.of(s)[0]}) {
                obs.add(new double[] {n(s.key(), axis), f});
            }
        }
        double[] on = obs.stream().mapToDouble(o -> o[0]).toArray();
        double[] ox = obs.stream().mapToDouble(o -> o[1]).toArray();
        ErrorModel errors = ErrorModel.forObservations(on);
        long distinct = Arrays.stream(n).distinct().count();
        NoFit notFitted = NoFit.of(NoFit.Reason.NOT_FITTED);
        return new ScalingCurve(key, AsThroughput.unit(key.mode(), unit), baselineN, points,
                fit ? UslFitter.fit(on, ox, errors) : UslFit.none(on.length, (int) distinct, errors, notFitted),
                fit ? AmdahlFitter.fit(on, ox, errors) : AmdahlFit.none(on.length, (int) distinct, errors, notFitted),
                notes(key.mode(), baselineN));
    }

    private static int n(PointKey k, Axis axis) {
        return axis.n(k);
    }

    private static long countAt(double[] sortedN, double value) {
        return Arrays.stream(sortedN).filter(v -> v == value).count();
    }

    private static List<ScalingCurve.Note> notes(Mode mode, double baselineN) {
        List<ScalingCurve.Note> notes = new ArrayList<>();
        if (!mode.higherIsBetter()) {
            notes.add(ScalingCurve.Note.TIME_AS_THROUGHPUT);
        }
        if (baselineN != 1) {
            notes.add(ScalingCurve.Note.BASELINE_NOT_ONE);
        }
        return notes;
    }

    private static String commonUnit(CurveKey key, List<PointSummary> summaries) {
        List<String> units = summaries.stream().map(PointSummary::unit).distinct().toList();
        if (units.size() != 1) {
            throw new IllegalArgumentException("points of one curve in several units " + units + ": " + key);
        }
        return units.get(0);
    }
}
