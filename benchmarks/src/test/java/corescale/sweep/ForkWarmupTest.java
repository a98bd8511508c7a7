package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import corescale.benchmarks.counters.Counters;
import corescale.benchmarks.spawn.StartJoin;

class ForkWarmupTest {

    private static final String SPAWN = StartJoin.class.getName() + ".startJoin";
    private static final String COUNTERS = Counters.class.getName() + ".increment";

    @Test
    void aBenchmarkThatNeedsMoreGetsWholeIterationsOfTheProfilesTime() {
        ForkWarmup profile = ForkWarmup.atLeast(1, Duration.ofMillis(200));
        assertEquals(ForkWarmup.atLeast(8, Duration.ofMillis(200)), profile.of(SPAWN), "1600 ms: 8 x 200 ms");
        assertEquals(ForkWarmup.atLeast(4, Duration.ofMillis(200)), profile.of(COUNTERS), "800 ms: 4 x 200 ms");
        assertEquals(ForkWarmup.atLeast(2, Duration.ofMillis(400)),
                ForkWarmup.atLeast(1, Duration.ofMillis(400)).of(COUNTERS), "800 ms: 2 x 400 ms");
        assertEquals(ForkWarmup.atLeast(6, Duration.ofMillis(300)),
                ForkWarmup.atLeast(1, Duration.ofMillis(300)).of(SPAWN), "1600 ms rounded up: 6 x 300 ms");
    }

    @Test
    void aLongerWarmUpOrOneTheUserGaveIsKept() {
        ForkWarmup thorough = ForkWarmup.atLeast(2, Duration.ofSeconds(1));
        assertEquals(thorough, thorough.of(SPAWN));
        ForkWarmup given = ForkWarmup.exactly(1, Duration.ofMillis(100));
        assertEquals(given, given.of(SPAWN), "JMH's command line beats the benchmark's own");
        ForkWarmup none = ForkWarmup.atLeast(1, Duration.ofMillis(200));
        assertEquals(none, none.of("corescale.benchmarks.selftest.Fast.fast"), "declares nothing");
        assertEquals(none, none.of("no.such.Benchmark.m"), "not on the classpath");
    }

    @Test
    void theProfilesForkTimeIncludesTheBenchmarksWarmUp() {
        Profile profile = Profile.standard();
        Duration measured = profile.measurementTime().multipliedBy(3);
        assertEquals(Duration.ofMillis(1600).plus(measured).plus(Profile.FORK_START), profile.forkTime(SPAWN, 3));
    }
}
