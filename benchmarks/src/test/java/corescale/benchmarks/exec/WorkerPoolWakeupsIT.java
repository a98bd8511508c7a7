package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The processes model, like every other, wakes the waiting thread once per batch (starts worker JVMs). */
class WorkerPoolWakeupsIT {

    @Test
    void workerProcessesWakeTheWaiterOncePerBatch() throws Exception {
        try (WorkerPool workers = WorkerPool.start("test-wakeups", 1)) {
            // The workers run CpuTask.WORK steps a task, as in the benchmarks: the sums are checked with it.
            long n = BatchWakeupsTest.wakeups(b -> workers.runCpuBatch(BatchWakeupsTest.seed(b, 0), BatchWakeupsTest.K),
                    CpuTask.WORK);
            assertTrue(n <= BatchWakeupsTest.MOST, "worker processes: " + n + " wake-ups in " + BatchWakeupsTest.BATCHES + " batches");
        }
    }
}
