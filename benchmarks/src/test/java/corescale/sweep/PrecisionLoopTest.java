package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The precision loop on a fake measurement source and a fake clock. */
class PrecisionLoopTest {

    static Profile profile(int minForks, int maxForks, double precision, Duration cap) {
        return new Profile("test", 1, Duration.ofMillis(100), 3, Duration.ofMillis(100), minForks, maxForks,
                precision, cap, Duration.ZERO, Map.of());
    }

    /** A source that returns the given fork means in turn and advances the clock by a second per fork. */
    static PrecisionLoop.ForkSource source(AtomicLong clock, double... means) {
        return fork -> {
            clock.addAndGet(Duration.ofSeconds(1).toNanos());
            return new ForkResult(List.of(), means[fork - 1]);
        };
    }

    @Test
    void stopsAsSoonAsTheTargetIsMet() throws Exception {
        AtomicLong clock = new AtomicLong();
        // Fork means 100, 101, 99: mean 100, sd 1, t(0.975, 2) = 4.303: half-width 2.48%.
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(2, 10, 0.03, Duration.ofMinutes(5)), Duration.ofMinutes(5), clock::get)
                .measure(source(clock, 100, 101, 99, 100, 100, 100));
        // Two forks (100, 101): half-width 12.706 * 0.7071 / sqrt(2) / 100.5 = 6.3% > 3%; three meet it.
        assertEquals(3, outcome.forks().size());
        assertEquals(PrecisionLoop.Stop.TARGET_MET, outcome.stop());
        assertEquals(4.302653 * 1 / Math.sqrt(3) / 100, outcome.relCi(), 1e-6);
    }

    @Test
    void stopsAtTheForkCapWhenForksDisagree() throws Exception {
        AtomicLong clock = new AtomicLong();
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(2, 4, 0.03, Duration.ofMinutes(5)), Duration.ofMinutes(5), clock::get)
                .measure(source(clock, 100, 200, 100, 200, 100));
        assertEquals(4, outcome.forks().size());
        assertEquals(PrecisionLoop.Stop.MAX_FORKS, outcome.stop());
        assertTrue(outcome.relCi() > 0.03);
    }

    @Test
    void stopsBeforeAForkThatWouldEndPastTheTimeCap() throws Exception {
        AtomicLong clock = new AtomicLong();
        // One second per fork, 3.5 s cap: after 3 forks (3 s) a fourth would end at 4 s.
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(2, 10, 0.001, Duration.ofMillis(3500)), Duration.ofMillis(3500), clock::get)
                .measure(source(clock, 100, 150, 120, 130, 110));
        assertEquals(3, outcome.forks().size());
        assertEquals(PrecisionLoop.Stop.TIME_CAP, outcome.stop());
    }

    @Test
    void runsTheMinimumForksEvenPastTheTimeCap() throws Exception {
        AtomicLong clock = new AtomicLong();
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(3, 10, 0.001, Duration.ofSeconds(1)), Duration.ofSeconds(1),
                clock::get).measure(source(clock, 100, 150, 120, 130, 110));
        assertEquals(3, outcome.forks().size());
        assertEquals(PrecisionLoop.Stop.TIME_CAP, outcome.stop());
    }

    @Test
    void neverStopsBelowTheMinimumForksEvenIfTheyAgree() throws Exception {
        AtomicLong clock = new AtomicLong();
        PrecisionLoop.Outcome outcome = new PrecisionLoop(profile(3, 10, 0.5, Duration.ofMinutes(5)), Duration.ofMinutes(5), clock::get)
                .measure(source(clock, 100, 100, 100, 100));
        assertEquals(3, outcome.forks().size());
        assertEquals(PrecisionLoop.Stop.TARGET_MET, outcome.stop());
    }

    @Test
    void fixedForksIgnoreThePrecisionTarget() throws Exception {
        AtomicLong clock = new AtomicLong();
        Profile fixed = profile(1, 1, 0.03, Duration.ofMinutes(5)).withForks(2);
        PrecisionLoop.Outcome outcome = new PrecisionLoop(fixed, fixed.pointTimeCap(), clock::get).measure(source(clock, 100, 300, 100));
        assertEquals(2, outcome.forks().size());
        assertEquals(PrecisionLoop.Stop.FIXED_FORKS, outcome.stop());
    }
}
