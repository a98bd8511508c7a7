package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import corescale.stats.StatsTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * report.html and compare.html of the committed reference run, opened in headless Chromium in a
 * 1280×900 window (a laptop screen; also one 640 wide): every chart loads, every link of the contents lands on its
 * section, the answers are open and the detail folded, nothing widens the page, and the page
 * reports no error. The checks are this test's own scripts, evaluated over the DevTools protocol;
 * the pages have none.
 *
 * <p>Needs Chromium ({@link HeadlessChromium#find()}). Without it the test is skipped, except
 * where {@code CORESCALE_CI=1} (set by {@code .ci/run}, which installs Chromium): there it fails.
 */
class ReportInBrowserIT {

    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    @TempDir
    static Path dir;
    static HeadlessChromium browser;

    @BeforeAll
    static void writeBothReportsAndStartTheBrowser() throws Exception {
        Optional<Path> exe = HeadlessChromium.find();
        boolean ci = "1".equals(System.getenv("CORESCALE_CI"));
        assertTrue(exe.isPresent() || !ci, "CORESCALE_CI=1 but no Chromium on the PATH (nor $CHROMIUM); .ci/run installs it");
        assumeTrue(exe.isPresent(), "no Chromium on the PATH (nor $CHROMIUM): apt-get install chromium");

        Path base = inputs("reference");
        Path other = inputs("again");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertEquals(StatsTool.OK, new StatsTool().report(List.of(base), null, out, out), console::toString);
        assertEquals(StatsTool.OK, new StatsTool().compare(List.of(base, other), dir.resolve("compare"), 0.05, false, out, out),
                console::toString);
        browser = HeadlessChromium.start(exe.get(), dir.resolve("profile"), WIDTH, HEIGHT);
    }

    /** A run folder with the reference run's inputs only: what `report` reads. */
    private static Path inputs(String name) throws IOException {
        return Fixtures.referenceInputs(dir, name);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static Path page(String file) {
        return file.startsWith("report") ? dir.resolve("reference").resolve(file) : dir.resolve("compare").resolve(file);
    }

    /** Every image has loaded and decoded, and there is one per chart file written beside the report. */
    @ParameterizedTest
    @ValueSource(strings = {"report.html", "compare.html"})
    void everyChartLoads(String file) throws IOException {
        HeadlessChromium.Page page = browser.open(page(file).toUri());
        JsonNode images = page.eval("Array.from(document.images).map(i => ({alt: i.alt, complete: i.complete, "
                + "width: i.naturalWidth, height: i.naturalHeight}))");
        String prefix = file.startsWith("report") ? "chart-" : "compare-";
        long charts;
        try (Stream<Path> files = Files.list(page(file).getParent())) {
            charts = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(".png")).count();
        }
        assertTrue(charts > 0, "charts written");
        assertEquals(charts, images.size(), "one image per chart file");
        for (JsonNode i : images) {
            assertTrue(i.path("complete").asBoolean(), i.toString());
            assertTrue(i.path("width").asInt() > 0 && i.path("height").asInt() > 0, "loaded: " + i);
        }
        assertEquals(List.of(), page.errors());
    }

    /**
     * The contents list the Markdown's sections, in order, and each link scrolls its section to the
     * top of the window (or the page to its end), visible: with the detail folded as the page opens,
     * and with every section unfolded, when most sections are far below.
     */
    @ParameterizedTest
    @ValueSource(strings = {"report.html", "compare.html"})
    void everyContentsLinkLandsOnItsSection(String file) throws IOException {
        List<String> sections = Files.readAllLines(page(file).resolveSibling(file.replace(".html", ".md"))).stream()
                .filter(l -> l.startsWith("## ")).map(l -> l.substring(3).replace("\\", "")).toList();
        assertTrue(sections.size() >= 3, "sections: " + sections);
        for (boolean unfold : new boolean[] {false, true}) {
            HeadlessChromium.Page page = browser.open(page(file).toUri());
            JsonNode landings = page.eval("""
                    (async () => {
                      const settle = () => new Promise(r => setTimeout(r, 30));
                      if (%s) document.querySelectorAll('details').forEach(d => d.open = true);
                      const out = [];
                      for (const a of document.querySelectorAll('nav.toc a')) {
                        window.scrollTo(0, 0);
                        await settle();
                        a.click();
                        await settle();
                        const id = a.getAttribute('href').slice(1);
                        const t = document.getElementById(id);
                        const r = t && t.getBoundingClientRect();
                        out.push({text: a.textContent, href: a.getAttribute('href'), hash: location.hash, found: !!t,
                                  visible: !!t && t.checkVisibility(), top: r ? r.top : null,
                                  atEnd: Math.ceil(scrollY + innerHeight) >= document.documentElement.scrollHeight});
                      }
                      return out;
                    })()""".formatted(unfold));
            List<String> texts = new ArrayList<>();
            landings.forEach(l -> texts.add(l.path("text").asText()));
            assertEquals(sections, texts, "the contents name the report's sections");
            for (JsonNode l : landings) {
                String what = (unfold ? "unfolded: " : "folded: ") + l;
                assertTrue(l.path("found").asBoolean(), what);
                assertTrue(l.path("visible").asBoolean(), what);
                assertEquals(l.path("href").asText(), l.path("hash").asText(), what);
                double top = l.path("top").asDouble();
                assertTrue(top >= -1 && top < HEIGHT, "in the window: " + what);
                assertTrue(Math.abs(top) <= 1 || l.path("atEnd").asBoolean(), "at the top, or the page at its end: " + what);
            }
            assertEquals(List.of(), page.errors());
        }
    }

    /** The ids of the page's open and of its folded sections, as two fields of a script's object. */
    private static final String FOLDS = """
            open: Array.from(document.querySelectorAll('details')).filter(d => d.open).map(d => d.id),
            folded: Array.from(document.querySelectorAll('details')).filter(d => !d.open).map(d => d.id)""";

    /** The run report opens on its answers, in the first screen; every other section is folded. */
    @Test
    void answersOpenAndTheDetailFolded() throws IOException {
        HeadlessChromium.Page page = browser.open(page("report.html").toUri());
        JsonNode s = page.eval("""
                ({%s,
                  firstAnswer: document.querySelector('#answers li').getBoundingClientRect().top,
                  imagesShown: Array.from(document.images).filter(i => i.checkVisibility()).length})""".formatted(FOLDS));
        assertEquals("[\"answers\"]", s.path("open").toString());
        List<String> folded = new ArrayList<>();
        s.path("folded").forEach(f -> folded.add(f.asText()));
        assertTrue(folded.containsAll(List.of("machine-and-jdk", "findings", "scaling", "contention")), folded.toString());
        assertTrue(s.path("firstAnswer").asDouble() < HEIGHT, "the first answer is on the first screen: " + s);
        assertEquals(0, s.path("imagesShown").asInt(), "the charts wait in folded sections");
        assertEquals(List.of(), page.errors());
    }

    /** Compare opens on the runs and each comparison's verdicts; how they are reached and the scaling charts of every run are folded. */
    @Test
    void compareOpensOnTheVerdicts() throws IOException {
        HeadlessChromium.Page page = browser.open(page("compare.html").toUri());
        JsonNode s = page.eval("({%s})".formatted(FOLDS));
        assertEquals("runs", s.path("open").path(0).asText(), s.toString());
        assertEquals(2, s.path("open").size(), s.toString());
        assertTrue(s.path("open").path(1).asText().contains("-vs-"), s.toString());
        assertEquals("[\"how-the-verdicts-are-reached\",\"scaling-in-each-run\"]", s.path("folded").toString());
        assertEquals(List.of(), page.errors());
    }

    /**
     * At laptop width, and in a window half as wide, with every section unfolded, nothing widens
     * the page: a table scrolls inside its own box and an image shrinks to the column.
     */
    @ParameterizedTest
    @CsvSource({"report.html, 1280", "report.html, 640", "compare.html, 1280", "compare.html, 640"})
    void nothingWidensThePage(String file, int width) throws IOException {
        JsonNode s = unfolded(file, width);
        assertTrue(s.path("page").asInt() <= s.path("window").asInt(), "no sideways scrolling of the page: " + s);
        assertEquals(width, s.path("window").asInt(), s.toString());
        assertTrue(s.path("tables").asInt() > 0, s.toString());
        assertEquals(s.path("tables").asInt(), s.path("tablesInBoxes").asInt(), "every table in its scroll box: " + s);
        assertTrue(s.path("widestBox").asDouble() <= s.path("column").asDouble(), s.toString());
        assertTrue(s.path("widestImage").asDouble() <= s.path("column").asDouble(), s.toString());
        assertTrue(s.path("narrowestImage").asDouble() > 0, "every chart shown once unfolded: " + s);
    }

    /** In the narrow window the widest tables do not fit: they scroll in their box, the page does not. */
    @Test
    void aTableTooWideForTheWindowScrollsInItsBox() throws IOException {
        JsonNode s = unfolded("report.html", 640);
        assertTrue(s.path("boxesScrolling").asInt() > 0, "some table wider than the column: " + s);
        assertTrue(s.path("page").asInt() <= s.path("window").asInt(), "no sideways scrolling of the page: " + s);
    }

    /** The page's layout, every section unfolded, in a window {@code width} wide. */
    private static JsonNode unfolded(String file, int width) throws IOException {
        HeadlessChromium.Page page = browser.open(page(file).toUri());
        page.viewport(width, HEIGHT);
        JsonNode s = page.eval("""
                (() => {
                  document.querySelectorAll('details').forEach(d => d.open = true);
                  const boxes = Array.from(document.querySelectorAll('div.scroll'));
                  const widths = Array.from(document.images).map(i => i.getBoundingClientRect().width);
                  return {page: document.documentElement.scrollWidth, window: document.documentElement.clientWidth,
                          column: document.body.clientWidth,
                          tables: document.querySelectorAll('table').length,
                          tablesInBoxes: document.querySelectorAll('div.scroll > table').length,
                          boxesScrolling: boxes.filter(b => b.scrollWidth > b.clientWidth).length,
                          widestBox: Math.max(...boxes.map(b => b.getBoundingClientRect().width)),
                          widestImage: Math.max(...widths), narrowestImage: Math.min(...widths)};
                })()""");
        assertEquals(List.of(), page.errors());
        return s;
    }
}
