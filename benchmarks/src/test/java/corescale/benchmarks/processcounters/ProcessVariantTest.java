package corescale.benchmarks.processcounters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Which variants the report may rank: those whose every increment is one exclusive step. */
class ProcessVariantTest {

    @Test
    void onlyTheGuardsThatExcludeAreExclusiveAtTwoProcesses() {
        for (ProcessVariant v : ProcessVariant.values()) {
            boolean guards = v == ProcessVariant.fileLock || v == ProcessVariant.posixSemaphore
                    || v == ProcessVariant.spinLock;
            assertEquals(guards, v.excludes(50, 2), v.name() + " with inside work, 2 processes");
        }
        assertEquals(true, ProcessVariant.atomicAdd.excludes(0, 2), "an atomic add with nothing inside is exclusive");
        assertEquals(true, ProcessVariant.unguarded.excludes(50, 1), "one process races with nobody");
    }
}
