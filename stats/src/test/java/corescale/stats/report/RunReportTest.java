package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.model.PointSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** The fixture's report, rendered once: the tests that only read it share it. */
    @TempDir
    static Path dir;
    static ReportInput input;
    static List<Path> written;

    /** For the tests that write a report of their own. */
    @TempDir
    Path own;

    @BeforeAll
    static void renderTheFixturesReportOnce() throws IOException {
        input = Fixtures.input("alpha", 1, 1);
        written = written(RunReport.render(dir, input, Findings.of(input), java.util.Map.of()));
    }

    @Test
    void chartsOfAnEarlierReportThatAreNoLongerDrawnAreRemoved() throws IOException {
        Path stale = own.resolve("chart-from-an-earlier-profile.png");
        Files.write(stale, new byte[] {1, 2, 3});
        Path notOurs = own.resolve("photo.png");
        Files.write(notOurs, new byte[] {4});
        // One family is enough to draw charts, and cheaper than the whole fixture.
        List<PointSummary> spawn = input.points().stream().filter(p -> p.key().family().equals("spawn")).toList();
        ReportInput spawnOnly = Fixtures.input("spawn-only", Map.of(), Map.of(), spawn);
        List<Path> mine = written(RunReport.render(own, spawnOnly, Findings.of(spawnOnly), java.util.Map.of()));
        assertTrue(Files.notExists(stale), "stale chart removed");
        assertTrue(Files.exists(notOurs), "files that are not our charts stay");
        assertTrue(mine.stream().anyMatch(p -> p.getFileName().toString().startsWith("chart-")), "charts drawn: " + mine);
        for (Path p : mine) {
            assertTrue(Files.exists(p), p.toString());
        }
    }

    /** Two settings of one benchmark, 137 and 0.5 ops/us, are shown in one unit: side by side, ops/us and ops/ms would be misread. */
    @Test
    void everySettingOfABenchmarkIsShownInOneUnit() {
        corescale.stats.model.Mode thrpt = corescale.stats.model.Mode.THROUGHPUT;
        List<PointSummary> points = List.of(
                corescale.stats.Synthetic.summary(new corescale.stats.model.PointKey("counters", "Counters.increment", "atomicLong",
                        "work=0", 1, 1, thrpt), thrpt, 137, 138, 136),
                corescale.stats.Synthetic.summary(new corescale.stats.model.PointKey("counters", "Counters.increment", "atomicLong",
                        "work=500", 1, 1, thrpt), thrpt, 0.5, 0.51, 0.49));
        ReportInput two = Fixtures.input("two-settings", Map.of(), Map.of(), points);
        String md = MarkdownReport.render(Fixtures.build(two, new ArrayList<>()));
        Matcher units = Pattern.compile("Mean score in (\\S+) ").matcher(md);
        List<String> shown = new ArrayList<>();
        while (units.find()) {
            shown.add(units.group(1));
        }
        assertEquals(List.of("ops/ms", "ops/ms"), shown, md);
    }

    @Test
    void writesMarkdownHtmlAndEveryReferencedChart() throws IOException {
        assertEquals(dir.resolve("report.md"), written.get(0));
        assertEquals(dir.resolve("report.html"), written.get(1));
        String md = Files.readString(dir.resolve("report.md"));
        List<String> refs = new ArrayList<>();
        Matcher m = Pattern.compile("!\\[[^\\n]*?]\\(([^)]+)\\)").matcher(md);
        while (m.find()) {
            refs.add(m.group(1));
        }
        assertTrue(refs.size() >= 6, "charts referenced: " + refs);
        for (String ref : refs) {
            assertValidPng(dir.resolve(ref));
            assertTrue(written.contains(dir.resolve(ref)), ref + " returned");
        }
        assertEquals(refs.size() + 2, written.size());
        // No stray temp files.
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }

    @Test
    void htmlIsSelfContainedWithInlinePngs() throws IOException {
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(html.contains("<script"), "no script at all");
        assertFalse(Pattern.compile("(src|href)=\"(?!data:|#)").matcher(html).find(), "nothing fetched");
        Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        int n = 0;
        while (m.find()) {
            byte[] png = Base64.getDecoder().decode(m.group(1));
            assertTrue(startsWithMagic(png));
            n++;
        }
        assertTrue(n >= 6, "inline images: " + n);
    }

    @Test
    void inputStringsAreEscapedInHtml() throws IOException {
        String html = Files.readString(dir.resolve("report.html"));
        assertFalse(html.contains(Fixtures.EVIL), "raw script param");
        assertFalse(html.contains("alert(\"x\")"), "raw quotes of the param");
        assertFalse(html.contains("<8 cores>"), "raw machine string");
        assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), "escaped param present");
        assertTrue(html.contains("&#39;c&#39;"), "single quotes escaped");
    }

    @Test
    void markdownEscapesTableBreakersAndHtml() throws IOException {
        String md = Files.readString(dir.resolve("report.md"));
        assertFalse(md.contains("<script>"));
        assertTrue(md.contains("a\\|b"), "pipe escaped");
        // Every row of every table has as many cells as its header, despite the pipe in the params.
        long expected = -1;
        for (String line : md.split("\n")) {
            if (!line.startsWith("|")) {
                expected = -1;
                continue;
            }
            long cells = line.replace("\\|", "").chars().filter(c -> c == '|').count();
            if (expected < 0) {
                expected = cells;
            }
            assertEquals(expected, cells, line);
        }
    }

    @Test
    void markdownEscapeTurnsNewlinesIntoSpaces() {
        assertEquals("a b \\| c \\<b\\> \\*x\\*", MarkdownReport.escape("a\nb | c <b> *x*"));
        assertEquals("&lt;a href=&quot;x&quot;&gt;&amp;&#39;", HtmlReport.escape("<a href=\"x\">&'"));
    }

    @Test
    void reportHasMachineFactsScalingContentionAndUnstableSections() throws IOException {
        String md = Files.readString(dir.resolve("report.md"));
        for (String s : List.of("## Machine and JDK", "### Facts that change results", "## Findings",
                "## Family counters", "## Family cpu", "## Scaling", "## Contention", "## Unstable points",
                "taskset", "longAdder")) {
            assertTrue(md.contains(s), s);
        }
    }

    /** The answers open the report, before the machine's facts, and read without exponents. */
    @Test
    void theAnswersComeFirstWithTheirIntervals() throws IOException {
        List<String> md = Files.readAllLines(dir.resolve("report.md"));
        int answers = md.indexOf("## Answers");
        int machine = md.indexOf("## Machine and JDK");
        assertTrue(answers > 0 && answers < 5, "the answers open the report: line " + answers);
        assertTrue(machine > answers, "machine facts after the answers");
        assertTrue(md.get(2).startsWith("Machine: "), md.get(2));
        List<String> section = md.subList(answers, machine);
        String text = String.join("\n", section);
        for (String s : List.of("- Shared counter, ", "the throughput of synchronized", "- Execution models, ", "- Scaling, ",
                "### Shared counter", "### Scaling")) {
            assertTrue(text.contains(s), s + " in\n" + text);
        }
        assertTrue(text.matches("(?s).*×[0-9.]+ \\\\\\[[0-9.]+, [0-9.]+\\\\\\].*"), "a ratio with its interval:\n" + text);
        assertFalse(text.matches("(?s).*[0-9][eE][+-]?[0-9].*"), "no exponent in the answers:\n" + text);
    }

    @Test
    void consoleSummaryNamesWinnersScalingUnstableAndFiles() {
        List<String> lines = Findings.consoleLines(input, Findings.of(input), written);
        String all = String.join("\n", lines);
        assertTrue(all.contains("fastest"), all);
        assertTrue(all.contains("threads = cores (8t/8c): longAdder is fastest, ×12"), all);
        assertTrue(all.contains("2t/2c longAdder (×1.26 [") && all.contains("] vs atomicLong)"), "places the answers do not cover stay in the findings\n" + all);
        assertFalse(all.contains("8t/8c longAdder ("), "what the answers say is not repeated\n" + all);
        assertTrue(all.contains("speedup from 1 to 8 cores"), all);
        assertTrue(all.contains("2 points unstable"), all);
        assertTrue(all.contains(dir.resolve("report.html").toString()), all);
    }

    @Test
    void emptyRunStillWritesAReport() throws IOException {
        ReportInput empty = Fixtures.input("empty", Map.of(), Map.of(), List.of());
        List<Path> mine = written(RunReport.render(own, empty, Findings.of(empty), java.util.Map.of()));
        assertEquals(2, mine.size());
        assertTrue(Files.readString(own.resolve("report.md")).contains("Not recorded"));
    }

    static void assertValidPng(Path p) throws IOException {
        assertTrue(Files.isRegularFile(p), p + " exists");
        byte[] b = Files.readAllBytes(p);
        assertTrue(b.length > 1000, p + " has content");
        assertTrue(startsWithMagic(b), p + " is a PNG");
    }

    static boolean startsWithMagic(byte[] b) {
        if (b.length < PNG_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < PNG_MAGIC.length; i++) {
            if (b[i] != PNG_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** Writes the rendered report as the commands do; the report's files written. */
    private static List<Path> written(Output.Rendered r) throws java.io.IOException {
        Output.writeAll(List.of(r));
        return r.report();
    }
}
