package corescale.benchmarks.exec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Facts about the running JVM that change the spawn, cpu and io results, for the run metadata.
 *
 * <ul>
 * <li>{@code process_launch_mechanism}: how {@link ProcessBuilder} starts a child.
 *   {@code -Djdk.lang.Process.launchMechanism} when set, else the JDK's default: POSIX_SPAWN on Linux,
 *   macOS and AIX since JDK 12 (through the {@code jspawnhelper} executable, so every launch is two
 *   execs), CreateProcess on Windows.</li>
 * <li>{@code common_pool_parallelism} and {@code common_pool_async_uses_new_thread}: up to JDK 24, with
 *   a common pool parallelism below 2 (the default on 1 and 2 CPUs: cores - 1),
 *   {@code CompletableFuture.supplyAsync} and {@code runAsync} without an executor do not use the common
 *   pool at all but start a new platform thread per task. JDK 25 dropped that: its default async
 *   executor is always the common pool (raised to parallelism 2 if it was 0). So the flag is not
 *   inferred from the parallelism alone: it is read from the JDK itself, as the class of
 *   {@link CompletableFuture#defaultExecutor()} ({@code completable_future_default_executor}).</li>
 * <li>{@code virtual_thread_parallelism} / {@code virtual_thread_max_pool_size}: the carrier threads of
 *   the virtual-thread scheduler ({@code jdk.virtualThreadScheduler.*}, default: available processors,
 *   and max(parallelism, 256)).</li>
 * <li>{@code available_processors}, {@code active_processor_count_flag} (the fork's
 *   {@code -XX:ActiveProcessorCount}, which child worker JVMs inherit), {@code io_service_cpu_affinity}
 *   (whether the loopback service escapes the fork's CPU restriction).</li>
 * </ul>
 */
public final class RuntimeFacts {

    private RuntimeFacts() {
    }

    /** The facts, in a fixed order. */
    public static Map<String, String> collect() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("process_launch_mechanism", processLaunchMechanism());
        int common = ForkJoinPool.getCommonPoolParallelism();
        facts.put("common_pool_parallelism", Integer.toString(common));
        Executor async = new CompletableFuture<Void>().defaultExecutor();
        facts.put("common_pool_async_uses_new_thread", Boolean.toString(!(async instanceof ForkJoinPool)));
        facts.put("completable_future_default_executor", async instanceof ForkJoinPool fj && fj == ForkJoinPool.commonPool()
                ? "ForkJoinPool.commonPool" : async.getClass().getName());
        int processors = Runtime.getRuntime().availableProcessors();
        facts.put("virtual_thread_parallelism", virtualThreadParallelism(processors));
        facts.put("virtual_thread_max_pool_size", virtualThreadMaxPoolSize(processors));
        facts.put("available_processors", Integer.toString(processors));
        facts.put("active_processor_count_flag",
                ChildJvm.forkActiveProcessorCount().map(String::valueOf).orElse("none"));
        facts.put("io_service_cpu_affinity", ChildJvm.serviceAffinityDescription());
        return facts;
    }

    static String processLaunchMechanism() {
        String set = System.getProperty("jdk.lang.Process.launchMechanism");
        if (set != null && !set.isBlank()) {
            return set.trim().toUpperCase(Locale.ROOT);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "CreateProcess";
        }
        return "POSIX_SPAWN";
    }

    private static String virtualThreadParallelism(int processors) {
        String set = System.getProperty("jdk.virtualThreadScheduler.parallelism");
        return set != null && !set.isBlank() ? set.trim() : Integer.toString(processors);
    }

    private static String virtualThreadMaxPoolSize(int processors) {
        String set = System.getProperty("jdk.virtualThreadScheduler.maxPoolSize");
        if (set != null && !set.isBlank()) {
            return set.trim();
        }
        int parallelism;
        try {
            parallelism = Integer.parseInt(virtualThreadParallelism(processors));
        } catch (NumberFormatException e) {
            parallelism = processors;
        }
        return Integer.toString(Math.max(parallelism, 256));
    }
}
