package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import corescale.stats.run.PointsFile;
import corescale.stats.run.RunFile;

import org.junit.jupiter.api.Test;

/** The report's machine and facts from the committed reference run's run.json, read as a RunFile. */
class RunFactsTest {

    @Test
    void theReferenceRunsMachineAndFactsInFileOrder() throws Exception {
        RunFacts facts = RunFacts.of(RunFile.read(Fixtures.REFERENCE), PointsFile.read(Fixtures.REFERENCE).stolen());
        assertEquals("vm-20261206-110344", facts.runId());
        assertEquals(List.of("host", "os", "arch", "cpuModel", "cpusOnline", "jdkVendor", "jdkVersion", "started", "topology",
                "frequency governor", "boost", "CPUs this process could use", "CPU quota"), List.copyOf(facts.machine().keySet()));
        assertEquals("Intel(R) Xeon(R) Processor", facts.machine().get("cpuModel"));
        assertEquals("none", facts.machine().get("CPU quota"));
        assertEquals(List.of("profile", "args", "cores", "affinity", "java_home", "vm"),
                List.copyOf(facts.facts().keySet()).subList(0, 6));
        assertEquals("default", facts.facts().get("profile"));
        assertEquals("--out results/reference-2vcpu-xeon-jdk25", facts.facts().get("args"));
        assertEquals("1 2", facts.facts().get("cores"));
        assertEquals("true", facts.facts().get("affinity"));
        assertEquals("POSIX_SPAWN", facts.facts().get("by_cores.1.process_launch_mechanism"));
        assertEquals("1,0", facts.facts().get("CPUs at 2 cores"));
        assertEquals("compact", facts.facts().get("placement"));
    }
}
