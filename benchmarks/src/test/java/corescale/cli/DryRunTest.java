package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import corescale.topology.FakeMachines;
import corescale.topology.FsRoot;

/** {@code run --dry-run} on fake machines: the plan with each core count's CPUs, nothing measured or written. */
class DryRunTest {

    @TempDir
    Path dir;

    private record Result(int exit, List<String> out, String err) {
    }

    private Result run(FsRoot fs, String... args) {
        RunCommand command = new RunCommand();
        command.fs = fs;
        CommandLine cli = new CommandLine(command);
        cli.getCommandSpec().exitCodeOnInvalidInput(2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cli.setErr(new java.io.PrintWriter(err, true));
        PrintStream original = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = cli.execute(args);
            return new Result(exit, out.toString(StandardCharsets.UTF_8).lines().toList(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    void onATwoSocketSmtMachineEachCountGetsDistinctPhysicalCoresOfOnePackage() {
        Path out = dir.resolve("run");
        Result r = run(FakeMachines.tree("intel-2s-smt"), "Counters.increment", "--dry-run", "--cores", "1,2,4,8",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().get(0).startsWith("Plan: "), r.out().get(0));
        assertTrue(r.out().get(0).contains("results in " + out), r.out().get(0));
        assertTrue(r.out().contains("Machine: 2 packages × 8 cores × 2 threads; NUMA 2; L3 2; placement compact"), r.out().toString());
        // Package 1 (CPUs 8-15, siblings 24-31): one CPU per physical core, CPU 0's package left alone.
        assertTrue(r.out().containsAll(List.of("cores=1 cpus=8", "cores=2 cpus=8,9", "cores=4 cpus=8,9,10,11",
                "cores=8 cpus=8,9,10,11,12,13,14,15")), r.out().toString());
        assertFalse(Files.exists(out), "a dry run writes nothing");
    }

    @Test
    void aCoreCountAboveTheContainersQuotaIsFlaggedInThePlan() {
        Result r = run(FakeMachines.tree("container-v2"), "Counters.increment", "--dry-run", "--cores", "1,2,4",
                "--out", dir.resolve("run").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("cores=1 cpus=2"), r.out().toString());
        String quota = "ABOVE QUOTA: CPU quota 1.50 CPUs (cgroup v2 /sys/fs/cgroup/cpu.max)";
        assertTrue(r.out().contains("cores=2 cpus=2,0  (" + quota + " for 2 cores)"), r.out().toString());
        assertTrue(r.out().contains("cores=4 cpus=2,0,3,1  (" + quota + " for 4 cores; 2 physical cores, SMT siblings share them)"),
                r.out().toString());
    }

    @Test
    void spreadAndExplicitCpusAreHonoured() {
        Result spread = run(FakeMachines.tree("intel-2s-smt"), "Counters.increment", "--dry-run", "--cores", "2",
                "--placement", "spread", "--out", dir.resolve("a").toString());
        assertTrue(spread.out().contains("cores=2 cpus=8,1  (2 packages)"), spread.out().toString());
        Result explicit = run(FakeMachines.tree("intel-2s-smt"), "Counters.increment", "--dry-run", "--cpus", "2,4,6",
                "--out", dir.resolve("b").toString());
        assertTrue(explicit.out().containsAll(List.of("cores=1 cpus=2", "cores=2 cpus=2,4", "cores=3 cpus=2,4,6")),
                explicit.out().toString());
    }

    @Test
    void badPlacementInputIsOneLineAndExitTwo() {
        Result outside = run(FakeMachines.tree("container-v2"), "Counters.increment", "--dry-run", "--cpus", "2,6");
        assertEquals(2, outside.exit());
        assertTrue(outside.err().startsWith("--cpus 2,6: CPU 6 is not one this process may use (0,1,2,3)"), outside.err());
        Result tooMany = run(FakeMachines.tree("container-v2"), "Counters.increment", "--dry-run", "--cores", "8");
        assertEquals(2, tooMany.exit());
        assertTrue(tooMany.err().startsWith("--cores 8: this process may use 1 to 4 CPUs"), tooMany.err());
        Result measure = run(FakeMachines.tree("container-v2"), "Counters.increment", "--out", dir.resolve("c").toString());
        assertEquals(2, measure.exit());
        assertTrue(measure.err().contains("presents another machine than this one: only --dry-run can use it"), measure.err());
        assertFalse(Files.exists(dir.resolve("c")));
    }
}
