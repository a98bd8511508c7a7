package corescale.benchmarks.processcounters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import corescale.benchmarks.JmhForkRun;
import corescale.benchmarks.exec.ChildJvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Every processcounters variant through JMH in a real fork with two worker processes
 * ({@code -XX:ActiveProcessorCount=2}, one process per core), then: the correct variants lost no
 * update in any iteration, the two that exclude nothing lost some, and nothing is left behind (no
 * worker alive, nothing of ours in the shared-memory folder). A second test kills a "fork" outright
 * and checks that its workers go with it.
 */
class ProcessCountersIT {

    private static final List<String> CORRECT = List.of("fileLock", "posixSemaphore", "spinLock", "atomicAdd");
    private static final List<String> RACY = List.of("posixSemaphorePermits", "unguarded");

    @TempDir
    static Path dir;

    private static Path trace;
    /** Per variant, lost_updates of each measured iteration. */
    private static final Map<String, List<Double>> lostByVariant = new TreeMap<>();

    @BeforeAll
    static void runEveryVariant() throws Exception {
        trace = dir.resolve("exec-trace.txt");
        List<String> variants = new ArrayList<>(CORRECT);
        variants.addAll(RACY);
        Collection<RunResult> results = JmhForkRun.run(JmhForkRun.options("processcounters.ProcessCounters.increment", 1,
                        Map.of("variant", variants.toArray(String[]::new), "workInside", new String[] {"50"},
                                "workOutside", new String[] {"0"}, "processesPerCore", new String[] {"1"}), 100)
                .jvmArgsAppend("-XX:ActiveProcessorCount=2", "-Dcorescale.exec.trace=" + trace));
        for (RunResult r : results) {
            List<Double> lost = new ArrayList<>();
            for (IterationResult it : JmhForkRun.iterations(r)) {
                assertTrue(it.getPrimaryResult().getScore() > 0, "score of " + r.getParams().getParam("variant"));
                Result<?> l = it.getSecondaryResults().get("lost_updates");
                lost.add(l == null ? Double.NaN : l.getScore());
            }
            lostByVariant.put(r.getParams().getParam("variant"), lost);
        }
    }

    @Test
    void everyVariantWasMeasured() {
        List<String> all = new ArrayList<>(CORRECT);
        all.addAll(RACY);
        assertEquals(all.stream().sorted().toList(), List.copyOf(lostByVariant.keySet()));
    }

    @Test
    void correctVariantsLoseNoUpdate() {
        for (String v : CORRECT) {
            List<Double> lost = lostByVariant.get(v);
            assertEquals(2, lost.size(), v + ": measured iterations");
            assertEquals(List.of(0.0, 0.0), lost, v + " lost updates");
        }
    }

    @Test
    void variantsThatExcludeNothingLoseUpdates() {
        for (String v : RACY) {
            double total = lostByVariant.get(v).stream().mapToDouble(Double::doubleValue).sum();
            assertTrue(total > 0, v + " lost no update over " + lostByVariant.get(v) + ": two processes did not race?");
        }
    }

    @Test
    void noWorkerAndNoSharedFileOutlivesTheFork() throws IOException {
        List<Long> pids = Files.readAllLines(trace).stream().filter(l -> l.startsWith("pid "))
                .map(l -> Long.parseLong(l.substring(4).trim())).toList();
        assertEquals(2 * (CORRECT.size() + RACY.size()), pids.size(), "two workers per variant");
        for (long pid : pids) {
            assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "worker " + pid + " is still alive");
        }
        assertEquals(List.of(), ourSharedFiles());
        assertEquals(List.of(), Files.readAllLines(trace).stream().filter(l -> l.startsWith("thread ")).toList());
    }

    /** An operation ends only once its increments are made, and a stopped iteration's count is final. */
    @Test
    void anOperationWaitsForItsIncrementsAndStoppingMakesTheCountFinal() throws Exception {
        try (CounterWorkers workers = CounterWorkers.start(ProcessVariant.atomicAdd, 2, 0, 0)) {
            for (int iteration = 0; iteration < 2; iteration++) {
                workers.startIteration();
                for (int op = 1; op <= 5; op++) {
                    workers.awaitIncrements(1000);
                    long seen = workers.madeThisIteration();
                    assertTrue(seen >= 1000L * op, "operation " + op + " returned after " + seen + " increments");
                }
                workers.stopIteration();
                long made = workers.madeThisIteration();
                assertTrue(made >= 5000, "made " + made + " of the 5000 awaited");
                assertEquals(0, workers.lostThisIteration(), "the counter holds every increment made");
                Thread.sleep(20);
                assertEquals(made, workers.madeThisIteration(), "increments made after the workers were stopped");
            }
        }
    }

    @Test
    void workersOfAKilledForkExit() throws Exception {
        for (String variant : List.of("posixSemaphore", "fileLock")) {
            Process fork = new ProcessBuilder(ChildJvm.javaBinary(), "-cp", ChildJvm.classPath(),
                    ForkThatGetsKilled.class.getName(), variant).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            List<Long> workers;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(fork.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals(ForkThatGetsKilled.RUNNING, out.readLine(), variant + ": the fork did not get its workers running");
                // Every process the fork started: its two workers.
                workers = fork.children().map(ProcessHandle::pid).toList();
                assertEquals(2, workers.size(), variant + ": the fork's children " + workers);
                assertTrue(workers.stream().allMatch(p -> ProcessHandle.of(p).isPresent()), "workers alive before the kill");
                fork.destroyForcibly();
                assertTrue(fork.waitFor(10, TimeUnit.SECONDS));
            } finally {
                fork.destroyForcibly();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (workers.stream().anyMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            // Which outlived the fork is decided before the clean-up below, which must not hide it.
            List<Long> survivors = workers.stream().filter(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)).toList();
            for (long p : workers) {
                ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly); // never leave one behind, even on failure
            }
            assertEquals(List.of(), survivors, variant + ": workers that outlived their killed fork");
            assertEquals(List.of(), ourSharedFiles(), variant);
        }
    }

    /** Mapping files and named semaphores of this family in the shared-memory folder. */
    private static List<String> ourSharedFiles() throws IOException {
        try (Stream<Path> s = Files.list(SharedMapping.directory())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(SharedMapping.FILE_PREFIX) || n.startsWith("sem.corescale-"))
                    .sorted().toList();
        }
    }
}
