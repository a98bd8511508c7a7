package corescale.stats.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corescale.stats.StatsTool;
import corescale.stats.Synthetic;
import corescale.stats.io.CsvNumbers;
import corescale.stats.model.ResultsColumn;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * summary.csv, scaling.csv and compare.csv have one column per parameter beside the packed
 * {@code params}, and summary.json holds summary.csv's rows for scripts.
 */
class TidyExportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** A run of the lock at 1 and 2 cores (threads = cores), at workOutside 0 and 500; 3 forks of 2 iterations. */
    private Path run(String name, double factor) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String params : List.of("workInside=0;workOutside=0", "workInside=0;workOutside=500")) {
            for (int cores = 1; cores <= 2; cores++) {
                for (int f = 1; f <= 3; f++) {
                    for (int i = 1; i <= 2; i++) {
                        Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
                        v.put(ResultsColumn.PARAMS, params);
                        v.put(ResultsColumn.VARIANT, "lock");
                        v.put(ResultsColumn.CORES, cores);
                        v.put(ResultsColumn.THREADS, cores);
                        v.put(ResultsColumn.FORK, f);
                        v.put(ResultsColumn.ITERATION, i);
                        v.put(ResultsColumn.SCORE, factor * (10 * cores + 0.1 * f + 0.05 * i));
                        lines.add(Synthetic.line(v));
                    }
                }
            }
        }
        return Synthetic.resultsCsv(dir, name + "/results.csv", lines.toArray(String[]::new)).getParent();
    }

    @Test
    void everyTableHasAColumnPerParameterAndSummaryJsonHasSummaryCsvsRows() throws Exception {
        Path a = run("a", 1);
        Path b = run("b", 1.2);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        assertEquals(0, new StatsTool().report(List.of(a), a, out, out), console.toString(StandardCharsets.UTF_8));
        assertEquals(0, new StatsTool().compare(List.of(a, b), dir, 0.05, false, out, out), console.toString(StandardCharsets.UTF_8));

        List<CSVRecord> summary = csv(a.resolve("summary.csv"));
        assertEquals(4, summary.size());
        assertParamColumns(summary, "summary.csv");
        List<CSVRecord> scaling = csv(a.resolve("scaling.csv"));
        assertEquals(2, scaling.size(), "one curve per workOutside");
        assertParamColumns(scaling, "scaling.csv");
        List<CSVRecord> points = csv(dir.resolve("compare.csv")).stream().filter(r -> r.get("kind").equals("point")).toList();
        assertEquals(4, points.size());
        assertParamColumns(points, "compare.csv");

        JsonNode json = JSON.readTree(a.resolve("summary.json").toFile());
        assertEquals(summary.size(), json.size());
        List<String> header = csvHeader(a.resolve("summary.csv"));
        for (int i = 0; i < summary.size(); i++) {
            JsonNode object = json.get(i);
            assertEquals(header, names(object), "summary.json's keys are summary.csv's columns");
            for (String column : header) {
                JsonNode v = object.get(column);
                String asCsv = v.isNull() ? "" : v.isFloatingPointNumber() ? CsvNumbers.format(v.asDouble()) : v.asText();
                assertEquals(summary.get(i).get(column), asCsv, "row " + i + " " + column);
            }
        }
        assertTrue(json.get(0).get("mean").isNumber() && json.get(0).get("forks").isInt(), json.get(0).toString());
    }

    /** workInside and workOutside columns, each row's values those of its packed params, which stay. */
    private static void assertParamColumns(List<CSVRecord> rows, String file) {
        for (CSVRecord r : rows) {
            assertEquals("workInside=" + r.get("workInside") + ";workOutside=" + r.get("workOutside"), r.get("params"), file);
        }
        assertEquals(List.of("0", "500"), rows.stream().map(r -> r.get("workOutside")).distinct().sorted().toList(), file);
    }

    private static List<CSVRecord> csv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    private static List<String> csvHeader(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            return p.getHeaderNames();
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
