package corescale.stats.summary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ForkSampleTest {

    /** Every fork's first iteration exactly 10% low: one warm-up iteration (WarmupTest.knownAnswers). */
    private static final double[][] WARM_FIRST = {{90, 100, 100}, {99, 110, 110}, {81, 90, 90}};

    @Test
    void keptIterationsAreThoseAfterTheWarmupInEveryFork() {
        assertEquals(6, ForkSample.of(WARM_FIRST).keptIterations()); // 3 forks × (3 − 1)
    }

    @Test
    void meanIsTheMeanOfTheForkMeansAfterTheWarmup() {
        assertEquals(100, ForkSample.of(WARM_FIRST).mean(), 1e-12); // (100 + 110 + 90) / 3
    }

    @Test
    void forksCountsEveryFork() {
        assertEquals(3, ForkSample.of(WARM_FIRST).forks());
    }
}
