package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The worker-process protocol: round trips, and failures that end in errors, never in hangs. */
class WorkerProcessIT {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    /**
     * Queues one cpu task as a pool does ({@link WorkerProcess#submitCpu}, not yet flushed) and
     * returns its reply to come.
     */
    private static CompletableFuture<Long> submitCpu(WorkerProcess worker, long seed, int work) {
        CompletableFuture<Long> reply = new CompletableFuture<>();
        worker.submitCpu(seed, work, WorkerProcess.futureSink(reply));
        return reply;
    }

    @Test
    void aCpuTaskRoundTripsWithTheSameResultAsInProcess() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (WorkerProcess worker = WorkerProcess.start("test-roundtrip")) {
                for (long seed = 1; seed <= 3; seed++) {
                    CompletableFuture<Long> reply = submitCpu(worker, seed, CpuTask.WORK);
                    worker.flush();
                    assertEquals(CpuTask.compute(seed), reply.get(LIMIT.toSeconds(), TimeUnit.SECONDS));
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
                CompletableFuture<Long> call = submitCpu(worker, 7, Integer.MAX_VALUE);
                worker.flush();
                Thread.sleep(500);
                assertFalse(call.isDone(), "the long task should still be running");
                worker.child().process().destroyForcibly();
                ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(30, TimeUnit.SECONDS));
                String message = e.getCause().getMessage();
                assertTrue(message.contains("exited with code"), message);
                // dead for good: a later task is refused at once, naming the worker
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
                // A task waits for its reply (queued, never sent) while the worker gets a byte that is
                // not an op: it says so on stderr and exits 2, and the waiting task fails with that account.
                CompletableFuture<Long> pending = submitCpu(worker, 1, 10);
                worker.child().stdin().write(42);
                worker.child().stdin().flush();
                ExecutionException e = assertThrows(ExecutionException.class, () -> pending.get(30, TimeUnit.SECONDS));
                String message = e.getCause().getMessage();
                assertTrue(message.contains("exited with code 2"), message);
                assertTrue(message.contains("unknown op 42"), message);
            }
        });
    }

    @Test
    void aTaskWithoutAReplyInTimeFailsAndTheWorkerIsKilled() {
        assertTimeoutPreemptively(LIMIT, () -> {
            // A service that never answers: the kernel accepts the worker's connection from the
            // backlog, and nothing reads the request.
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                 WorkerProcess worker = WorkerProcess.start("test-timeout")) {
                IOException e = assertThrows(IOException.class,
                        () -> worker.callIo(silent.getLocalPort(), 1, 1, Duration.ofMillis(300)));
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
