package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The processes model, like every other, wakes the waiting thread once per batch (starts worker JVMs). */
class WorkerPoolWakeupsIT {

    @Test
    void workerProcessesWakeTheWaiterOncePerBatch() throws Exception {
        try (WorkerPool workers = WorkerPool.start("test-wakeups", 1)) {
            long n = BatchWakeupsTest.wakeups(b -> workers.runCpuBatch(b * 1_000_000L, 200));
            assertTrue(n <= 12, "worker processes: " + n + " wake-ups in 5 batches");
        }
    }
}
