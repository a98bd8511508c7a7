package corescale.stats.scaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

public class ScalingCurvesTest {

    public static final UslModel TRUTH = new UslModel(0.04, 0.002, 50);

    static PointSummary point(String variant, Mode mode, String unit, int cores, int threads, double score) {
        PointKey key = new PointKey("counters", "Counters.increment", variant, "work=10", cores, threads, Mode.THROUGHPUT);
        return new PointSummary(key.withMode(mode), unit, 3, 15, score, score * 0.99, score * 1.01, 0.01, false,
                new double[] {score, score, score}, List.of());
    }

    /** The default sweep: cores 1, 2, 4, 8, 16, threads = cores and 2 × cores, throughput from TRUTH (N = threads). */
    public static List<PointSummary> sweep(String variant, Mode mode, String unit, int... cores) {
        List<PointSummary> out = new ArrayList<>();
        for (int c : cores) {
            for (int t : new int[] {c, 2 * c}) {
                double x = TRUTH.throughput(t);
                double score = mode.higherIsBetter() ? x : t / x; // avgt: time per op per thread
                out.add(point(variant, mode, unit, c, t, score));
            }
        }
        return out;
    }

    @Test
    void coresAxisUsesThreadsEqualToCoresAndIsFitted() {
        List<ScalingCurve> curves = ScalingCurves.of(sweep("atomicLong", Mode.THROUGHPUT, "ops/us", 1, 2, 4, 8, 16), k -> false);

        ScalingCurve cores = curves.get(0);
        assertEquals(Axis.CORES, cores.key().axis());
        assertEquals(OptionalInt.empty(), cores.key().fixedCores());
        assertEquals(List.of(1.0, 2.0, 4.0, 8.0, 16.0), cores.points().stream().map(ScalingPoint::n).toList());
        assertEquals(1, cores.baselineN());
        assertEquals(List.of(), cores.notes());
        assertTrue(cores.usl().fitted(), String.valueOf(cores.usl().noFit()));
        assertEquals(TRUTH.sigma(), cores.usl().sigma(), 1e-7);
        assertEquals(TRUTH.kappa(), cores.usl().kappa(), 1e-9);
        assertTrue(cores.hasSpeedup());
        assertFalse(ScalingCurves.of(List.of(point("atomicLong", Mode.THROUGHPUT, "ops/us", 4, 4, 10)), k -> false).get(0).hasSpeedup(),
                "one point: no speedup");
        assertFalse(ScalingCurves.of(sweep("atomicLong", Mode.THROUGHPUT, "ops/us", 1, 2), k -> true).get(0).hasSpeedup(),
                "one unit at a time: no points");
        assertEquals(TRUTH.speedup(16), cores.atMax().speedup(), 1e-12);
        assertEquals(TRUTH.speedup(16) / 16, cores.atMax().efficiency(), 1e-12);
        assertEquals(TRUTH.ideal(3), cores.ideal(3), 1e-6);
        assertEquals("ops/us", cores.unit());
    }

    @Test
    void everyForkMeanIsAnObservationAndTimeForksAreConvertedOneByOne() {
        // avgt forks at 0.9 and 1.1 us/op per thread: throughputs N/0.9 and N/1.1, whose mean is not N/mean(time)
        List<PointSummary> time = new ArrayList<>();
        for (int c : new int[] {1, 2, 4, 8}) {
            PointKey key = new PointKey("counters", "Counters.increment", "lock", "work=10", c, c, Mode.THROUGHPUT);
            time.add(new PointSummary(key.withMode(Mode.AVERAGE_TIME), "us/op", 2, 10, 1.0, 0.9, 1.1, 0.1, false,
                    new double[] {0.9, 1.1}, List.of()));
        }
        ScalingCurve curve = ScalingCurves.of(time, k -> false).get(0);
        assertEquals(8, curve.usl().points(), "two forks at each of four N");
        assertEquals(4, curve.usl().distinctN());
        // perfectly linear in N: λ is the geometric mean of 1/0.9 and 1/1.1 (least squares on logs)
        assertEquals(0, curve.usl().sigma(), 1e-9);
        assertEquals(1 / Math.sqrt(0.9 * 1.1), curve.usl().lambda(), 1e-6);
    }

    @Test
    void theErrorModelFollowsTheDataShapeRelativeWithForksAbsoluteWithOneValuePerN() {
        // the same true curve, once with two forks per point (0.97 and 1.03 of the truth), once as
        // JMH's pooled scores (no fork means): one value per N
        List<PointSummary> forks = new ArrayList<>();
        List<PointSummary> pooled = new ArrayList<>();
        for (int c : new int[] {1, 2, 4, 8, 16}) {
            double x = TRUTH.throughput(c);
            PointKey key = new PointKey("counters", "Counters.increment", "atomicLong", "work=10", c, c, Mode.THROUGHPUT);
            forks.add(new PointSummary(key.withMode(Mode.THROUGHPUT), "ops/us", 2, 10, x, 0.97 * x, 1.03 * x, 0.03, false,
                    new double[] {0.97 * x, 1.03 * x}, List.of()));
            pooled.add(new PointSummary(key.withMode(Mode.THROUGHPUT), "ops/us", 1, 10, x, 0.99 * x, 1.01 * x, Double.NaN, false,
                    new double[0], List.of()));
        }
        ScalingCurve withForks = ScalingCurves.of(forks, k -> false).get(0);
        assertEquals(10, withForks.usl().points());
        assertEquals(ErrorModel.RELATIVE, withForks.errors());
        assertEquals(ErrorModel.RELATIVE, withForks.usl().errors());
        assertEquals(ErrorModel.RELATIVE, withForks.amdahl().errors());
        assertTrue(withForks.usl().lackOfFitTested(), "forks are replicates: lack of fit is tested");

        ScalingCurve onePerN = ScalingCurves.of(pooled, k -> false).get(0);
        assertEquals(5, onePerN.usl().points());
        assertEquals(ErrorModel.ABSOLUTE, onePerN.errors());
        assertEquals(ErrorModel.ABSOLUTE, onePerN.usl().errors());
        assertEquals(ErrorModel.ABSOLUTE, onePerN.amdahl().errors());
        assertFalse(onePerN.usl().lackOfFitTested());
        assertEquals(LackOfFit.Kind.UNTESTED, onePerN.usl().lackOfFit().kind());
        // exact data: both models find the truth
        assertEquals(TRUTH.sigma(), onePerN.usl().sigma(), 1e-7);
        assertEquals(TRUTH.kappa(), onePerN.usl().kappa(), 1e-9);
        assertEquals(TRUTH.lambda(), onePerN.usl().lambda(), 1e-5);
    }

    @Test
    void aBenchmarkAtOneThreadCountThroughoutScalesOverAllItsCores() {
        // A batch benchmark: one JMH thread, its concurrency inside, sized to the cores.
        List<PointSummary> batch = new ArrayList<>();
        for (int c : new int[] {1, 2, 4, 8}) {
            batch.add(point("fixedPool", Mode.THROUGHPUT, "ops/us", c, 1, TRUTH.throughput(c)));
        }
        List<ScalingCurve> curves = ScalingCurves.of(batch, k -> false);
        assertEquals(1, curves.size(), "one cores curve, no threads curve");
        ScalingCurve cores = curves.get(0);
        assertEquals(Axis.CORES, cores.key().axis());
        assertEquals(List.of(1.0, 2.0, 4.0, 8.0), cores.points().stream().map(ScalingPoint::n).toList());
        assertEquals(TRUTH.speedup(8), cores.atMax().speedup(), 1e-12);
        assertTrue(cores.usl().fitted(), String.valueOf(cores.usl().noFit()));
        assertEquals(TRUTH.sigma(), cores.usl().sigma(), 1e-6);
    }

    @Test
    void aCurveInAnotherUnitScalesThroughputAndLambdaButNotItsShape() {
        ScalingCurve ops = ScalingCurves.of(sweep("atomicLong", Mode.THROUGHPUT, "ops/us", 1, 2, 4, 8, 16), k -> false).get(0);
        ScalingCurve perSecond = ops.inUnit("ops/s", 1e6);
        assertEquals("ops/s", perSecond.unit());
        assertEquals(ops.atMax().throughput() * 1e6, perSecond.atMax().throughput(), 1e-3);
        assertEquals(ops.atMax().speedup(), perSecond.atMax().speedup(), 0.0);
        assertEquals(ops.usl().sigma(), perSecond.usl().sigma(), 0.0);
        assertEquals(ops.usl().kappa(), perSecond.usl().kappa(), 0.0);
        assertEquals(ops.usl().model().throughput(5) * 1e6, perSecond.usl().model().throughput(5), 1e-3);
        assertEquals(ops.ideal(3) * 1e6, perSecond.ideal(3), 1e-3);
    }

    @Test
    void threadsAxisPerCoreCountOverItsThreadCounts() {
        List<ScalingCurve> curves = ScalingCurves.of(sweep("atomicLong", Mode.THROUGHPUT, "ops/us", 1, 2, 4, 8, 16), k -> false);

        List<ScalingCurve> threads = curves.stream().filter(c -> c.key().axis() == Axis.THREADS).toList();
        assertEquals(List.of(1, 2, 4, 8, 16), threads.stream().map(c -> c.key().fixedCores().getAsInt()).toList());
        ScalingCurve at4 = threads.get(2);
        assertEquals(List.of(4.0, 8.0), at4.points().stream().map(ScalingPoint::n).toList());
        assertEquals(4, at4.baselineN());
        assertEquals(List.of(ScalingCurve.Note.BASELINE_NOT_ONE), at4.notes());
        assertEquals(4, at4.baselineN());
        assertEquals(TRUTH.throughput(8) / TRUTH.throughput(4), at4.atMax().speedup(), 1e-12);
        // 8 threads on 4 cores occupy the 4 processors 4 threads did: efficiency and Karp–Flatt, both per
        // processor added, have none to be over.
        assertTrue(Double.isNaN(at4.atMax().efficiency()), String.valueOf(at4.atMax()));
        assertTrue(Double.isNaN(at4.atMax().karpFlatt()), String.valueOf(at4.atMax()));
        assertFalse(at4.usl().fitted());
        assertEquals(NoFit.tooFewN(2, UslFit.MIN_DISTINCT_N), at4.usl().noFit());
    }

    /** A plain JMH thread sweep without -XX:ActiveProcessorCount (cores 0, unknown): every thread counts as a processor. */
    @Test
    void threadsAtUnknownCoresKeepTheirEfficiency() {
        List<PointSummary> plain = List.of(point("atomicLong", Mode.THROUGHPUT, "ops/us", 0, 1, TRUTH.throughput(1)),
                point("atomicLong", Mode.THROUGHPUT, "ops/us", 0, 2, TRUTH.throughput(2)),
                point("atomicLong", Mode.THROUGHPUT, "ops/us", 0, 4, TRUTH.throughput(4)));
        ScalingCurve threads = ScalingCurves.of(plain, k -> false).stream().filter(c -> c.key().axis() == Axis.THREADS).findFirst().orElseThrow();
        assertEquals(TRUTH.speedup(4) / 4, threads.atMax().efficiency(), 1e-12);
        assertEquals(ScalingPoint.karpFlatt(TRUTH.speedup(4), 4), threads.atMax().karpFlatt(), 1e-12);
    }

    @Test
    void averageTimeIsConvertedToThroughputAsThreadsOverTime() {
        List<ScalingCurve> curves = ScalingCurves.of(sweep("synchronized", Mode.AVERAGE_TIME, "ns/op", 1, 2, 4, 8), k -> false);

        ScalingCurve cores = curves.get(0);
        assertEquals("ops/ns", cores.unit());
        assertTrue(cores.notes().contains(ScalingCurve.Note.TIME_AS_THROUGHPUT), cores.notes().toString());
        for (ScalingPoint p : cores.points()) {
            assertEquals(TRUTH.throughput(p.n()), p.throughput(), 1e-9);
            assertTrue(p.low() < p.throughput() && p.throughput() < p.high(), "interval maps end for end");
        }
        assertEquals(TRUTH.sigma(), cores.usl().sigma(), 1e-7);
    }

    @Test
    void singleShotIsListedWithoutMeasuresAndSaysWhy() {
        List<ScalingCurve> curves = ScalingCurves.of(sweep("platformThread", Mode.SINGLE_SHOT, "us/op", 1, 2, 4, 8), k -> false);

        ScalingCurve cores = curves.get(0);
        assertTrue(cores.points().isEmpty());
        assertEquals(List.of(ScalingCurve.Note.SINGLE_SHOT), cores.notes());
        assertEquals(NoFit.Reason.SINGLE_SHOT, cores.usl().noFit().reason());
        assertFalse(cores.usl().fitted());
        assertFalse(cores.amdahl().fitted());
    }

    @Test
    void missingOneCoreMakesSpeedupRelativeToTheSmallestAndSaysSo() {
        List<ScalingCurve> curves = ScalingCurves.of(sweep("longAdder", Mode.THROUGHPUT, "ops/us", 2, 4, 8, 16), k -> false);

        ScalingCurve cores = curves.get(0);
        assertEquals(2, cores.baselineN());
        assertEquals(List.of(ScalingCurve.Note.BASELINE_NOT_ONE), cores.notes());
        assertEquals(1, cores.points().get(0).speedup(), 0);
        assertTrue(Double.isNaN(cores.points().get(0).karpFlatt()));
        assertEquals(TRUTH.throughput(16) / TRUTH.throughput(2), cores.atMax().speedup(), 1e-12);
        assertEquals(cores.atMax().speedup() / 8, cores.atMax().efficiency(), 1e-12);
        // the fits do not need N = 1: λ is a free parameter
        assertEquals(TRUTH.lambda(), cores.usl().lambda(), 1e-5);
    }

    @Test
    void curvesAreSeparatedByVariantAndMode() {
        List<PointSummary> all = new ArrayList<>(sweep("b", Mode.THROUGHPUT, "ops/us", 1, 2));
        all.addAll(sweep("a", Mode.THROUGHPUT, "ops/us", 1, 2));
        all.addAll(sweep("a", Mode.AVERAGE_TIME, "us/op", 1, 2));

        List<CurveKey> keys = ScalingCurves.of(all, k -> false).stream().map(ScalingCurve::key).toList();

        CurveKey first = keys.get(0);
        assertEquals("a", first.variant());
        assertEquals(Mode.THROUGHPUT, first.mode());
        assertEquals(Axis.CORES, first.axis());
        // per (variant, mode): a cores curve and two threads curves
        assertEquals(9, keys.size());
        assertEquals(keys.stream().sorted().toList(), keys);
    }
    @Test
    void eachSpeedupCarriesTheIntervalOfItsRatioToTheBaselinePoint() {
        List<PointSummary> points = new ArrayList<>();
        for (int c : new int[] {1, 2, 4}) {
            PointKey key = new PointKey("counters", "Counters.increment", "lock", "work=10", c, c, Mode.THROUGHPUT);
            double x = 10 * c;
            points.add(new PointSummary(key.withMode(Mode.THROUGHPUT), "ops/us", 3, 9, x, x * 0.9, x * 1.1, 0.1, false,
                    new double[] {x * 0.95, x, x * 1.05}, List.of()));
        }
        ScalingCurve curve = ScalingCurves.of(points, k -> false).get(0);
        ScalingPoint base = curve.points().get(0);
        assertEquals(1, base.speedupLow(), 0, "the baseline over itself is exactly 1");
        assertEquals(1, base.speedupHigh(), 0);
        ScalingPoint four = curve.atMax();
        Ratio ratio = Throughput.ratio(points.get(2), points.get(0));
        assertEquals(4, four.speedup(), 1e-12);
        assertEquals(ratio.low(), four.speedupLow(), 0);
        assertEquals(ratio.high(), four.speedupHigh(), 0);
        assertTrue(four.speedupLow() < 4 && four.speedupHigh() > 4, four.toString());
        // the display copy keeps speedups and their intervals
        assertEquals(four.speedupLow(), curve.inUnit("ops/ms", 1e3).atMax().speedupLow(), 0);
    }

    @Test
    void aCurveGivesBackTheSummariesItWasBuiltFromInItsOrder() {
        List<PointSummary> all = new ArrayList<>(sweep("a", Mode.AVERAGE_TIME, "us/op", 4, 1, 2));
        all.addAll(sweep("b", Mode.AVERAGE_TIME, "us/op", 1, 2));
        List<ScalingCurve> curves = ScalingCurves.of(all, k -> false);
        // per variant a curve over cores and one over threads at each core count: a at 1, 2 and 4 cores, b at 1 and 2
        assertEquals(List.of("a", "a", "a", "a", "b", "b", "b"), curves.stream().map(c -> c.key().variant()).toList());
        for (ScalingCurve c : curves) {
            List<PointSummary> from = ScalingCurves.summariesOf(c.key(), all);
            assertEquals(c.points().stream().map(ScalingPoint::n).toList(),
                    from.stream().map(s -> (double) c.key().axis().n(s.key())).toList(), c.key().toString());
            assertTrue(from.stream().allMatch(s -> s.key().variant().equals(c.key().variant())));
            // throughput = threads / time per operation, point by point
            for (int i = 0; i < from.size(); i++) {
                assertEquals(from.get(i).key().threads() / from.get(i).mean(), c.points().get(i).throughput(), 1e-9);
            }
        }
    }
}
