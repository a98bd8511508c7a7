package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

class RuntimeFactsIT {

    @Test
    void factsComeInAFixedOrderWithSaneValues() {
        Map<String, String> facts = RuntimeFacts.collect();
        assertEquals(List.of("process_launch_mechanism", "common_pool_parallelism", "common_pool_async_uses_new_thread",
                "completable_future_default_executor", "virtual_thread_parallelism", "virtual_thread_max_pool_size",
                "available_processors", "active_processor_count_flag", "io_service_cpu_affinity"),
                List.copyOf(facts.keySet()));
        assertTrue(facts.get("process_launch_mechanism").matches("POSIX_SPAWN|FORK|VFORK|CreateProcess"),
                facts.get("process_launch_mechanism"));
        assertEquals(Integer.toString(ForkJoinPool.getCommonPoolParallelism()), facts.get("common_pool_parallelism"));
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), facts.get("available_processors"));
        boolean newThread = Boolean.parseBoolean(facts.get("common_pool_async_uses_new_thread"));
        assertEquals(newThread, !facts.get("completable_future_default_executor").equals("ForkJoinPool.commonPool"));
        // Before JDK 25 CompletableFuture starts a thread per task when the common pool has fewer than 2
        // threads; JDK 25+ always uses the common pool.
        boolean expected = Runtime.version().feature() < 25 && ForkJoinPool.getCommonPoolParallelism() < 2;
        assertEquals(Boolean.toString(expected), facts.get("common_pool_async_uses_new_thread"));
        Integer.parseInt(facts.get("virtual_thread_parallelism"));
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
    void theCpuTaskDependsOnItsSeedAndIsRepeatable() {
        assertEquals(CpuTask.compute(1), CpuTask.compute(1));
        assertTrue(CpuTask.compute(1) != CpuTask.compute(2));
    }
}
