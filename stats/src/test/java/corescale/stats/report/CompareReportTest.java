package corescale.stats.report;

import corescale.stats.Synthetic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.compare.CompareResult;
import corescale.stats.compare.Comparer;
import corescale.stats.compare.RunData;
import corescale.stats.model.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReportTest {

    @TempDir
    Path dir;

    static RunData run(String name, double speed, long seed) {
        RunInfo info = new RunInfo(name, name, "Linux", "amd64", "CPU \"" + name + "\" <x>", 8, "Temurin", "21.0.5", "", "", "taskset");
        return Synthetic.runData(name, Fixtures.run(speed, seed), Set.of(info));
    }

    /** The rule printed is the one the comparison was decided by: its threshold, alpha and minimum forks, from its result. */
    @Test
    void theVerdictRuleIsWordedFromTheResult() {
        CompareResult r = new CompareResult("a", "b", corescale.stats.compare.Design.FORKS, 1, 1, List.of(), List.of(), List.of(),
                corescale.stats.run.Canary.NONE, corescale.stats.compare.RunToRun.NONE, List.of(), 0.1, 0.01, 3);
        String rule = CompareReport.verdictRule(r);
        assertTrue(rule.contains("at least 3 forks or pairs on each side, and replicate runs 3 runs"), rule);
        assertTrue(rule.contains("false-discovery rate 1%) and the ratio lies beyond ±10%"), rule);
        assertTrue(rule.contains("one-sided tests at 1%) shows the ratio within ±10%"), rule);
    }

    @Test
    void writesCompareChartsAndTables() throws IOException {
        RunData base = run("alpha-20250101-120000", 1, 1);
        RunData other = run("beta-20250102-120000", 1.3, 2);
        CompareResult result = Synthetic.compare(new Comparer(0.05), base, other);
        List<Path> written = written(CompareReport.render(dir, List.of(base, other), List.of(result), List.of(CompareFindings.of(result)), java.util.Map.of()));

        assertEquals(dir.resolve("compare.md"), written.get(0));
        assertEquals(dir.resolve("compare.html"), written.get(1));
        String md = Files.readString(dir.resolve("compare.md"));
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("!\\[[^\\n]*?]\\(([^)]+)\\)").matcher(md);
        while (m.find()) {
            refs.add(m.group(1));
        }
        assertTrue(refs.stream().anyMatch(r -> r.contains("ratio")), refs.toString());
        assertTrue(refs.stream().anyMatch(r -> r.contains("machines")), refs.toString());
        for (String ref : refs) {
            RunReportTest.assertValidPng(dir.resolve(ref));
        }
        assertEquals(refs.size() + 2, written.size());
        assertTrue(md.contains("| verdict |"), "point table");
        assertTrue(md.contains("faster"), "a verdict");
        assertTrue(md.contains("geometric mean"), "family geomeans");

        String html = Files.readString(dir.resolve("compare.html"));
        assertFalse(html.contains(Fixtures.EVIL));
        assertFalse(html.contains("<x>"));
        assertFalse(html.contains("<script"));
    }

    @Test
    void differentCoreCountsGetThePerCoreTable() throws IOException {
        RunData base = run("alpha", 1, 1);
        RunData small = Synthetic.runData("small", Fixtures.run(1, 3).stream().filter(p -> p.key().cores() <= 4).toList(),
                base.runs());
        CompareResult result = Synthetic.compare(new Comparer(0.05), base, small);
        written(CompareReport.render(dir, List.of(base, small), List.of(result), List.of(CompareFindings.of(result)), java.util.Map.of()));
        String md = Files.readString(dir.resolve("compare.md"));
        assertTrue(md.contains("only\\_base"), "unmatched points listed");
        assertFalse(result.curves().isEmpty(), "8 cores against 4: the curves are compared per core");
        assertTrue(md.contains("Curves compared per core"), md);
        // 1, 2, 4 and 8 cores against 1, 2 and 4: the base's fit beside why the other has none, said once.
        assertTrue(md.contains("| sigma "), md);
        assertTrue(md.contains("| no USL fit: 3 distinct N, need at least 4 |"), md);
        assertFalse(md.contains("no USL fit (no USL fit"), md);
    }

    @Test
    void atTheSameLargestCoreCountThereIsNoPerCoreTable() throws IOException {
        RunData base = run("alpha", 1, 1);
        RunData eight = Synthetic.runData("eight", Fixtures.run(1, 3).stream().filter(p -> p.key().cores() == 8).toList(),
                base.runs());
        CompareResult result = Synthetic.compare(new Comparer(0.05), base, eight);
        written(CompareReport.render(dir, List.of(base, eight), List.of(result), List.of(CompareFindings.of(result)), java.util.Map.of()));
        assertEquals(List.of(), result.curves(), "1 to 8 cores against 8 alone: the points at 8 are in the table already");
        assertFalse(Files.readString(dir.resolve("compare.md")).contains("Curves compared per core"));
    }

    @Test
    void withoutTheCoreCountsAUslFitNeedsThePerCoreTableHasNoUslColumns() throws IOException {
        RunData base = Synthetic.runData("two", Fixtures.run(1, 1).stream().filter(p -> p.key().cores() <= 2).toList(),
                run("alpha", 1, 1).runs());
        RunData one = Synthetic.runData("one", Fixtures.run(1, 3).stream().filter(p -> p.key().cores() == 1).toList(),
                base.runs());
        CompareResult result = Synthetic.compare(new Comparer(0.05), base, one);
        written(CompareReport.render(dir, List.of(base, one), List.of(result), List.of(CompareFindings.of(result)), java.util.Map.of()));
        String md = Files.readString(dir.resolve("compare.md"));
        assertFalse(result.curves().isEmpty(), md);
        assertTrue(md.contains("No run has the 4 core counts a Universal Scalability Law fit needs."), md);
        assertFalse(md.contains("USL base") || md.contains("no USL fit"), md);
    }

    /** Writes the rendered report as the commands do; the report's files written. */
    private static List<Path> written(Output.Rendered r) throws java.io.IOException {
        Output.writeAll(List.of(r));
        return r.report();
    }
}
