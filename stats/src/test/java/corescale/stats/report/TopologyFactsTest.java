package corescale.stats.report;

import corescale.stats.run.PointsFile;
import corescale.stats.run.RunFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The machine section says the topology in words and flags a quota below the cores and stolen points. */
class TopologyFactsTest {

    @TempDir
    Path dir;

    @Test
    void topologyQuotaAndStealReachTheMachineSection() throws Exception {
        Files.writeString(dir.resolve("run.json"), """
                {"run_id":"r","args":[],"profile":"quick","cores":[1,2],"affinity":true,
                 "machine":{"host":"h"},
                 "topology":{"summary":"2 packages × 8 cores × 2 threads; NUMA 2; L3 2","cpus":[{"id":0}]},
                 "limits":{"allowed_cpus":"0-3","cpuset":"0-3","quota_cpus":1.5,"quota_from":"cgroup v2 /sys/fs/cgroup/cpu.max"},
                 "placement":{"policy":"compact","cpus_by_cores":{"1":"2","2":"2,0"},
                              "notes_by_cores":{"2":"ABOVE QUOTA: CPU quota 1.50 CPUs for 2 cores"}},
                 "machine_state":{"governor":"performance","cpufreq_driver":"intel_pstate","boost":"on"}}
                """);
        Files.writeString(dir.resolve("points.csv"), """
                family,benchmark,variant,params,cores,threads,forks,mean,unit,rel_ci,target,stop,seconds,cpus,steal_pct,involuntary_switches
                counters,Counters.increment,atomicLong,,1,1,3,10.0,ops/us,0.01,0.03,target_met,4.0,2,0.50,12
                counters,Counters.increment,atomicLong,,2,2,3,19.0,ops/us,0.01,0.03,target_met,4.0,"2,0",3.40,40
                counters,Counters.increment,longAdder,,2,2,3,19.0,ops/us,0.01,0.03,target_met,4.0,"2,0",,40
                """);
        RunFacts facts = RunFacts.of(RunFile.read(dir), PointsFile.read(dir).stolen());
        assertEquals("2 packages × 8 cores × 2 threads; NUMA 2; L3 2", facts.machine().get("topology"));
        assertEquals("performance (driver intel_pstate)", facts.machine().get("frequency governor"));
        assertEquals("on", facts.machine().get("boost"));
        assertEquals("1.5 CPUs (cgroup v2 /sys/fs/cgroup/cpu.max)", facts.machine().get("CPU quota"));
        assertEquals("2", facts.facts().get("CPUs at 1 cores"));
        assertEquals("2,0 (ABOVE QUOTA: CPU quota 1.50 CPUs for 2 cores)", facts.facts().get("CPUs at 2 cores"));
        assertEquals("2 cores: each busy thread gets less than a whole CPU", facts.facts().get("FLAG: cores above the CPU quota"));
        assertEquals("Counters.increment atomicLong 2t/2c: 3.4%", facts.facts().get("FLAG: steal above 2.0% of the time"),
                "only the point above 2%; a blank steal is unknown, not zero");
        assertFalse(facts.facts().keySet().stream().anyMatch(k -> k.startsWith("topology.")), "no raw CPU list in the table");
    }

    @Test
    void aRunWithoutStealAboveTheFlagHasNoFlag() throws Exception {
        Files.writeString(dir.resolve("run.json"), """
                {"run_id":"r","machine":{"host":"h"},"topology":{"summary":"1 package × 2 cores × 1 thread; NUMA 1; L3 1"}}
                """);
        RunFacts facts = RunFacts.of(RunFile.read(dir), PointsFile.read(dir).stolen());
        assertEquals("1 package × 2 cores × 1 thread; NUMA 1; L3 1", facts.machine().get("topology"));
        assertTrue(facts.facts().keySet().stream().noneMatch(k -> k.startsWith("FLAG")), facts.facts().toString());
    }
}
