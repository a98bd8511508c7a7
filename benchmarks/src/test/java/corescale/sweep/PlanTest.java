package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Which points a sweep measures. */
class PlanTest {

    @Test
    void sharedStateBenchmarksGetCoresAndTwiceCoresAndOneThreadAtTheFewestCores() {
        assertEquals(List.of(1, 2), Plan.threadsFor(Optional.empty(), 1, 1, Optional.empty()));
        assertEquals(List.of(2, 4), Plan.threadsFor(Optional.empty(), 2, 1, Optional.empty()));
        assertEquals(List.of(1, 4, 8), Plan.threadsFor(Optional.empty(), 4, 4, Optional.empty()), "one core count only");
        assertEquals(List.of(1), Plan.threadsFor(Optional.of(1), 8, 1, Optional.empty()), "@Threads wins");
        assertEquals(List.of(3, 5), Plan.threadsFor(Optional.empty(), 2, 1, Optional.of(List.of(3, 5))), "--threads");
    }

    @Test
    void theCountersPlanCrossesVariantsParamsCoresAndThreads() {
        List<Point> plan = Plan.build("counters.Counters.increment", List.of(1, 2), Optional.empty(),
                Map.of("workInside", List.of("0"), "workOutside", List.of("0", "500")));
        // 10 variants x 2 workOutside x (cores 1: threads 1, 2; cores 2: threads 2, 4)
        assertEquals(10 * 2 * 4, plan.size());
        assertTrue(plan.stream().allMatch(p -> p.key().family().equals("counters")));
        assertEquals(2, plan.stream().filter(p -> p.key().variant().equals("longAdder") && p.threads() == 1).count());
    }

    @Test
    void aFamilyQualifiedParamAppliesToThatFamilyOnly() {
        List<Point> plan = Plan.build("corescale.benchmarks.(io|cpu)", List.of(1), Optional.empty(),
                Map.of("io.k", List.of("200")));
        // Both families are in the plan, so the checks below look at points (allMatch holds on none).
        assertTrue(plan.stream().anyMatch(p -> p.key().family().equals("io")), "io points planned");
        assertTrue(plan.stream().anyMatch(p -> p.key().family().equals("cpu")), "cpu points planned");
        assertTrue(plan.stream().filter(p -> p.key().family().equals("io")).allMatch(p -> p.params().get("k").equals("200")));
        assertTrue(plan.stream().filter(p -> p.key().family().equals("cpu")).allMatch(p -> p.params().get("k").equals("1000")));
        assertTrue(plan.stream().allMatch(p -> p.threads() == 1), "batch benchmarks run one JMH thread");
    }
}
