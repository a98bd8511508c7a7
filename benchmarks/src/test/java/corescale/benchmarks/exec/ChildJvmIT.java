package corescale.benchmarks.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** How child JVMs are started: measured children follow the fork's core count, services escape it. */
class ChildJvmIT {

    private static final List<String> FORK_ARGS = List.of("-Xmx1g", "-XX:ActiveProcessorCount=3", "-Dx=y");
    private static final List<String> TASKSET = List.of("/usr/bin/taskset", "-c", "0-7");

    @Test
    void aMeasuredChildGetsTheForksActiveProcessorCountAndItsAffinity() {
        List<String> cmd = ChildJvm.command(WorkerMain.class, List.of("a"), true, FORK_ARGS, "", TASKSET);
        assertEquals(ChildJvm.javaBinary(), cmd.get(0), "no taskset: it keeps the fork's affinity");
        assertTrue(cmd.contains("-XX:ActiveProcessorCount=3"), cmd.toString());
        assertFalse(cmd.contains("-Xmx1g"), "only the core count is passed on");
        assertEquals(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(), "a"),
                cmd.subList(cmd.size() - 4, cmd.size()));
    }

    @Test
    void aMeasuredChildOfAForkWithoutTheFlagGetsNone() {
        List<String> cmd = ChildJvm.command(WorkerMain.class, List.of(), true, List.of("-Xss1m"), "", TASKSET);
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-XX:ActiveProcessorCount")), cmd.toString());
    }

    @Test
    void aServiceEscapesTheForksCoresAndGetsNoProcessorCount() {
        List<String> cmd = ChildJvm.command(LoopbackServiceMain.class, List.of("1"), false, FORK_ARGS, "-XX:TieredStopAtLevel=1", TASKSET);
        assertEquals(TASKSET, cmd.subList(0, 3));
        assertEquals(ChildJvm.javaBinary(), cmd.get(3));
        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-XX:ActiveProcessorCount")), cmd.toString());
        assertFalse(cmd.contains("-XX:TieredStopAtLevel=1"), "a service is another machine: the configuration is not its");
    }

    /** A configuration changes the JVMs that do the measured work: each option, and the fork's native access, passed on. */
    @Test
    void aMeasuredChildGetsTheConfigurationsOptionsAndTheForksNativeAccess() {
        List<String> cmd = ChildJvm.command(WorkerMain.class, List.of(), true,
                List.of("--enable-native-access=ALL-UNNAMED", "-Xmx1g"), " -XX:TieredStopAtLevel=1  -XX:+UseSerialGC ", TASKSET);
        int main = cmd.indexOf(WorkerMain.class.getName());
        List<String> jvm = cmd.subList(0, main);
        assertTrue(jvm.containsAll(List.of("--enable-native-access=ALL-UNNAMED", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")), cmd.toString());
        assertFalse(jvm.contains("") || jvm.contains("-Xmx1g"), "options split on spaces; the fork's own heap is not passed on: " + cmd);
    }

    @Test
    void theLastActiveProcessorCountWinsAsInHotSpot() {
        assertEquals(Optional.of(2), ChildJvm.activeProcessorCount(
                List.of("-XX:ActiveProcessorCount=5", "-XX:ActiveProcessorCount=2")));
        assertEquals(Optional.empty(), ChildJvm.activeProcessorCount(List.of()));
    }

    @Test
    void aRealWorkerSeesTheSameCpusAsItsParent() throws Exception {
        try (WorkerProcess worker = WorkerProcess.start("test-cpus")) {
            assertEquals(Runtime.getRuntime().availableProcessors(), worker.availableProcessors());
        }
    }
}
