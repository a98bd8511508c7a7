package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.stats.run.RunFile;

/** A canary whose fork cannot start is reported in one line and records nothing; the run.json stays as it was. */
class CanaryRecorderIT {

    @TempDir
    Path dir;

    @Test
    void aCanaryThatFailsIsReportedAndLeavesNoReading() throws Exception {
        RunFile run = new RunFile("r", List.of("--quick"), "quick", List.of(1), false, null, null, null, null, null, null,
                List.of(), List.of(new RunFile.CanaryReading("start", 0, 100, 90, null, null, 0)), true);
        run.write(dir);
        CoresRestriction noJava = new CoresRestriction(TestSweeps.cores().placement(), Optional.empty(),
                dir.resolve("no-jdk").resolve("bin").resolve("java"));
        List<String> said = new ArrayList<>();
        new CanaryRecorder(dir, noJava, new PrintStream(OutputStream.nullOutputStream()), said::add, () -> false).take("middle");
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("canary middle: failed, no reading recorded: "), said.get(0));
        assertEquals(run, RunFile.read(dir));
    }
}
