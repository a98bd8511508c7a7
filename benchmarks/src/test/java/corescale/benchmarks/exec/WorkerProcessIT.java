package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The worker-process protocol: round trips, and failures that end in errors, never in hangs. */
class WorkerProcessIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void aCpuTaskRoundTripsWithTheSameResultAsInProcess() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (WorkerProcess worker = WorkerProcess.start("test-roundtrip")) {
                assertTrue(worker.startupNanos() > 0);
                for (long seed = 1; seed <= 3; seed++) {
                    assertEquals(CpuTask.compute(seed), worker.callCpu(seed, CpuTask.WORK, LIMIT));
                }
                worker.close();
                assertEquals(0, worker.exitCode(), "a worker told to exit exits 0");
            }
        });
    }

    @Test
    void aPoolSpreadsABatchAndSumsEveryResult() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (WorkerPool pool = WorkerPool.start("test-pool", 2)) {
                long expected = 0;
                for (int i = 0; i < 57; i++) {
                    expected += CpuTask.compute(100 + i);
                }
                assertEquals(expected, pool.runCpuBatch(100, 57));
                assertEquals(expected, pool.runCpuBatch(100, 57), "a pool runs batch after batch");
            }
        });
    }

    @Test
    void aWorkerThatDiesMidTaskFailsTheTaskWithAnAccountOfIt() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (WorkerProcess worker = WorkerProcess.start("test-dies")) {
                // a task of some seconds, so the worker is surely inside it when it is killed
                CompletableFuture<Long> call = CompletableFuture.supplyAsync(() -> {
                    try {
                        return worker.callCpu(7, Integer.MAX_VALUE, LIMIT);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                Thread.sleep(500);
                assertFalse(call.isDone(), "the long task should still be running");
                worker.child().process().destroyForcibly();
                ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
                String message = e.getCause().getMessage();
                assertTrue(message.contains("exited with code"), message);
                assertTrue(worker.isDead());
                IllegalStateException later = assertThrows(IllegalStateException.class,
                        () -> worker.submitCpu(1, 1, null));
                assertTrue(later.getMessage().contains("test-dies"), later.getMessage());
            }
        });
    }

    @Test
    void aWorkerThatExitsNonZeroGivesItsExitCodeAndStderr() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (WorkerProcess worker = WorkerProcess.start("test-badop")) {
                worker.child().stdin().write(42); // not an op: the worker says so on stderr and exits 2
                worker.child().stdin().flush();
                IOException e = assertThrows(IOException.class, () -> worker.callCpu(1, 10, LIMIT));
                assertTrue(e.getMessage().contains("exited with code 2"), e.getMessage());
                assertTrue(e.getMessage().contains("unknown op 42"), e.getMessage());
            }
        });
    }

    @Test
    void aTaskWithoutAReplyInTimeFailsAndTheWorkerIsKilled() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (WorkerProcess worker = WorkerProcess.start("test-timeout")) {
                IOException e = assertThrows(IOException.class,
                        () -> worker.callCpu(3, Integer.MAX_VALUE, Duration.ofMillis(300)));
                assertTrue(e.getMessage().contains("no reply within"), e.getMessage());
                assertTrue(worker.child().process().waitFor(10, TimeUnit.SECONDS), "killed");
            }
        });
    }

    @Test
    void aWorkerWhoseParentClosesThePipeExits() {
        assertTimeoutPreemptively(LIMIT, () -> {
            WorkerProcess worker = WorkerProcess.start("test-eof");
            worker.child().stdin().close();
            assertTrue(worker.child().process().waitFor(20, TimeUnit.SECONDS), "exits at end of input");
            assertEquals(0, worker.child().process().exitValue());
            worker.close();
        });
    }
}
