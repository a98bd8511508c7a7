package corescale.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import corescale.results.CpuList;

/** The machine the tests run on, as it is: facts that hold on any Linux machine. */
class ThisMachineTest {

    @BeforeEach
    void linuxOnly() {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "reads /sys and /proc");
    }

    @Test
    void everyOnlineCpuIsReadAndThePlacementIsAPermutationOfTheAllowedOnes() throws Exception {
        Topology t = Topology.read(FsRoot.REAL);
        assertTrue(t.known(), "sysfs describes the CPUs");
        List<Integer> online = CpuList.parse(FsRoot.REAL.read("/sys/devices/system/cpu/online").orElseThrow());
        assertEquals(online, t.cpus().stream().map(Cpu::id).toList());
        CpuLimits limits = CpuLimits.read(FsRoot.REAL, t);
        List<Integer> allowed = CpuList.parse(FsRoot.REAL.field("/proc/self/status", "Cpus_allowed_list").orElseThrow());
        assertEquals(new HashSet<>(allowed), new HashSet<>(limits.allowed()));
        Placement p = Placement.of(t, limits, Placement.COMPACT);
        assertEquals(new HashSet<>(allowed), new HashSet<>(p.order()));
        // The first "physical cores" CPUs are each on a core of their own.
        Set<Integer> physical = new HashSet<>();
        p.order().forEach(id -> physical.add(t.cpu(id).orElseThrow().core()));
        List<Integer> first = p.cpusFor(physical.size());
        assertEquals(physical.size(), first.stream().map(id -> t.cpu(id).orElseThrow().core()).distinct().count());
        assertTrue(t.summary().contains(t.packages() + " package"), t.summary());
    }

    @Test
    void totalTimeOfOurCpusAdvancesWhileWeSpinStealIsPartOfItAndSwitchCountsAreRead() {
        Set<Integer> cpus = new HashSet<>(CpuList.parse(FsRoot.REAL.field("/proc/self/status", "Cpus_allowed_list").orElseThrow()));
        Interference before = Interference.read(FsRoot.REAL, cpus);
        long end = System.nanoTime() + 200_000_000L;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        Interference after = Interference.read(FsRoot.REAL, cpus);
        assertTrue(after.totalSince(before) > 0, "clock ticks passed on our CPUs");
        assertTrue(after.stealSince(before) >= 0 && after.stealSince(before) <= after.totalSince(before),
                "steal " + after.stealSince(before) + " of " + after.totalSince(before) + " ticks");
        assertTrue(!after.involuntary().isEmpty(), "our threads' switch counts are read");
    }
}
