package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import org.junit.jupiter.api.Test;

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
