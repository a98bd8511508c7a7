package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The processcounters family in the profiles: processes come from a parameter, not JMH threads. */
class ProcessCountersPlanTest {

    private static final String FILTER = "processcounters.ProcessCounters.increment";

    @Test
    void defaultProfileRunsOneVariantPerGuardKindAtHighContentionWithPEqualToCoresAndTwiceCores() {
        List<Point> plan = Plan.build(FILTER, List.of(1, 2), Optional.empty(), Profile.standard().params());
        assertEquals(3 * 2 * 2, plan.size(), plan.toString());
        Set<String> variants = new TreeSet<>();
        Set<String> perCore = new TreeSet<>();
        for (Point p : plan) {
            assertEquals(1, p.threads(), "one JMH thread: the processes are the concurrency");
            assertEquals("0", p.params().get("workOutside"));
            variants.add(p.params().get("variant"));
            perCore.add(p.params().get("processesPerCore"));
        }
        assertEquals(Set.of("atomicAdd", "fileLock", "posixSemaphore"), variants);
        assertEquals(Set.of("1", "2"), perCore);
    }

    @Test
    void quickProfileRunsEveryVariant() throws Exception {
        List<Point> plan = Plan.build(FILTER, List.of(2), Optional.empty(), Profile.quick().params());
        assertEquals(6 * 2, plan.size(), plan.toString());
        // ProcessVariant is its package's own: its values are read as the enum's constants.
        Set<String> every = new TreeSet<>();
        for (Object v : Class.forName("corescale.benchmarks.processcounters.ProcessVariant").getEnumConstants()) {
            every.add(((Enum<?>) v).name());
        }
        Set<String> planned = new TreeSet<>();
        plan.forEach(p -> planned.add(p.params().get("variant")));
        assertEquals(every, planned);
    }
}
