package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import corescale.stats.run.RunFile.RunConfig;

/** The precision loop on a fake measurement source and a fake clock. */
class PrecisionLoopTest {

    static Profile profile(int minForks, int maxForks, double precision, Duration cap) {
        return new Profile("test", 1, Duration.ofMillis(100), 3, Duration.ofMillis(100), minForks, maxForks,
                precision, cap, Duration.ZERO, Map.of());
    }

    /** A source that returns the given fork means in turn and advances the clock by a second per fork. */
    static PrecisionLoop.ForkSource source(AtomicLong clock, double... means) {
        return (config, fork) -> {
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            return new ForkResult(List.of(), means[fork - 1]);
        };
    }

    static final RunConfig PLAIN = new RunConfig("", "", "", "");

    /** The single configuration's forks. */
    static List<ForkResult> forks(PrecisionLoop.Outcome outcome) {
        assertEquals(1, outcome.configs().size());
        return outcome.configs().get(0).forks();
    }

    static double relCi(PrecisionLoop.Outcome outcome) {
        return outcome.configs().get(0).relCi();
    }

    @Test
    void stopsAsSoonAsTheTargetIsMet() throws Exception {
        AtomicLong clock = new AtomicLong();
        // Fork means 100, 101, 99: mean 100, sd 1, t(0.975, 2) = 4.303: half-width 2.48%.
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(2, 10, 0.03, Duration.ofMinutes(5)), Duration.ofMinutes(5), clock::get)
                .measure(List.of(PLAIN), source(clock, 100, 101, 99, 100, 100, 100));
        // Two forks (100, 101): half-width 12.706 * 0.7071 / sqrt(2) / 100.5 = 6.3% > 3%; three meet it.
        assertEquals(3, forks(outcome).size());
        assertEquals(PrecisionLoop.Stop.TARGET_MET, outcome.stop());
        assertEquals(4.302653 * 1 / Math.sqrt(3) / 100, relCi(outcome), 1e-6);
    }

    @Test
    void stopsAtTheForkCapWhenForksDisagree() throws Exception {
        AtomicLong clock = new AtomicLong();
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(2, 4, 0.03, Duration.ofMinutes(5)), Duration.ofMinutes(5), clock::get)
                .measure(List.of(PLAIN), source(clock, 100, 200, 100, 200, 100));
        assertEquals(4, forks(outcome).size());
        assertEquals(PrecisionLoop.Stop.MAX_FORKS, outcome.stop());
        assertTrue(relCi(outcome) > 0.03);
    }

    @Test
    void stopsBeforeAForkThatWouldEndPastTheTimeCap() throws Exception {
        AtomicLong clock = new AtomicLong();
        // One second per fork, 3.5 s cap: after 3 forks (3 s) a fourth would end at 4 s.
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(2, 10, 0.001, Duration.ofMillis(3500)), Duration.ofMillis(3500), clock::get)
                .measure(List.of(PLAIN), source(clock, 100, 150, 120, 130, 110));
        assertEquals(3, forks(outcome).size());
        assertEquals(PrecisionLoop.Stop.TIME_CAP, outcome.stop());
    }

    @Test
    void runsTheMinimumForksEvenPastTheTimeCap() throws Exception {
        AtomicLong clock = new AtomicLong();
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(3, 10, 0.001, Duration.ofSeconds(1)), Duration.ofSeconds(1),
                clock::get).measure(List.of(PLAIN), source(clock, 100, 150, 120, 130, 110));
        assertEquals(3, forks(outcome).size());
        assertEquals(PrecisionLoop.Stop.TIME_CAP, outcome.stop());
    }

    @Test
    void neverStopsBelowTheMinimumForksEvenIfTheyAgree() throws Exception {
        AtomicLong clock = new AtomicLong();
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(3, 10, 0.5, Duration.ofMinutes(5)), Duration.ofMinutes(5), clock::get)
                .measure(List.of(PLAIN), source(clock, 100, 100, 100, 100));
        assertEquals(3, forks(outcome).size());
        assertEquals(PrecisionLoop.Stop.TARGET_MET, outcome.stop());
    }

    @Test
    void fixedForksIgnoreThePrecisionTarget() throws Exception {
        AtomicLong clock = new AtomicLong();
        Profile fixed = profile(1, 1, 0.03, Duration.ofMinutes(5)).withForks(2);
        PrecisionLoop.Outcome outcome = new PrecisionLoop(fixed, fixed.pointTimeCap(), clock::get).measure(List.of(PLAIN), source(clock, 100, 300, 100));
        assertEquals(2, forks(outcome).size());
        assertEquals(PrecisionLoop.Stop.FIXED_FORKS, outcome.stop());
    }

    /** A source that records each call as name and fork number and returns the configuration's fork means in turn. */
    static PrecisionLoop.ForkSource recording(List<String> calls, Map<RunConfig, double[]> means) {
        return (config, fork) -> {
            calls.add(config.name() + fork);
            return new ForkResult(List.of(), means.get(config)[fork - 1]);
        };
    }

    @Test
    void configurationsAlternateInRoundsAndForksAreNumberedPerConfiguration() throws Exception {
        RunConfig a = new RunConfig("a", "", "", "");
        RunConfig b = new RunConfig("b", "-XX:TieredStopAtLevel=1", "", "");
        RunConfig c = new RunConfig("c", "", "", "");
        double[] same = {100, 100, 100};
        List<String> calls = new ArrayList<>();
        Profile fixed = profile(1, 1, 0.03, Duration.ofMinutes(5)).withForks(3);
        PrecisionLoop.Outcome outcome = new PrecisionLoop(fixed, fixed.pointTimeCap(), new AtomicLong()::get)
                .measure(List.of(a, b, c), recording(calls, Map.of(a, same, b, same, c, same)));
        assertEquals(List.of("a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3"), calls);
        assertEquals(List.of(a, b, c), outcome.configs().stream().map(PrecisionLoop.ConfigForks::config).toList());
        assertEquals(3, outcome.rounds());
        assertEquals(PrecisionLoop.Stop.FIXED_FORKS, outcome.stop());
    }

    @Test
    void thePointGoesOnUntilEveryConfigurationMeetsTheTarget() throws Exception {
        RunConfig steady = new RunConfig("steady", "", "", "");
        RunConfig noisy = new RunConfig("noisy", "", "", "");
        Profile profile = profile(3, 5, 0.03, Duration.ofMinutes(5));
        // steady meets ±3% from round 3 on (100, 101, 99: half-width 2.48%, as above). noisy's fork
        // means never do: after 5 forks, sd 7.07 and t(0.975, 4) = 2.776 give a half-width of 8.8%.
        // So the point stops at the fork cap, with 5 forks of each.
        double[] steadyMeans = {100, 101, 99, 100, 100};
        double[] noisyMeans = {100, 110, 90, 100, 100};
        List<String> calls = new ArrayList<>();
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile, Duration.ofMinutes(5), new AtomicLong()::get)
                .measure(List.of(steady, noisy), recording(calls, Map.of(steady, steadyMeans, noisy, noisyMeans)));
        assertEquals(PrecisionLoop.Stop.MAX_FORKS, outcome.stop());
        assertEquals(List.of("steady1", "noisy1", "steady2", "noisy2", "steady3", "noisy3", "steady4", "noisy4",
                "steady5", "noisy5"), calls);
        assertTrue(outcome.configs().get(0).relCi() <= 0.03, "steady met the target");
        assertEquals(2.776445 * Math.sqrt(50.0 / 5) / 100, outcome.configs().get(1).relCi(), 1e-6);

        // When both agree, the point stops after the third round, the minimum.
        List<String> agreeing = new ArrayList<>();
        PrecisionLoop.Outcome met = new PrecisionLoop(profile, Duration.ofMinutes(5), new AtomicLong()::get)
                .measure(List.of(steady, noisy), recording(agreeing, Map.of(steady, steadyMeans, noisy, steadyMeans)));
        assertEquals(PrecisionLoop.Stop.TARGET_MET, met.stop());
        assertEquals(3, met.rounds());
        assertEquals(6, agreeing.size());
    }
}
