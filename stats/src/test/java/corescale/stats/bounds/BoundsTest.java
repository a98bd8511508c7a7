package corescale.stats.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import corescale.stats.Synthetic;
import corescale.stats.load.Format;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.summary.Summarizer;

/** Bounds from known values: cores × sequential, Little's law, and what is read from the results. */
class BoundsTest {

    private static PointKey cpu(String variant, int cores) {
        return new PointKey("cpu", "CpuBatch.batch", variant, "k=1000;pool=cores", cores, 1, Mode.THROUGHPUT);
    }

    /** Three forks 1% apart around {@code mean}. */
    private static PointSummary point(PointKey key, double mean) {
        return Synthetic.summary(key, Mode.THROUGHPUT, 0.99 * mean, mean, 1.01 * mean);
    }

    @Test
    void aCpuModelIsBoundByCoresTimesTheSequentialRateAtTheSameCores() {
        List<PointSummary> points = List.of(point(cpu("sequential", 1), 0.050), point(cpu("sequential", 2), 0.052),
                point(cpu("fixedPool", 1), 0.048), point(cpu("fixedPool", 2), 0.1144));
        Bounds b = Bounds.of(points, Map.of());
        assertEquals(0.050, b.at(cpu("fixedPool", 1)).bound(), 1e-12);
        assertEquals(0.96, b.at(cpu("fixedPool", 1)).ofBound(), 1e-9);
        assertEquals(0.104, b.at(cpu("fixedPool", 2)).bound(), 1e-12, "2 × the sequential rate at 2 cores");
        assertEquals(1.1, b.at(cpu("fixedPool", 2)).ofBound(), 1e-9);
        assertTrue(b.at(cpu("fixedPool", 2)).aboveBound(), "1.1 × its bound, forks 1% apart: shown, a measurement error");
        assertTrue(b.at(cpu("fixedPool", 2)).ofBoundLow() > 1.05 && b.at(cpu("fixedPool", 2)).ofBoundHigh() < 1.15,
                b.at(cpu("fixedPool", 2)).toString());
        assertFalse(b.at(cpu("fixedPool", 1)).aboveBound());
        assertEquals(0.5, b.at(cpu("sequential", 2)).ofBound(), 1e-9, "one thread on two cores: half the bound");
        assertEquals(Bound.Basis.CORES_TIMES_SEQUENTIAL, b.at(cpu("fixedPool", 2)).basis());
    }

    @Test
    void everyModelIsWithinItsBoundOnlyWhereSomeHasOneAndNoneIsAboveItEvenByTheMean() {
        PointSummary seq = point(cpu("sequential", 2), 0.050);
        Bounds within = Bounds.of(List.of(seq, point(cpu("fixedPool", 2), 0.0945)), Map.of());
        assertEquals(0.945, within.at(cpu("fixedPool", 2)).ofBound(), 1e-9);
        assertTrue(within.everyWithinBound());
        assertTrue(Bounds.of(List.of(seq, point(cpu("fixedPool", 2), 0.104)), Map.of()).everyWithinBound(), "×1.04");
        Bounds shown = Bounds.of(List.of(seq, point(cpu("fixedPool", 2), 0.110)), Map.of());
        assertTrue(shown.at(cpu("fixedPool", 2)).aboveBound());
        assertFalse(shown.everyWithinBound());
        Bounds byMean = Bounds.of(List.of(seq, Synthetic.summary(cpu("fixedPool", 2), Mode.THROUGHPUT, 0.07, 0.15)), Map.of());
        assertTrue(byMean.at(cpu("fixedPool", 2)).aboveByMeanOnly());
        assertFalse(byMean.everyWithinBound(), "above by the mean only: not said to be within");
        assertFalse(Bounds.of(List.of(point(cpu("fixedPool", 2), 0.1)), Map.of()).everyWithinBound(), "no bound: nothing to be within");
        assertFalse(Bounds.NONE.everyWithinBound());
    }

    /**
     * A mean above ×1.05 its bound is a measurement error only where the forks show it: two forks 2×
     * apart (a quick run on a busy machine) do not, whether the spread is the point's or the sequential
     * point's that makes its bound. The interval is Welch's on the logs of both points' fork means,
     * over cores, as scipy.stats.ttest_ind(equal_var=False) gives it.
     */
    @Test
    void aboveTheBoundByTheMeanOnlyIsNotAMeasurementError() {
        PointSummary seq = Synthetic.summary(cpu("sequential", 2), Mode.THROUGHPUT, 0.05, 0.0502, 0.0498);
        PointSummary wide = Synthetic.summary(cpu("fixedPool", 2), Mode.THROUGHPUT, 0.07, 0.15);
        Bound b = Bounds.of(List.of(seq, wide), Map.of()).at(wide.key());
        assertEquals(1.1, b.ofBound(), 1e-9);
        assertFalse(b.aboveBound());
        assertTrue(b.aboveByMeanOnly());
        // exp of scipy's ttest_ind(log(wide), log(seq), equal_var=False).confidence_interval(0.95), over 2 cores
        assertEquals(0.008092626758523425, b.ofBoundLow(), 1e-9 * 0.0081);
        assertEquals(129.7491199681768, b.ofBoundHigh(), 1e-9 * 130);

        PointSummary noisySeq = Synthetic.summary(cpu("sequential", 2), Mode.THROUGHPUT, 0.03, 0.07);
        PointSummary tight = Synthetic.summary(cpu("fixedPool", 2), Mode.THROUGHPUT, 0.1089, 0.1111);
        Bound bySeq = Bounds.of(List.of(noisySeq, tight), Map.of()).at(tight.key());
        assertEquals(1.1, bySeq.ofBound(), 1e-9);
        assertTrue(bySeq.aboveByMeanOnly(), "the bound's own noise counts: " + bySeq);

        // Little's law: a bound of known value, the point's own interval over it.
        PointKey io = new PointKey("io", "IoBatch.batch", "fixedPool", "delayMs=1", 1, 1, Mode.THROUGHPUT);
        PointSummary fast = Synthetic.summary(io, Mode.THROUGHPUT, 0.0021, 0.0023, 0.0022);
        Bound little = Bounds.of(List.of(fast), Map.of(io, new PointFacts(2, 1000, Double.NaN))).at(io);
        assertEquals(fast.ciLow() / 0.002, little.ofBoundLow(), 1e-12);
        assertEquals(fast.ciHigh() / 0.002, little.ofBoundHigh(), 1e-12);
        assertTrue(little.aboveByMeanOnly(), little.toString());
        // One fork: no interval, so never shown above.
        PointSummary one = Synthetic.summary(io, Mode.THROUGHPUT, 0.003);
        Bound single = Bounds.of(List.of(one), Map.of(io, new PointFacts(2, 1000, Double.NaN))).at(io);
        assertFalse(single.aboveBound());
        assertTrue(single.aboveByMeanOnly());
    }

    @Test
    void otherParametersGetTheSequentialPointOfTheirOwnParameters() {
        PointKey seq = new PointKey("cpu", "CpuBatch.batch", "sequential", "k=1000;pool=1", 2, 1, Mode.THROUGHPUT);
        PointKey pool = new PointKey("cpu", "CpuBatch.batch", "fixedPool", "k=1000;pool=2", 2, 1, Mode.THROUGHPUT);
        Bounds b = Bounds.of(List.of(point(seq, 0.05), point(pool, 0.09)), Map.of());
        assertFalse(b.at(pool).hasBound(), "no sequential point with pool=2");
    }

    /**
     * One io point measured in two modes (-bm thrpt,avgt) is two points: each keeps its own facts
     * and bound. Keyed without the mode, the avgt bound replaced the thrpt one and the facts of the
     * two modes were averaged.
     */
    @Test
    void aPointInTwoModesKeepsBothBoundsAndItsFactsApart() {
        PointKey thrpt = new PointKey("io", "IoBatch.batch", "fixedPool", "delayMs=10", 2, 1, Mode.THROUGHPUT);
        PointKey avgt = thrpt.withMode(Mode.AVERAGE_TIME);
        List<Measurement> rows = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            rows.add(new Measurement(Synthetic.RUN, thrpt, "ops/us", i, 1, 0.15,
                    Map.of("concurrency", 2.0, "service_time_us", 10_000.0, "latency_vs_delay", 1.2)));
            rows.add(new Measurement(Synthetic.RUN, avgt, "us/op", i, 1, 6.7,
                    Map.of("concurrency", 2.0, "service_time_us", 10_000.0, "latency_vs_delay", 2.0)));
        }
        Map<PointKey, PointFacts> facts = PointFacts.of(List.of(new LoadedInput(Path.of("r.csv"), Format.RESULTS_CSV, rows, List.of())));
        assertEquals(1.2, facts.get(thrpt).latencyVsDelay(), 1e-12);
        assertEquals(2.0, facts.get(avgt).latencyVsDelay(), 1e-12);
        Bounds b = Bounds.of(List.of(Synthetic.summary(thrpt, Mode.THROUGHPUT, 0.15, 0.15, 0.15),
                Synthetic.summary(avgt, Mode.AVERAGE_TIME, 6.7, 6.7, 6.7)), facts);
        assertEquals(2.0 / 10_000, b.at(thrpt).bound(), 1e-15, "the throughput point keeps its Little's-law bound");
        assertEquals(1.2, b.at(thrpt).facts().latencyVsDelay(), 1e-12);
        assertEquals(2.0, b.at(avgt).facts().latencyVsDelay(), 1e-12, "the time point keeps its own facts");
        assertEquals(2, b.all().size());
    }

    @Test
    void aServiceModelIsBoundByLittlesLaw() {
        PointKey io = new PointKey("io", "IoBatch.batch", "fixedPool", "delayMs=10;k=200;pool=cores", 2, 1, Mode.THROUGHPUT);
        // 2 in flight, 10 ms each: 200 requests/s = 0.0002 ops/us
        Bounds b = Bounds.of(List.of(point(io, 0.00019)), Map.of(io, new PointFacts(2, 10_000, 1.02)));
        assertEquals(0.0002, b.at(io).bound(), 1e-15);
        assertEquals(0.95, b.at(io).ofBound(), 1e-9);
        assertFalse(b.at(io).serviceBound());
        assertTrue(Bounds.of(List.of(point(io, 0.0001)), Map.of(io, new PointFacts(2, 10_000, 1.6))).at(io).serviceBound());
    }

    /**
     * Forks that agree to the last digit have no interval (the summariser's no spread), so they show no
     * model above its bound: a zero-width interval would have called ×1.1 a measurement error for sure.
     */
    @Test
    void forkMeansWithoutSpreadShowNothingAboveTheBound() throws Exception {
        PointKey io = new PointKey("io", "IoBatch.batch", "fixedPool", "delayMs=10;k=200;pool=cores", 2, 1, Mode.THROUGHPUT);
        PointSummary same = new Summarizer().summarize(List.of(Synthetic.input(io, Mode.THROUGHPUT,
                new double[] {0.00022, 0.00022}, new double[] {0.00022, 0.00022}))).get(0).summary();
        Bound b = Bounds.of(List.of(same), Map.of(io, new PointFacts(2, 10_000, 1.02))).at(io);
        assertEquals(1.1, b.ofBound(), 1e-9);
        assertFalse(b.aboveBound());
        assertTrue(b.aboveByMeanOnly());
    }

    /**
     * One fork's interval is over its iterations, which say nothing of how forks differ: ×1.3 its bound
     * from one fork is above it by the mean only, never a measurement error shown.
     */
    @Test
    void oneForkShowsNothingAboveTheBound() throws Exception {
        PointKey io = new PointKey("io", "IoBatch.batch", "fixedPool", "delayMs=10;k=200;pool=cores", 2, 1, Mode.THROUGHPUT);
        PointSummary one = new Summarizer().summarize(List.of(Synthetic.input(io, Mode.THROUGHPUT,
                new double[] {0.000259, 0.00026, 0.000261}))).get(0).summary();
        assertTrue(one.ciLow() / 0.0002 > Bound.ABOVE_BOUND, "the iterations' interval alone lies above the bound: " + one);
        Bound b = Bounds.of(List.of(one), Map.of(io, new PointFacts(2, 10_000, 1.02))).at(io);
        assertEquals(1.3, b.ofBound(), 1e-9);
        assertFalse(b.aboveBound());
        assertTrue(b.aboveByMeanOnly());
    }

    @Test
    void aPointWithoutBoundOrFactsHasNone() {
        PointKey c = Synthetic.key("lock", 2, 2);
        Bound none = Bounds.of(List.of(point(c, 1)), Map.of()).at(c);
        assertFalse(none.hasBound());
        assertFalse(none.aboveBound());
        assertFalse(none.serviceBound());
        assertTrue(Double.isNaN(none.ofBound()));
    }

    @Test
    void factsAreTheMeanOfTheirIterationsAndComeOnlyFromTheResults() {
        PointKey io = new PointKey("io", "IoBatch.batch", "asyncChannels", "delayMs=1", 1, 1, Mode.THROUGHPUT);
        List<Measurement> rows = new ArrayList<>();
        double[] latency = {1.2, 1.4, 2.0, 1.0};
        for (int i = 0; i < latency.length; i++) {
            rows.add(new Measurement(Synthetic.RUN, io.withMode(Mode.THROUGHPUT), "ops/us", 1 + i / 2, 1 + i % 2, 0.1,
                    Map.of(PointFacts.CONCURRENCY, 200.0, PointFacts.SERVICE_TIME_US, 1000.0, PointFacts.LATENCY_VS_DELAY, latency[i])));
        }
        PointKey counter = Synthetic.key("lock", 2, 2);
        rows.add(new Measurement(Synthetic.RUN, counter.withMode(Mode.THROUGHPUT), "ops/us", 1, 1, 5, Map.of("lost_updates", 0.0)));
        Map<PointKey, PointFacts> facts = PointFacts.of(List.of(new LoadedInput(Path.of("r.csv"), Format.RESULTS_CSV, rows, List.of())));
        assertEquals(Map.of(io, new PointFacts(200, 1000, 1.4)), facts, "only points that report them, means over iterations");
    }

    @Test
    void aCurveOneUnitAtATimeByConstructionGetsNoSpeedupAndSaysWhy() {
        PointKey one = new PointKey("spawn", "StartJoin.startJoin", "platformThread", "", 1, 1, Mode.AVERAGE_TIME);
        PointKey batch = new PointKey("spawn", "StartJoinBatch.startJoinAll", "platformThread", "k=100", 1, 1, Mode.AVERAGE_TIME);
        List<PointSummary> points = List.of(
                Synthetic.summary(one, Mode.AVERAGE_TIME, 50, 50), Synthetic.summary(one.withCores(2).withThreads(1), Mode.AVERAGE_TIME, 60, 60),
                Synthetic.summary(batch, Mode.AVERAGE_TIME, 20, 20), Synthetic.summary(batch.withCores(2), Mode.AVERAGE_TIME, 12, 12));
        Map<PointKey, PointFacts> facts = Map.of(one, new PointFacts(1, Double.NaN, Double.NaN),
                one.withCores(2), new PointFacts(1, Double.NaN, Double.NaN),
                batch, new PointFacts(100, Double.NaN, Double.NaN), batch.withCores(2), new PointFacts(100, Double.NaN, Double.NaN));
        List<ScalingCurve> curves = ScalingCurves.of(points, Bounds.of(points, facts).oneAtATime());
        ScalingCurve startJoin = curves.stream().filter(c -> c.key().benchmark().equals("StartJoin.startJoin")).findFirst().orElseThrow();
        ScalingCurve startJoinAll = curves.stream().filter(c -> c.key().benchmark().startsWith("StartJoinBatch")).findFirst().orElseThrow();
        assertEquals(List.of(), startJoin.points(), "no speedup, efficiency or Karp-Flatt");
        assertFalse(startJoin.usl().fitted());
        assertEquals(List.of(ScalingCurve.Note.ONE_AT_A_TIME), startJoin.notes());
        assertEquals(2, startJoinAll.points().size(), "a batch of 100 at once is still a curve");
        assertEquals(List.of(corescale.stats.model.Setting.of(startJoin.key().curve())), ScalingCurves.allOneAtATime(curves), "StartJoin's setting, every curve a latency");

        // A pool of as many threads as cores runs one at a time at 1 core only; another variant never does.
        PointKey pool = cpu("fixedPool", 1);
        List<PointSummary> mixed = List.of(point(pool, 1), point(pool.withCores(2), 2), point(cpu("forkJoin", 1), 1),
                point(cpu("forkJoin", 2), 2), point(cpu("virtual", 1), 1), point(cpu("virtual", 2), 2));
        Map<PointKey, PointFacts> ones = Map.of(pool, new PointFacts(1, Double.NaN, Double.NaN),
                pool.withCores(2), new PointFacts(1, Double.NaN, Double.NaN),
                cpu("forkJoin", 1), new PointFacts(1, Double.NaN, Double.NaN), cpu("forkJoin", 2), new PointFacts(1, Double.NaN, Double.NaN),
                cpu("virtual", 1), new PointFacts(1, Double.NaN, Double.NaN), cpu("virtual", 2), new PointFacts(2, Double.NaN, Double.NaN));
        List<ScalingCurve> some = ScalingCurves.of(mixed, Bounds.of(mixed, ones).oneAtATime());
        assertEquals(List.of(List.of(ScalingCurve.Note.ONE_AT_A_TIME), List.of(ScalingCurve.Note.ONE_AT_A_TIME), List.of()),
                some.stream().map(ScalingCurve::notes).toList());
        assertEquals(List.of(), ScalingCurves.allOneAtATime(some), "virtual at 2 cores runs two at once: the setting scales");
    }
}
