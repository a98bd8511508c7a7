package corescale.stats.load;

import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JmhNamesTest {

    @Test
    void theFamilyIsThePackageRightAfterOurs() {
        assertEquals("counters", JmhNames.family("corescale.benchmarks.counters.Counters.increment"));
        // a class in a sub-package still belongs to the family its package starts with
        assertEquals("counters", JmhNames.family("corescale.benchmarks.counters.striped.Striped.add"));
    }

    /** Outside our package (and in it, with no package after it) the family is the last package segment. */
    @Test
    void elsewhereTheFamilyIsTheLastPackageSegment() {
        assertEquals("vm", JmhNames.family("org.openjdk.bench.vm.Calls.call"));
        assertEquals("benchmarks", JmhNames.family("corescale.benchmarks.Plain.run"));
    }

    /** The inverse of key: a benchmark without a variant parameter gets none back from params. */
    @Test
    void paramsHaveNoVariantWhenTheVariantIsOnlyTheMethodsName() {
        PointKey plain = JmhNames.key("corescale.benchmarks.counters.Counters.increment", Map.of("work", "0"), 2, 2, Mode.THROUGHPUT);
        assertEquals("increment", plain.variant());
        assertEquals(Map.of("work", "0"), JmhNames.params(plain));
        PointKey variant = JmhNames.key("corescale.benchmarks.counters.Counters.increment",
                Map.of("work", "0", "variant", "atomicLong"), 2, 2, Mode.THROUGHPUT);
        assertEquals(Map.of("work", "0", "variant", "atomicLong"), JmhNames.params(variant));
    }
}
