package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Where the loopback service goes: the CPUs the fork does not use when there are any. */
class ServiceCpusTest {

    @Test
    void aForkOnSomeCpusLeavesTheOthersToTheService() {
        ServiceCpus s = ServiceCpus.choose(List.of(0, 1, 2, 3), List.of(0));
        assertEquals(List.of(1, 2, 3), s.cpus());
        assertTrue(s.separate());
        assertTrue(s.description().startsWith("1,2,3 (CPUs the fork does not use"), s.description());
    }

    @Test
    void aForkOnEveryCpuSharesThemWithTheServiceAndSaysSo() {
        ServiceCpus s = ServiceCpus.choose(List.of(0, 1), List.of(0, 1));
        assertEquals(List.of(0, 1), s.cpus());
        assertFalse(s.separate());
        assertTrue(s.description().contains("shared with the fork"), s.description());
    }

    @Test
    void theMachineIsWhatTheParentMayUseNotEveryOnlineCpu() {
        // a container's cpuset {2,3}: a fork on 2 leaves 3, never a CPU outside the set
        assertEquals(List.of(3), ServiceCpus.choose(List.of(2, 3), List.of(2)).cpus());
    }
}
