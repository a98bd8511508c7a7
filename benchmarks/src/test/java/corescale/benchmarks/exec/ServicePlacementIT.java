package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import corescale.benchmarks.JmhForkRun;
import corescale.results.CpuList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fork restricted to one CPU (as the sweep does it: {@code taskset} around java) on a machine with
 * more: the loopback service it starts must run on the other CPUs, never on the fork's. The service
 * reports the CPUs it may use itself, and the fork traces them with its own.
 */
class ServicePlacementIT {

    @TempDir
    Path dir;

    @Test
    void theServiceRunsOnCpusTheForkDoesNotUseWhenThereAreAny() throws Exception {
        Optional<List<Integer>> own = ServiceCpus.allowed(Path.of("/proc/self/status"));
        assumeTrue(own.isPresent() && own.get().size() >= 2, "needs Linux and at least 2 CPUs");
        Path taskset = Path.of("/usr/bin/taskset");
        assumeTrue(Files.isExecutable(taskset), "needs taskset");
        int forkCpu = own.get().get(0);
        Path java = dir.resolve("java-on-one-cpu");
        Files.writeString(java, "#!/bin/sh\nexec '" + taskset + "' -c " + forkCpu + " '" + ChildJvm.javaBinary() + "' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        Path trace = dir.resolve("trace.txt");

        JmhForkRun.run(JmhForkRun.options("corescale.benchmarks.io.IoBatch", 1,
                        Map.of("k", new String[] {"20"}, "delayMs", new String[] {"1"}, "variant", new String[] {"fixedPool"}), 100)
                .operationsPerInvocation(20)
                .jvm(java.toString())
                .jvmArgsAppend("-XX:ActiveProcessorCount=1", "-Dcorescale.exec.trace=" + trace));

        List<Integer> fork = traced(trace, "fork-cpus");
        List<Integer> service = traced(trace, "service-cpus");
        assertEquals(List.of(forkCpu), fork, "the fork ran where it was put");
        assertFalse(service.isEmpty(), "the service reported its CPUs");
        List<Integer> shared = new ArrayList<>(service);
        shared.retainAll(fork);
        assertEquals(List.of(), shared, "the service may run on the fork's CPUs " + shared + " though others are free");
        List<Integer> expected = new ArrayList<>(own.get());
        expected.remove(Integer.valueOf(forkCpu));
        assertEquals(expected, service, "the service gets every CPU the fork does not use");
    }

    private static List<Integer> traced(Path trace, String kind) throws Exception {
        List<String> values = Files.readAllLines(trace).stream().filter(l -> l.startsWith(kind + " "))
                .map(l -> l.substring(kind.length() + 1)).distinct().toList();
        assertEquals(1, values.size(), kind + " traced once: " + values);
        return CpuList.parse(values.get(0));
    }
}
