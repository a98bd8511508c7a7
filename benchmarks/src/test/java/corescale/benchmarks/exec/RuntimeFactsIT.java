package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import corescale.results.CpuList;

class RuntimeFactsIT {

    @Test
    void factsComeInAFixedOrderWithSaneValues() throws Exception {
        Map<String, String> facts = RuntimeFacts.collect();
        assertEquals(List.of("process_launch_mechanism", "common_pool_parallelism", "common_pool_async_uses_new_thread",
                "completable_future_default_executor", "virtual_thread_parallelism", "virtual_thread_max_pool_size",
                "available_processors", "active_processor_count_flag", "io_service_cpu_affinity"),
                List.copyOf(facts.keySet()));
        assertTrue(facts.get("process_launch_mechanism").matches("POSIX_SPAWN|FORK|VFORK|CreateProcess"),
                facts.get("process_launch_mechanism"));
        assertEquals(Integer.toString(ForkJoinPool.getCommonPoolParallelism()), facts.get("common_pool_parallelism"));
        // Checked against sources other than the ones RuntimeFacts reads: what a task of supplyAsync
        // runs on, and the CPUs the OS lets this process use (nproc reads the affinity mask).
        Thread asyncThread = CompletableFuture.supplyAsync(Thread::currentThread).join();
        boolean onCommonPool = asyncThread instanceof ForkJoinWorkerThread w && w.getPool() == ForkJoinPool.commonPool();
        assertEquals(Boolean.toString(!onCommonPool), facts.get("common_pool_async_uses_new_thread"), asyncThread.toString());
        // Before JDK 25 CompletableFuture starts a thread per task when the common pool has fewer than 2
        // threads; JDK 25+ always uses the common pool.
        boolean expected = Runtime.version().feature() < 25 && ForkJoinPool.getCommonPoolParallelism() < 2;
        assertEquals(Boolean.toString(expected), facts.get("common_pool_async_uses_new_thread"));
        assertEquals(!expected, facts.get("completable_future_default_executor").equals("ForkJoinPool.commonPool"),
                facts.get("completable_future_default_executor"));
        // The JVM counts the CPUs nproc counts, unless -XX:ActiveProcessorCount tells it otherwise.
        String flag = facts.get("active_processor_count_flag");
        String cpus = flag.equals("none") ? nproc() : flag;
        assertEquals(cpus, facts.get("available_processors"), "flag " + flag);
        assertEquals(cpus, facts.get("virtual_thread_parallelism"), "flag " + flag);
        // The JDK's default for the virtual-thread scheduler's most carriers: max(parallelism, 256).
        String maxPoolSet = System.getProperty("jdk.virtualThreadScheduler.maxPoolSize");
        assertEquals(maxPoolSet != null ? maxPoolSet.trim() : Integer.toString(Math.max(Integer.parseInt(cpus), 256)),
                facts.get("virtual_thread_max_pool_size"));
        assertServiceAffinity(facts.get("io_service_cpu_affinity"));
    }

    /**
     * Where the loopback service runs: on Linux with taskset, a CPU list that, when it says the fork
     * does not use those CPUs, holds none of ours (read here from /proc/self/status), and when it says
     * they are shared, holds all of ours; elsewhere the fork's own affinity.
     */
    private static void assertServiceAffinity(String affinity) throws Exception {
        boolean linux = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux");
        boolean taskset = Stream.of("/usr/bin", "/bin", "/usr/local/bin").anyMatch(d -> Files.isExecutable(Path.of(d, "taskset")));
        if (!linux || !taskset) {
            assertEquals("inherited from the fork", affinity);
            return;
        }
        Matcher m = Pattern.compile("(\\d+(?:,\\d+)*) \\((CPUs the fork does not use|shared with the fork: no CPU is free)\\) via taskset")
                .matcher(affinity);
        assertTrue(m.matches(), affinity);
        List<Integer> service = CpuList.parse(m.group(1));
        List<Integer> ours = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> CpuList.parse(l.substring(l.indexOf(':') + 1)))
                .findFirst().orElseThrow();
        if (m.group(2).startsWith("CPUs the fork does not use")) {
            assertTrue(service.stream().noneMatch(ours::contains), affinity + ", ours " + ours);
        } else {
            assertTrue(service.containsAll(ours), affinity + ", ours " + ours);
        }
    }

    /** The CPUs this process may run on, as coreutils' nproc counts them. */
    private static String nproc() throws Exception {
        Process p = new ProcessBuilder("nproc").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void aTrivialNativeCommandIsFoundAndExitsZero() throws Exception {
        assertEquals(0, Batches.processes(Batches.trivialProcess(), 3));
    }

    @Test
    void batchSizeMustMatchJmhOperationsPerInvocation() {
        Batches.checkOpsPerInvocation(100, 100);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Batches.checkOpsPerInvocation(1000, 10));
        assertTrue(e.getMessage().contains("-opi 10"), e.getMessage());
    }

    @Test
    void theCpuTaskIsTheXorshiftChainItSays() {
        // xorshift64* computed independently (Python, 64-bit wrap-around): one step, three, and the
        // standard task, so a kernel that stopped after its first step, or ignored its seed, fails.
        assertEquals(1164970750538294679L, CpuTask.compute(1, 1));
        assertEquals(-1555990409583682640L, CpuTask.compute(1, 3));
        assertEquals(-2346691628447546259L, CpuTask.compute(1));
        assertEquals(3701253865544515897L, CpuTask.compute(2));
    }
}
