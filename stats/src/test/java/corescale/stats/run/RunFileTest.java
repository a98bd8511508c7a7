package corescale.stats.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {

    @TempDir
    Path dir;

    @Test
    void theCommittedReferenceRunReadsWithItsCanaryAndNoConfigs() throws Exception {
        RunFile run = RunFile.read(Path.of("..", "results", "reference-2vcpu-xeon-jdk25"));
        assertEquals("vm-20261206-110344", run.runId());
        assertEquals(List.of(1, 2), run.cores());
        assertEquals("default", run.profile());
        assertTrue(run.configs().isEmpty());
        assertEquals(List.of("start", "middle", "end"), run.canary().stream().map(RunFile.CanaryReading::at).toList());
        assertEquals("Intel(R) Xeon(R) Processor", run.machine().cpuModel());
        assertEquals(2, run.machine().cpusOnline());
    }

    /** A run.json that is not one names its file and line and says what was wrong in the file's terms, never a Java type. */
    @Test
    void aBadRunJsonNamesItsLineAndWhatWasWrong() throws Exception {
        Files.writeString(dir.resolve("run.json"), "[1, 2]\n");
        java.io.IOException array = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> RunFile.read(dir));
        assertEquals(dir.resolve("run.json") + ":1: not a corescale run.json: not a JSON object", array.getMessage());
        Files.writeString(dir.resolve("run.json"), "{\"run_id\": \"r\",\n \"cores\": {\"a\": 1}}\n");
        java.io.IOException kind = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> RunFile.read(dir));
        assertEquals(dir.resolve("run.json") + ":2: not a corescale run.json: a value of the wrong kind at cores", kind.getMessage());
        Files.writeString(dir.resolve("run.json"), "{\"run_id\": \"r\",\n \"canary\": [{\"at\": \"start\",\n \"cpu_ops_per_us\": \"fast\"}]}\n");
        java.io.IOException deep = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> RunFile.read(dir));
        assertEquals(dir.resolve("run.json") + ":3: not a corescale run.json: a value of the wrong kind at canary[0].cpu_ops_per_us",
                deep.getMessage());
        Files.writeString(dir.resolve("run.json"), "{\"run_id\": \"r\",\n \"args\": [\"run");
        java.io.IOException cut = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> RunFile.read(dir));
        assertTrue(cut.getMessage().startsWith(dir.resolve("run.json") + ":2: not a corescale run.json: Unexpected end-of-input"),
                cut.getMessage());
        assertFalse(cut.getMessage().contains("corescale.stats"), cut.getMessage());
    }

    /** A machine field another version writes (or a hand adds) does not make run.json unreadable, as any other field does not. */
    @Test
    void aMachineFieldOfAnotherVersionIsLeftAside() throws Exception {
        Files.writeString(dir.resolve("run.json"), """
                {"run_id": "r", "machine": {"host": "h", "cpusOnline": 4, "memoryBytes": 8000000000}}
                """);
        RunFile run = RunFile.read(dir);
        assertEquals("h", run.machine().host());
        assertEquals(4, run.machine().cpusOnline());
    }

    @Test
    void configsAndCanaryRoundTrip() throws Exception {
        RunFile run = new RunFile("r1", List.of("--config", "a="), "quick", List.of(2), true, null, null, null, null,
                null, null, List.of(new RunFile.RunConfig("a", "", "", "25"), new RunFile.RunConfig("c1",
                "-XX:TieredStopAtLevel=1", "/opt/jdk21", "21.0.5")), List.of(), true)
                .withCanary(new RunFile.CanaryReading("start", 0, 812.5, 95.25, List.of(810.0, 815.0), List.of(95.0, 95.5), 1L << 30))
                .withCanary(new RunFile.CanaryReading("end", 600, 800, 96, null, null, 0));
        run.write(dir);
        RunFile back = RunFile.read(dir);
        assertEquals(run, back);
        assertEquals("-XX:TieredStopAtLevel=1", back.configs().get(1).jvmOptions());
        assertEquals(95.25, back.canary().get(0).memoryNsPerLoad());
        assertTrue(back.placeRounds());
        assertEquals(List.of(95.0, 95.5), back.canary().get(0).memoryForks());
        assertEquals(List.of(), back.canary().get(1).cpuForks(), "a reading without its forks' scores");
        assertTrue(Files.readString(dir.resolve(RunFile.NAME)).contains("\"memory_forks_ns_per_load\" : [ 95.0, 95.5 ]"),
                Files.readString(dir.resolve(RunFile.NAME)));
        assertTrue(Files.readString(dir.resolve(RunFile.NAME)).contains("\"memory_chain_bytes\" : 1073741824"),
                Files.readString(dir.resolve(RunFile.NAME)));
        assertEquals(1L << 30, back.canary().get(0).memoryChainBytes());
        assertEquals(64L << 20, back.canary().get(1).memoryChainBytes(), "unrecorded: the chain every run walked then");
    }

    /**
     * The reference records its chain (1 GiB: twice this VM's 300 MiB L3, rounded up) and that it measured in place
     * rounds; a run.json written before either was recorded (the same file without the fields) reads as the 64 MiB
     * every reading walked then, and as measured one point's batch after another.
     */
    @Test
    void aReadingWithoutItsChainWalked64MiB() throws Exception {
        Path reference = Path.of("..", "results", "reference-2vcpu-xeon-jdk25");
        RunFile run = RunFile.read(reference);
        assertTrue(run.canary().stream().allMatch(r -> r.memoryChainBytes() == 1L << 30), run.canary().toString());
        assertTrue(run.placeRounds());
        String older = Files.readString(reference.resolve(RunFile.NAME)).replaceAll(",\\s*\"memory_chain_bytes\" : \\d+", "")
                .replaceAll(",\\s*\"place_rounds\" : true", "");
        assertTrue(!older.contains("memory_chain_bytes") && !older.contains("place_rounds"), older);
        Files.writeString(dir.resolve(RunFile.NAME), older);
        RunFile before = RunFile.read(dir);
        assertEquals(3, before.canary().size());
        assertTrue(before.canary().stream().allMatch(r -> r.memoryChainBytes() == 64L << 20), before.canary().toString());
        assertFalse(before.placeRounds());
    }

    /** The flag follows the quota and the core counts, whatever the notes say; a key that is no number is not judged. */
    @Test
    void coreCountsAboveTheQuotaComeFromTheQuotaNotFromTheNotes() throws Exception {
        Files.writeString(dir.resolve("run.json"), """
                {"run_id":"r","limits":{"quota_cpus":1.5},
                 "placement":{"policy":"compact","cpus_by_cores":{"1":"0","2":"0,1","4":"0-3","all":"0-3"}}}
                """);
        assertEquals(List.of(2, 4), RunFile.read(dir).coresAboveQuota());
        Files.writeString(dir.resolve("run.json"), """
                {"run_id":"r","limits":{"quota_cpus":null},
                 "placement":{"policy":"compact","cpus_by_cores":{"1":"0","2":"0,1"},
                              "notes_by_cores":{"2":"ABOVE QUOTA: CPU quota 1.5 CPUs for 2 cores"}}}
                """);
        assertEquals(List.of(), RunFile.read(dir).coresAboveQuota(), "no quota recorded, whatever a note says");
        assertTrue(RunFile.aboveQuota(2, 1.5) && !RunFile.aboveQuota(2, 2.0) && RunFile.aboveQuota(3, 2.999));
    }
}
