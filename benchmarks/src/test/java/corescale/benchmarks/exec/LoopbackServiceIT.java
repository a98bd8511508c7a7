package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.AsynchronousChannelGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The loopback service, as a real child JVM: delay, many connections, every client kind, clean stop. */
class LoopbackServiceIT {

    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void answersEachRequestAfterTheSetDelay() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LoopbackService service = LoopbackService.start(50);
                 BlockingConnection c = new BlockingConnection(service.port())) {
                for (long id = 1; id <= 5; id++) {
                    long t0 = System.nanoTime();
                    assertEquals(LoopbackProtocol.answer(id), c.call(id));
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    assertTrue(ms >= 50, "answered after " + ms + " ms, before the 50 ms delay");
                    assertTrue(ms < 50 + 5_000, "answered after " + ms + " ms: far too late"); // loose: shared machine
                }
            }
        });
    }

    @Test
    void serves2000ConnectionsAtOnce() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int n = 2000;
            try (LoopbackService service = LoopbackService.start(200)) {
                List<BlockingConnection> connections = new ArrayList<>();
                try {
                    for (int i = 0; i < n; i++) {
                        connections.add(new BlockingConnection(service.port()));
                    }
                    // all 2000 open, then one request on each at once, from virtual threads
                    AtomicLong sum = new AtomicLong();
                    long t0 = System.nanoTime();
                    long total = Batches.threadPerTask(true, n, i -> sum.addAndGet(connections.get(i).call(i)));
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                    long expected = 0;
                    for (int i = 0; i < n; i++) {
                        expected += LoopbackProtocol.answer(i);
                    }
                    assertEquals(expected, sum.get());
                    assertTrue(total != 0 || expected == 0);
                    // served concurrently: one after another would take 2000 x 200 ms = 400 s
                    assertTrue(ms < 60_000, "2000 concurrent requests took " + ms + " ms");
                } finally {
                    for (BlockingConnection c : connections) {
                        c.close();
                    }
                }
                service.checkAlive();
            }
        });
    }

    @Test
    void asyncChannelsAndWorkerProcessesGetTheirAnswersToo() {
        assertTimeoutPreemptively(LIMIT, () -> {
            AsynchronousChannelGroup group = AsynchronousChannelGroup.withFixedThreadPool(2,
                    Thread.ofPlatform().daemon(true).name("corescale-test-async-", 0).factory());
            try (LoopbackService service = LoopbackService.start(1)) {
                try (AsyncConnection a = AsyncConnection.open(group, service.port());
                     AsyncConnection b = AsyncConnection.open(group, service.port())) {
                    CompletableFuture<Long> fa = a.call(11);
                    CompletableFuture<Long> fb = b.call(12);
                    assertEquals(LoopbackProtocol.answer(11), fa.get(30, TimeUnit.SECONDS));
                    assertEquals(LoopbackProtocol.answer(12), fb.get(30, TimeUnit.SECONDS));
                    assertEquals(LoopbackProtocol.answer(13), a.call(13).get(30, TimeUnit.SECONDS));
                }
                try (WorkerPool workers = WorkerPool.start("test-io", 2)) {
                    long expected = 0;
                    for (int i = 0; i < 15; i++) {
                        expected += LoopbackProtocol.answer(1000 + i);
                    }
                    java.util.concurrent.atomic.LongAdder latency = new java.util.concurrent.atomic.LongAdder();
                    assertEquals(expected, workers.runIoBatch(service.port(), 1000, 15, latency));
                    assertTrue(latency.sum() >= 15 * TimeUnit.MILLISECONDS.toNanos(1),
                            "15 requests of 1 ms: the workers observed " + latency.sum() + " ns in all");
                }
            } finally {
                group.shutdownNow();
                assertTrue(group.awaitTermination(10, TimeUnit.SECONDS));
            }
        });
    }

    @Test
    void aWorkerGivenABadPortReportsTheIoErrorAndLives() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int closedPort;
            try (LoopbackService service = LoopbackService.start(1)) {
                closedPort = service.port();
            }
            try (WorkerProcess worker = WorkerProcess.start("test-badport")) {
                IOException e = assertThrows(IOException.class, () -> worker.callIo(closedPort, 1, 1, LIMIT));
                assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
                try (LoopbackService live = LoopbackService.start(1)) {
                    assertEquals(LoopbackProtocol.answer(5), worker.callIo(live.port(), 1, 5, LIMIT), "still serves tasks");
                }
            }
        });
    }

    @Test
    void stopsCleanlyAndClosesItsPort() {
        assertTimeoutPreemptively(LIMIT, () -> {
            LoopbackService service = LoopbackService.start(1);
            int port = service.port();
            BlockingConnection open = new BlockingConnection(port);
            assertEquals(LoopbackProtocol.answer(3), open.call(3));
            service.close(); // throws unless the child exited 0
            assertFalse(service.child().isAlive());
            assertEquals(0, service.child().process().exitValue());
            assertThrows(IOException.class, () -> open.call(4), "its connections are closed");
            open.close();
            assertThrows(ConnectException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
        });
    }
}
