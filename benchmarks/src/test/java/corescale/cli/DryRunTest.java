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
    void aParameterTheUserGivesReplacesTheProfilesValuesForEveryFamily() {
        // The default profile names six counters variants as counters.variant; the user's variant wins.
        Result one = run(FakeMachines.tree("intel-2s-smt"), "counters.Counters.increment", "--dry-run", "--cores", "1",
                "--threads", "1", "--param", "variant=atomicLong", "--out", dir.resolve("a").toString());
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().get(0).startsWith("Plan: 2 points,"), "atomicLong at workOutside 0 and 500: " + one.out().get(0));
        Result profiles = run(FakeMachines.tree("intel-2s-smt"), "counters.Counters.increment", "--dry-run", "--cores", "1",
                "--threads", "1", "--out", dir.resolve("b").toString());
        assertTrue(profiles.out().get(0).startsWith("Plan: 12 points,"), "six variants x two: " + profiles.out().get(0));
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
        String quota = "ABOVE QUOTA: CPU quota 1.5 CPUs (cgroup v2 /sys/fs/cgroup/cpu.max)";
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

    /** A fake JDK folder: a release file saying {@code version} and an (empty) bin/java. */
    private Path fakeJdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name).resolve("bin"));
        Files.writeString(home.resolve("java"), "");
        Files.writeString(home.getParent().resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home.getParent();
    }

    @Test
    void theConfigurationsArePrintedInTheOrderGiven() throws Exception {
        Path jdk = fakeJdk("jdk21", "21.0.3");
        Result r = run(FakeMachines.tree("intel-2s-smt"), "Counters.increment", "--dry-run", "--cores", "1",
                "--config", "base=", "--config", "c1=-XX:TieredStopAtLevel=1  -Xmx1g", "--config", "old=",
                "--config-jdk", "old=" + jdk, "--out", dir.resolve("run").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().get(0).contains("per point and configuration"), r.out().get(0));
        int at = r.out().indexOf("Configurations, one fork of each in turn at every point:");
        assertTrue(at > 0, r.out().toString());
        assertEquals(List.of("config base: JVM options (none); the run's JDK",
                "config c1: JVM options -XX:TieredStopAtLevel=1  -Xmx1g; the run's JDK",
                "config old: JVM options (none); JDK 21.0.3 at " + jdk), r.out().subList(at + 1, at + 4));
    }

    @Test
    void badConfigurationsAreOneLineAndExitTwo() throws Exception {
        Path jdk17 = fakeJdk("jdk17", "17.0.2");
        Path notJdk = Files.createDirectories(dir.resolve("empty"));
        List<List<String>> bad = List.of(
                List.of("--config", "a="),
                List.of("--config", "a=", "--config", "a=-Xint"),
                List.of("--config", "a b=", "--config", "c="),
                List.of("--config", "a", "--config", "b="),
                List.of("--config", "a=", "--config", "b=-Dx='y z'"),
                List.of("--config", "a=", "--config", "b=", "--config-jdk", "c=" + jdk17),
                List.of("--config", "a=", "--config", "b=", "--config-jdk", "b=" + jdk17),
                List.of("--config", "a=", "--config", "b=", "--config-jdk", "b=" + notJdk));
        List<String> expected = List.of(
                "--config a=: one configuration has nothing to alternate with; give two or more",
                "--config a=-Xint: configuration a is given twice",
                "--config a b=: expected NAME=JVM_OPTIONS with NAME of letters, digits, '_', '.' or '-'",
                "--config a: expected NAME=JVM_OPTIONS",
                "--config b=-Dx='y z': quotes are not supported",
                "--config-jdk c=" + jdk17 + ": no --config names c",
                "--config-jdk b=" + jdk17 + ": JDK 17.0.2 is older than 21",
                "--config-jdk b=" + notJdk + ": " + notJdk + " is not a JDK (it needs bin/java and a release file)");
        for (int i = 0; i < bad.size(); i++) {
            List<String> args = new java.util.ArrayList<>(List.of("Counters.increment", "--dry-run", "--cores", "1"));
            args.addAll(bad.get(i));
            Result r = run(FakeMachines.tree("intel-2s-smt"), args.toArray(String[]::new));
            assertEquals(2, r.exit(), bad.get(i).toString());
            assertTrue(r.err().startsWith(expected.get(i)), r.err());
            assertTrue(r.out().isEmpty(), "no plan printed: " + r.out());
        }
    }
}
