package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import corescale.benchmarks.JmhForkRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;

/**
 * Every variant of the spawn, cpu and io families, through JMH in real forks, briefly; then the leak
 * checks: no child process of the test JVM is left, no process a fork started is alive, every
 * service port a fork opened is closed, and no {@code corescale-} thread outlived a trial.
 *
 * <p>The forks record what they start with {@code -Dcorescale.exec.trace=FILE} (see {@link ExecTrace}):
 * a child whose fork died is re-parented away from the test JVM, so {@code descendants()} alone could
 * not see it. The batch families run with k=20 ({@code -p k=20 -opi 20}) to keep this test short.
 */
class ExecFamiliesForkIT {

    private static final int ITERATION_MS = 100;
    private static final int SMALL_K = 20;

    @TempDir
    static Path dir;

    private static Path trace;
    private static final List<RunResult> results = new ArrayList<>();

    @BeforeAll
    static void runFamilies() throws Exception {
        trace = dir.resolve("exec-trace.txt");
        // spawn, one unit per operation: JMH's default operations per invocation
        results.addAll(run("corescale.benchmarks.spawn.StartJoin.startJoin", Map.of(), 1, 1));
        // the batch forms, with a small k and the matching operations per invocation
        results.addAll(run("corescale.benchmarks.(spawn.StartJoinBatch|cpu.CpuBatch|io.IoBatch)",
                Map.of("k", new String[] {Integer.toString(SMALL_K)}, "delayMs", new String[] {"1"}), SMALL_K, 1));
        // the shared models under two JMH threads at once (per-thread connections, shared workers)
        results.addAll(run("corescale.benchmarks.(cpu.CpuBatch|io.IoBatch)",
                Map.of("k", new String[] {Integer.toString(SMALL_K)}, "delayMs", new String[] {"1"},
                        "variant", new String[] {"processes"}), SMALL_K, 2));
        results.addAll(run("corescale.benchmarks.io.IoBatch",
                Map.of("k", new String[] {Integer.toString(SMALL_K)}, "delayMs", new String[] {"1"},
                        "variant", new String[] {"asyncChannels", "virtualThreads"}), SMALL_K, 2));
    }

    /** A brief fork, plus the trace property and operations per invocation. */
    private static Collection<RunResult> run(String regex, Map<String, String[]> params, int opi, int threads)
            throws RunnerException {
        return JmhForkRun.run(JmhForkRun.options(regex, threads, params, ITERATION_MS)
                .operationsPerInvocation(opi)
                .jvmArgsAppend("-Dcorescale.exec.trace=" + trace));
    }

    /** The results of one family's benchmarks, e.g. {@code ".io."}; the family must have run. */
    private static List<RunResult> ofFamily(String part) {
        List<RunResult> of = results.stream().filter(r -> r.getParams().getBenchmark().contains(part)).toList();
        assertFalse(of.isEmpty(), "no results of " + part);
        return of;
    }

    private static Map<String, Set<String>> variantsWithRows() {
        Map<String, Set<String>> seen = new TreeMap<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            String simple = benchmark.substring("corescale.benchmarks.".length());
            List<IterationResult> its = JmhForkRun.iterations(r);
            assertEquals(2, its.size(), simple + " " + r.getParams().getParam("variant") + ": measured iterations");
            for (IterationResult it : its) {
                double score = it.getPrimaryResult().getScore();
                assertTrue(score > 0 && Double.isFinite(score), simple + ": score " + score);
            }
            seen.computeIfAbsent(simple, s -> new TreeSet<>()).add(r.getParams().getParam("variant"));
        }
        return seen;
    }

    @Test
    void everySpawnVariantYieldsRows() {
        Map<String, Set<String>> seen = variantsWithRows();
        assertEquals(Set.of("platformThread", "virtualThread", "process", "cfCommonPool", "cfVirtualExecutor", "jvmWorker"),
                seen.get("spawn.StartJoin.startJoin"));
        assertEquals(Set.of("platformThread", "virtualThread", "process", "cfCommonPool", "cfVirtualExecutor"),
                seen.get("spawn.StartJoinBatch.startJoinAll"));
        for (RunResult r : ofFamily(".spawn.")) {
            assertEquals("us/op", r.getPrimaryResult().getScoreUnit());
        }
    }

    @Test
    void everyCpuVariantYieldsRowsInTasksPerSecond() {
        assertEquals(Set.of("sequential", "fixedPool", "completableFutureFixedPool", "threadPerTask", "virtualThreads",
                        "completableFuture", "processes"),
                variantsWithRows().get("cpu.CpuBatch.batch"));
        for (RunResult r : ofFamily(".cpu.")) {
            assertEquals("ops/s", r.getPrimaryResult().getScoreUnit());
            assertEquals(Integer.toString(SMALL_K), r.getParams().getParam("k"));
        }
    }

    @Test
    void theSharedModelsRunUnderTwoJmhThreads() {
        Set<String> twoThreaded = new TreeSet<>();
        for (RunResult r : results) {
            if (r.getParams().getThreads() == 2) {
                twoThreaded.add(r.getParams().getBenchmark().replace("corescale.benchmarks.", "") + " "
                        + r.getParams().getParam("variant"));
            }
        }
        assertEquals(Set.of("cpu.CpuBatch.batch processes", "io.IoBatch.batch processes",
                "io.IoBatch.batch asyncChannels", "io.IoBatch.batch virtualThreads"),
                twoThreaded);
    }

    @Test
    void everyIoVariantYieldsRows() {
        assertEquals(Set.of("fixedPool", "threadPerRequest", "virtualThreads", "asyncChannels", "processes"),
                variantsWithRows().get("io.IoBatch.batch"));
        for (RunResult r : ofFamily(".io.")) {
            // each request waits at least 1 ms and a JMH thread has k connections, so no client can
            // beat k requests per ms per JMH thread
            assertTrue(r.getPrimaryResult().getScore() < SMALL_K * 1000.0 * r.getParams().getThreads() * 1.05,
                    "faster than the service's delay allows: " + r.getPrimaryResult().getScore());
        }
    }

    @Test
    void everyIoIterationReportsItsBoundAndObservedLatency() {
        List<RunResult> io = results.stream().filter(r -> r.getParams().getBenchmark().contains(".io.")).toList();
        assertTrue(io.size() >= 5, "io ran");
        for (RunResult r : io) {
            String variant = r.getParams().getParam("variant");
            int threads = r.getParams().getThreads();
            for (IterationResult it : JmhForkRun.iterations(r)) {
                var m = it.getSecondaryResults();
                long requests = (long) SMALL_K * threads;
                long limit = variant.equals("fixedPool") || variant.equals("processes")
                        ? Math.min(Runtime.getRuntime().availableProcessors(), requests) : requests;
                // ⌈requests / limit⌉ rounds of the delay at best
                double expected = (double) requests / ((requests + limit - 1) / limit);
                assertEquals(expected, m.get("concurrency").getScore(), 1e-9, variant + " requests in flight on average at best");
                assertEquals(1000.0, m.get("service_time_us").getScore(), variant + " delay");
                double ratio = m.get("latency_vs_delay").getScore();
                assertTrue(ratio >= 1.0 && Double.isFinite(ratio), variant + ": no answer comes before the delay: " + ratio);
            }
        }
    }

    @Test
    void startJoinSaysItRunsOneUnitAtATime() {
        List<Double> concurrency = results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("StartJoin.startJoin"))
                .flatMap(r -> JmhForkRun.iterations(r).stream())
                .map(it -> it.getSecondaryResults().get("concurrency").getScore()).toList();
        assertEquals(java.util.Collections.nCopies(6 * 2, 1.0), concurrency,
                "two iterations of each of the six variants, one unit in flight each");
    }

    @Test
    void noChildProcessIsLeftBehind() throws Exception {
        assertEquals(List.of(), waitForNone(() -> ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive).map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.toList())), "descendants of the test JVM");
        List<Long> pids = traced("pid").stream().map(Long::parseLong).toList();
        assertTrue(pids.size() >= 5 + 5 + 2, "the forks traced the children they started: " + pids);
        assertEquals(List.of(), waitForNone(() -> pids.stream()
                .map(ProcessHandle::of).flatMap(Optional::stream).filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).collect(Collectors.toList())),
                "children started by the forks and still alive");
    }

    @Test
    void everyServicePortIsClosed() throws Exception {
        List<String> ports = traced("port");
        assertEquals(5 + 3, ports.size(), "one loopback service per io fork: " + ports);
        for (String port : ports) {
            assertThrows(ConnectException.class,
                    () -> new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(port)).close(),
                    "port " + port + " still accepts connections");
        }
    }

    @Test
    void noExecThreadOutlivesItsTrial() throws Exception {
        assertTrue(traced("teardown").size() >= 6 + 17 + 4, "every trial recorded its teardown");
        assertEquals(List.of(), traced("thread"));
        assertFalse(ExecTrace.enabled(), "the test JVM itself is not traced");
    }

    private static List<String> traced(String kind) throws IOException {
        if (!Files.exists(trace)) {
            return List.of();
        }
        return Files.readAllLines(trace).stream().filter(l -> l.startsWith(kind + " "))
                .map(l -> l.substring(kind.length() + 1)).toList();
    }

    /** Polls a little: a process that was just told to exit may take a moment to be reaped. */
    private static List<String> waitForNone(java.util.function.Supplier<List<String>> alive) throws InterruptedException {
        List<String> now = alive.get();
        for (int i = 0; i < 50 && !now.isEmpty(); i++) {
            Thread.sleep(200);
            now = alive.get();
        }
        return now;
    }
}
