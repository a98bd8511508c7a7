package corescale.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Topology, limits and placement on fake machines whose answers are known. */
class PlacementTest {

    @Test
    void twoSocketIntelSiblingsNApartAreReadAsTwoPackagesOfEightCoresOfTwoThreads() {
        Topology t = Topology.read(FakeMachines.tree("intel-2s-smt"));
        assertEquals(32, t.cpus().size());
        assertEquals("2 packages × 8 cores × 2 threads; NUMA 2; L3 2", t.summary());
        Cpu sibling = t.cpu(16).orElseThrow();
        assertEquals(0, sibling.core(), "CPU 16 is the second thread of CPU 0's core");
        assertEquals(1, sibling.thread());
        assertEquals(8, t.cpu(24).orElseThrow().core(), "core ids repeat across packages; the core is named by its first CPU");
        assertEquals(1, t.cpu(24).orElseThrow().pkg());
    }

    @Test
    void compactPutsEachCountUpToAPackageOnDistinctPhysicalCoresOfOnePackageAwayFromCpu0() {
        Placement p = FakeMachines.compact("intel-2s-smt");
        Topology t = p.topology();
        for (int cores : List.of(1, 2, 4, 8)) {
            List<Cpu> cpus = p.cpusFor(cores).stream().map(id -> t.cpu(id).orElseThrow()).toList();
            assertEquals(cores, cpus.stream().map(Cpu::core).distinct().count(), "distinct physical cores at " + cores);
            assertEquals(1, cpus.stream().map(Cpu::pkg).distinct().count(), "one package at " + cores);
            assertFalse(p.cpusFor(cores).contains(0), "CPU 0 is free at " + cores);
        }
        assertEquals(List.of(8, 9, 10, 11), p.cpusFor(4), "package 1 first: package 0 holds CPU 0");
        // Every physical core before any sibling; CPU 0 is the last physical core.
        assertEquals(List.of(8, 9, 10, 11, 12, 13, 14, 15, 1, 2, 3, 4, 5, 6, 7, 0), p.cpusFor(16));
        assertEquals(24, p.cpusFor(17).get(16), "then the siblings, in the same order");
        assertEquals(16, p.order().get(31), "CPU 0's sibling last of all");
        assertEquals(32, new HashSet<>(p.order()).size());
        assertEquals("cores=4 cpus=8,9,10,11", p.line(4));
        assertEquals("cores=32 cpus=" + p.order().stream().map(String::valueOf).collect(Collectors.joining(","))
                + "  (16 physical cores, SMT siblings share them; 2 packages)", p.line(32));
    }

    @Test
    void spreadAlternatesPackages() {
        Placement p = FakeMachines.placement("intel-2s-smt", Placement.SPREAD);
        assertEquals(List.of(8, 1, 9, 2), p.cpusFor(4));
        assertEquals(List.of("2 packages"), p.notes(2));
        assertThrows(IllegalArgumentException.class, () -> FakeMachines.placement("intel-2s-smt", "scatter"));
    }

    @Test
    void adjacentSiblingsAreOneCore() {
        Placement p = FakeMachines.compact("adjacent-smt");
        assertEquals("1 package × 4 cores × 2 threads; NUMA 1; L3 1", p.topology().summary());
        assertEquals(List.of(2, 4, 6, 0), p.cpusFor(4));
        assertEquals(List.of(2, 4, 6, 0, 3, 5, 7, 1), p.order());
        assertEquals(List.of("4 physical cores, SMT siblings share them"), p.notes(5));
    }

    @Test
    void hybridPCoresBeforeECoresAndSiblingsLast() {
        Placement p = FakeMachines.compact("hybrid");
        assertEquals("1 package: 2 P-cores × 2 threads + 4 E-cores × 1 thread; NUMA 1; L3 1", p.topology().summary());
        // CPU 0 last among the P-cores: a P-core with CPU 0 is closer to the others than an E-core.
        assertEquals(List.of(2, 0, 4, 5, 6, 7, 3, 1), p.order());
        assertEquals(List.of(), p.notes(2));
        assertEquals(List.of("mixed P- and E-cores"), p.notes(3));
    }

    @Test
    void aContainerWithCpuMaxBelowItsCpusetIsFlaggedAboveTheQuota() {
        Placement p = FakeMachines.compact("container-v2");
        CpuLimits limits = p.limits();
        assertEquals(List.of(0, 1, 2, 3), limits.allowed());
        assertEquals(Optional.of(List.of(0, 1, 2, 3)), limits.cpuset());
        assertEquals(1.5, limits.quotaCpus().orElseThrow(), 1e-12, "the parent's 1.5 CPUs, not the group's own 'max'");
        assertEquals("cgroup v2 /sys/fs/cgroup/cpu.max", limits.quotaFrom());
        assertEquals(List.of(2, 0, 3, 1), p.order(), "only the cpuset's CPUs");
        assertEquals("cores=1 cpus=2", p.line(1));
        assertEquals("cores=2 cpus=2,0  (ABOVE QUOTA: CPU quota 1.5 CPUs (cgroup v2 /sys/fs/cgroup/cpu.max) for 2 cores)",
                p.line(2));
    }

    @Test
    void cgroupV1QuotaAndCpusetAreReadFromTheMountRootsInsideAContainer() {
        CpuLimits limits = CpuLimits.read(FakeMachines.tree("container-v1"), Topology.unknown(8));
        assertEquals(2.5, limits.quotaCpus().orElseThrow(), 1e-12);
        assertEquals("cgroup v1 /sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", limits.quotaFrom());
        assertEquals(List.of(2, 3, 4, 5), limits.allowed(), "affinity 0-7 narrowed by the cpuset 2-5");
        assertTrue(limits.aboveQuota(3));
        assertFalse(limits.aboveQuota(2));
    }

    @Test
    void explicitCpusKeepTheUsersOrderAndMustBeAllowed() {
        FsRoot fs = FakeMachines.tree("container-v2");
        Topology t = Topology.read(fs);
        CpuLimits limits = CpuLimits.read(fs, t);
        assertEquals(List.of(3, 1), Placement.explicit(t, limits, List.of(3, 1)).cpusFor(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Placement.explicit(t, limits, List.of(2, 6)));
        assertEquals("--cpus 2,6: CPU 6 is not one this process may use (0,1,2,3)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Placement.explicit(t, limits, List.of(1, 1)));
    }

    @Test
    void governorAndBoostAreReadOncePerRun() {
        FsRoot fs = FakeMachines.tree("intel-2s-smt");
        MachineState state = MachineState.read(fs, Topology.read(fs));
        assertEquals("performance", state.governor());
        assertEquals("on", state.boost(), "intel_pstate no_turbo=0");
        MachineState none = MachineState.read(FakeMachines.tree("adjacent-smt"), Topology.read(FakeMachines.tree("adjacent-smt")));
        assertEquals("not exposed", none.governor());
        assertEquals("not exposed", none.boost());
    }

    @Test
    void aMachineWithoutSysfsIsFlatAndSaysSo() {
        Topology t = Topology.read(FakeMachines.tree("container-v1"));
        assertFalse(t.known());
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), t.cpus().stream().map(Cpu::id).toList(), "the CPUs of Cpus_allowed_list");
        assertTrue(t.summary().endsWith("(topology not exposed by the OS)"), t.summary());
        Set<Integer> cores = new HashSet<>();
        t.cpus().forEach(c -> cores.add(c.core()));
        assertEquals(t.cpus().size(), cores.size());
    }

    /** The canary's chain is sized from the largest cache of the first online CPU: its L3 beside its L1 here. */
    @Test
    void theLargestCacheIsTheFirstCpusLargestSysfsSize() {
        assertEquals(30L << 20, Topology.largestCacheBytes(FakeMachines.tree("intel-2s-smt")));
        assertEquals(0, Topology.largestCacheBytes(FakeMachines.tree("container-v1")), "no sysfs: not known");
        assertEquals(1L << 20, Topology.sizeBytes("1M"));
        assertEquals(512, Topology.sizeBytes("512"));
        assertEquals(0, Topology.sizeBytes("unknown"));
    }
}
