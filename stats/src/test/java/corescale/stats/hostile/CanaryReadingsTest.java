package corescale.stats.hostile;

import corescale.stats.run.RunFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static corescale.stats.hostile.Hostile.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * run.json's canary readings through {@code compare} and {@code report}: a kernel score of 0 or
 * below, a fork's score of 0 or below, a reading without {@code at}, are refused at run.json's line
 * of the value, naming the field, with nothing written. They were left out of the means, which moved
 * compare's machine ratio, the drift and every interval it widens, without a word.
 */
class CanaryReadingsTest {

    @TempDir
    Path dir;

    /** run.json with two readings; the second's {@code field} line replaced by {@code line} (none: left out). */
    private static String runJson(String field, String line) {
        String second = """
                    "at" : "end",
                    "seconds_into_run" : 600,
                    "cpu_ops_per_us" : 220,
                    "memory_ns_per_load" : 130,
                    "cpu_forks_ops_per_us" : [ 219, 221 ],
                    "memory_forks_ns_per_load" : [ 129, 131 ],
                    "memory_chain_bytes" : 1073741824
                """;
        List<String> lines = new ArrayList<>();
        for (String l : second.split("\n")) {
            if (field != null && l.trim().startsWith("\"" + field + "\"")) {
                if (line != null) {
                    lines.add(line);
                }
            } else {
                lines.add(l);
            }
        }
        // Keep the commas of JSON right whatever was left out.
        String body = String.join("\n", lines).replaceAll(",\\s*$", "");
        return """
                {
                  "run_id" : "r-h",
                  "canary" : [ {
                    "at" : "start",
                    "seconds_into_run" : 0,
                    "cpu_ops_per_us" : 200,
                    "memory_ns_per_load" : 120,
                    "cpu_forks_ops_per_us" : [ 199, 201 ],
                    "memory_forks_ns_per_load" : [ 119, 121 ],
                    "memory_chain_bytes" : 1073741824
                  }, {
                """ + body + """

                  } ]
                }
                """;
    }

    /** A run of one point, 3 forks, with this run.json. */
    private Path run(String name, String runJson) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            for (int i = 1; i <= 2; i++) {
                lines.add(row(1, 1, "thrpt", f, i, 10.0 + 0.1 * f + 0.01 * i, "ops/us"));
            }
        }
        Path run = Hostile.run(dir, name, lines.toArray(String[]::new));
        Files.writeString(run.resolve(RunFile.NAME), runJson);
        return run;
    }

    /** The 1-based line of the first line of {@code text} holding {@code part}. */
    private static int lineOf(String text, String part) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(part)) {
                return i + 1;
            }
        }
        throw new AssertionError(part + " not in " + text);
    }

    /** compare of a good base with {@code other}, the second reading's {@code field} line set to {@code line}: refused at {@code at}. */
    private void refused(String field, String line, String at, String problem) throws IOException {
        Path base = run("base", runJson(null, null));
        String json = runJson(field, line);
        Path other = run("other", json);
        Hostile.compare(dir, base, other).assertRefused("compare: " + other.resolve(RunFile.NAME) + ":" + lineOf(json, at)
                + ": canary[1]." + problem);
    }

    @Test
    void aCpuScoreOfZeroIsRefused() throws IOException {
        refused("cpu_ops_per_us", "    \"cpu_ops_per_us\" : 0,", "\"cpu_ops_per_us\" : 0,",
                "cpu_ops_per_us is 0 or missing: the CPU kernel's throughput (ops/µs) is above 0");
    }

    @Test
    void aNegativeCpuScoreIsRefused() throws IOException {
        refused("cpu_ops_per_us", "    \"cpu_ops_per_us\" : -1,", "\"cpu_ops_per_us\" : -1,",
                "cpu_ops_per_us is -1: the CPU kernel's throughput (ops/µs) is above 0");
    }

    @Test
    void aMemoryScoreOfZeroIsRefused() throws IOException {
        refused("memory_ns_per_load", "    \"memory_ns_per_load\" : 0,", "\"memory_ns_per_load\" : 0,",
                "memory_ns_per_load is 0 or missing: the memory kernel's time per load (ns) is above 0");
    }

    @Test
    void aNegativeMemoryScoreIsRefused() throws IOException {
        refused("memory_ns_per_load", "    \"memory_ns_per_load\" : -1.5,", "\"memory_ns_per_load\" : -1.5,",
                "memory_ns_per_load is -1.5: the memory kernel's time per load (ns) is above 0");
    }

    /** A fork's score: at the line of that element of the list. */
    @Test
    void aForkScoreOfZeroOrBelowIsRefusedAtItsElement() throws IOException {
        refused("cpu_forks_ops_per_us", "    \"cpu_forks_ops_per_us\" : [ 219,\n 0 ],", " 0 ],",
                "cpu_forks_ops_per_us[1] is 0: a fork's score is above 0");
    }

    @Test
    void aNegativeForkScoreIsRefused() throws IOException {
        refused("memory_forks_ns_per_load", "    \"memory_forks_ns_per_load\" : [ -129, 131 ],", "\"memory_forks_ns_per_load\" : [ -129",
                "memory_forks_ns_per_load[0] is -129: a fork's score is above 0");
    }

    /** A kernel score left out is read as 0: it is said to be either. */
    @Test
    void aMissingCpuScoreIsRefusedAtItsReading() throws IOException {
        Path base = run("base", runJson(null, null));
        String json = runJson("cpu_ops_per_us", null);
        Path other = run("other", json);
        Hostile.compare(dir, base, other).assertRefused("compare: " + other.resolve(RunFile.NAME) + ":" + lineOf(json, "}, {")
                + ": canary[1].cpu_ops_per_us is 0 or missing: the CPU kernel's throughput (ops/µs) is above 0");
    }

    /** No Java type in the message: the field that is missing, at the line of its reading. */
    @Test
    void aReadingWithoutAtNamesTheField() throws IOException {
        Path base = run("base", runJson(null, null));
        String json = runJson("at", null);
        Path other = run("other", json);
        Hostile.Outcome o = Hostile.compare(dir, base, other);
        o.assertRefused("compare: " + other.resolve(RunFile.NAME) + ":" + lineOf(json, "}, {")
                + ": canary[1].at is missing: a reading names when it was taken (start, middle, end or resume)");
        assertTrue(!o.err().contains("corescale.stats") && !o.err().contains("Cannot construct"), o.err());
    }

    @Test
    void anAtOfNullIsRefusedAtItsLine() throws IOException {
        refused("at", "    \"at\" : null,", "\"at\" : null,",
                "at is missing: a reading names when it was taken (start, middle, end or resume)");
    }

    @Test
    void reportRefusesThemToo() throws IOException {
        String json = runJson("cpu_ops_per_us", "    \"cpu_ops_per_us\" : -1,");
        Path run = run("a", json);
        Hostile.report(dir, run).assertRefused("report: " + run.resolve(RunFile.NAME) + ":" + lineOf(json, "\"cpu_ops_per_us\" : -1")
                + ": canary[1].cpu_ops_per_us is -1: the CPU kernel's throughput (ops/µs) is above 0");
    }

    /** The good readings read, and compare writes its files. */
    @Test
    void goodReadingsAreRead() throws IOException {
        Path base = run("base", runJson(null, null));
        Path other = run("other", runJson(null, null));
        Hostile.Outcome o = Hostile.compare(dir, base, other);
        assertEquals(0, o.code(), o.err());
    }
}
