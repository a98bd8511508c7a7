package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ForkCostsTest {

    private static final ForkWarmup HALF_SECOND = ForkWarmup.atLeast(1, Duration.ofMillis(500));

    @Test
    void eachBenchmarkLearnsItsOwnStartAndOthersUseTheAverageUntilTheirFirstBatch() {
        ForkCosts costs = ForkCosts.learning();
        assertEquals(0.7, costs.startSeconds("a"), 1e-9, "no batch yet: the guess");
        // Two forks of 1 s measured each, 0.5 s warm-up each, 4 s of wall time: 0.5 s each to start.
        costs.add("a", 4.0, List.of(TestSweeps.fork(0.5, 1, 1), TestSweeps.fork(0.5, 1, 1)), HALF_SECOND);
        // One fork of 1 s measured, 0.5 s warm-up, 3.5 s: 2 s to start (it starts worker processes).
        costs.add("b", 3.5, List.of(TestSweeps.fork(0.5, 1, 1)), HALF_SECOND);
        assertEquals(0.5, costs.startSeconds("a"), 1e-9);
        assertEquals(2.0, costs.startSeconds("b"), 1e-9);
        assertEquals(1.0, costs.startSeconds("c"), 1e-9, "(0.5 + 0.5 + 2) / 3 forks");
    }

    @Test
    void aBatchQuickerThanItsMeasuredAndWarmUpTimeTeachesAStartOfNothingNotLess() {
        ForkCosts costs = ForkCosts.learning();
        // One fork of 1 s measured, 0.5 s warm-up, in 0.5 s of wall time (a fake fork, or clocks that
        // disagree): no start, not -1 s that would pull the next benchmark's mean down.
        costs.add("a", 0.5, List.of(TestSweeps.fork(0.5, 1, 1)), HALF_SECOND);
        assertEquals(0.0, costs.startSeconds("a"), 1e-9);
        // One fork of 1 s measured, 0.5 s warm-up, 3.5 s: 2 s to start. (0 + 2) / 2 forks, not (-1 + 2) / 2.
        costs.add("a", 3.5, List.of(TestSweeps.fork(0.5, 1, 1)), HALF_SECOND);
        assertEquals(1.0, costs.startSeconds("a"), 1e-9);
        assertEquals(1.0, costs.startSeconds("b"), 1e-9, "the average over all benchmarks");
    }
}
