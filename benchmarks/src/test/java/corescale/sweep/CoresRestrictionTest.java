package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import corescale.topology.CpuLimits;
import corescale.topology.FakeMachines;
import corescale.topology.Placement;
import corescale.topology.Topology;

/** How a fork is told its cores: the counts, the taskset command and the JVM arguments. */
class CoresRestrictionTest {

    private static CoresRestriction restriction(Placement placement, boolean taskset) {
        return new CoresRestriction(placement, taskset ? Optional.of(Path.of("/usr/bin/taskset")) : Optional.empty(),
                Path.of("/jdk/bin/java"));
    }

    private static Placement explicit(List<Integer> cpus) {
        Topology flat = Topology.unknown(16);
        return Placement.explicit(flat, new CpuLimits(flat.cpus().stream().map(c -> c.id()).toList(), Optional.empty(),
                java.util.OptionalDouble.empty(), ""), cpus);
    }

    @Test
    void defaultCoreCountsDoubleUpToTheMaximum() {
        assertEquals(List.of(1, 2, 4, 8), restriction(explicit(List.of(0, 1, 2, 3, 4, 5, 6, 7)), false).defaultCoreCounts());
        CoresRestriction six = restriction(explicit(List.of(0, 1, 2, 3, 8, 9)), false);
        assertEquals(List.of(1, 2, 4, 6), six.defaultCoreCounts());
        assertEquals(List.of(0, 1, 2, 3, 8), six.cpusFor(5), "the first CPUs of the placement, not 0..n-1");
    }

    @Test
    void aForkIsPinnedToItsPlacedCpusAndToldWhichTheyAre() throws Exception {
        CoresRestriction cores = restriction(FakeMachines.compact("intel-2s-smt"), true);
        assertTrue(cores.affinity());
        assertEquals(List.of("-XX:ActiveProcessorCount=4", "-Dcorescale.quiet=true", "-Dcorescale.cpus=8,9,10,11"),
                cores.jvmArgs(4));
        String script = Files.readString(Path.of(cores.jvmFor(4)));
        assertEquals("#!/bin/sh\nexec '/usr/bin/taskset' -c 8,9,10,11 '/jdk/bin/java' \"$@\"\n", script);
    }

    @Test
    void aConfigurationOnAnotherJdkIsPinnedTheSameWayWithItsOwnJava() throws Exception {
        CoresRestriction cores = restriction(FakeMachines.compact("intel-2s-smt"), true);
        String other = cores.jvmFor(4, "/other-jdk");
        assertEquals("#!/bin/sh\nexec '/usr/bin/taskset' -c 8,9,10,11 '/other-jdk/bin/java' \"$@\"\n",
                Files.readString(Path.of(other)));
        assertEquals(other, cores.jvmFor(4, "/other-jdk"), "one script per core count and java");
        assertFalse(other.equals(cores.jvmFor(4)), "the run's own java keeps its own script");
        assertEquals("/other-jdk/bin/java", restriction(FakeMachines.compact("adjacent-smt"), false).jvmFor(2, "/other-jdk"));
    }

    @Test
    void withoutTasksetTheForkIsJavaItselfAndTheRunSaysSo() throws Exception {
        CoresRestriction cores = restriction(FakeMachines.compact("adjacent-smt"), false);
        assertFalse(cores.affinity());
        assertEquals("/jdk/bin/java", cores.jvmFor(2));
        assertTrue(cores.warning().startsWith("CPU affinity is not available here"), cores.warning());
    }
}
