package corescale.stats.fleet;

import corescale.stats.summary.Ratio;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

import org.junit.jupiter.api.Test;

import corescale.stats.answers.Answers;
import corescale.stats.model.Mode;
import corescale.stats.run.RunFile.CanaryReading;
import corescale.stats.scaling.AmdahlFit;
import corescale.stats.scaling.Axis;
import corescale.stats.scaling.CurveKey;
import corescale.stats.scaling.NoFit;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingPoint;
import corescale.stats.scaling.UslFit;

/** A fleet's settings, per-core lines and canary means, from machines built by hand. */
class FleetTest {

    private static final Answers NO_ANSWERS = new Answers(List.of(), List.of(), List.of(), List.of(), false);

    /** A curve of the lock over {@code axis} (threads at 2 fixed cores), with these points and no fit. */
    private static ScalingCurve curve(Axis axis, List<ScalingPoint> points) {
        return curve(Mode.THROUGHPUT, axis, points);
    }

    private static ScalingCurve curve(Mode mode, Axis axis, List<ScalingPoint> points) {
        CurveKey key = new CurveKey("counters", "Counters.increment", "lock", "work=0", mode, axis,
                axis == Axis.THREADS ? OptionalInt.of(2) : OptionalInt.empty());
        NoFit notFitted = NoFit.of(NoFit.Reason.NOT_FITTED);
        return new ScalingCurve(key, "ops/us", 1, points, UslFit.none(points.size(), points.size(), notFitted),
                AmdahlFit.none(points.size(), points.size(), notFitted), List.of());
    }

    private static Fleet.Machine machine(String label, List<CanaryReading> canary, List<ScalingCurve> curves) {
        return new Fleet.Machine(label, Set.of(), 4, NO_ANSWERS, canary, curves);
    }

    @Test
    void perCoreIsEachPointsThroughputAndIntervalOverItsCores() {
        // 40 ops/us (36..44) at 4 cores is 10 (9..11) per core; 12 (11..13) at 1 core stays 12 (11..13)
        ScalingCurve c = curve(Axis.CORES, List.of(ScalingPoint.atScale(1, 12, 11, 13, 1, 12, Ratio.NONE, false),
                ScalingPoint.atScale(4, 40, 36, 44, 4, 12, Ratio.NONE, false)));
        Fleet fleet = Fleet.of(List.of(machine("a", List.of(), List.of(c))));
        assertEquals(List.of(new Fleet.PerCore(1, 12, 11, 13), new Fleet.PerCore(4, 10, 9, 11)),
                fleet.settings().get(0).lines().get(0).perCore());
    }

    /** The fleet's charts are over cores: a machine's threads curve (oversubscription) is not one of their lines. */
    @Test
    void aThreadsCurveMakesNoLine() {
        ScalingCurve cores = curve(Axis.CORES, List.of(ScalingPoint.atScale(1, 12, 11, 13, 1, 12, Ratio.NONE, false),
                ScalingPoint.atScale(2, 20, 19, 21, 2, 12, Ratio.NONE, false)));
        ScalingCurve threads = curve(Axis.THREADS, List.of(ScalingPoint.atScale(2, 20, 19, 21, 2 / 2, 20, Ratio.NONE, false),
                ScalingPoint.atScale(4, 18, 17, 19, 4 / 2, 20, Ratio.NONE, false)));
        Fleet fleet = Fleet.of(List.of(machine("a", List.of(), List.of(cores, threads))));
        assertEquals(1, fleet.settings().size());
        assertEquals(List.of(Axis.CORES), fleet.settings().get(0).lines().stream().map(l -> l.curve().key().axis()).toList());
    }

    /**
     * A benchmark measured in thrpt and avgt is two settings, each with its own machines' lines, in the
     * order of their fields (thrpt before avgt, as PointKey and the report's groups order them).
     */
    @Test
    void eachModeIsASettingOfItsOwnInFieldOrder() {
        List<ScalingPoint> points = List.of(ScalingPoint.atScale(1, 12, 11, 13, 1, 12, Ratio.NONE, false));
        Fleet fleet = Fleet.of(List.of(
                machine("a", List.of(), List.of(curve(Mode.THROUGHPUT, Axis.CORES, points), curve(Mode.AVERAGE_TIME, Axis.CORES, points))),
                machine("b", List.of(), List.of(curve(Mode.AVERAGE_TIME, Axis.CORES, points)))));
        assertEquals(List.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME), fleet.settings().stream().map(s -> s.setting().mode()).toList());
        assertEquals(List.of(List.of("a"), List.of("a", "b")), fleet.settings().stream()
                .map(s -> s.lines().stream().map(Fleet.Line::machine).toList()).toList());
    }

    /** Readings over two chain sizes (a run resumed after the chain changed) have no one memory figure. */
    @Test
    void memoryReadingsOverTwoChainsHaveNoMean() {
        Fleet.Machine m = machine("a", List.of(new CanaryReading("start", 0, 200, 80, null, null, 64L << 20),
                new CanaryReading("end", 600, 220, 150, null, null, 1L << 30)), List.of());
        assertEquals(List.of(64L << 20, 1L << 30), m.canaryChains());
        assertTrue(Double.isNaN(m.canaryMemory()));
        assertEquals(210, m.canaryCpu(), 1e-12);
    }
}
