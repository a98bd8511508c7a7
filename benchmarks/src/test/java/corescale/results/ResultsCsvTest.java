package corescale.results;

import corescale.stats.model.Machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

    @TempDir
    Path dir;

    static final Machine MACHINE = new Machine("box", "Linux 6.1", "amd64", "CPU, \"fast\" model", 8,
            "Vendor", "21.0.2+13", null);

    static ResultRow row(String params, int fork, int iteration, double score, Map<String, Double> secondary) {
        return new ResultRow("run-1", MACHINE, "-XX:ActiveProcessorCount=2 -Xmx1g", "", 2, true, "counters",
                "Counters.increment", "reentrantLock", params, "thrpt", 4, fork, iteration, score, "ops/us", secondary);
    }

    @Test
    void headerIsTheDesignColumnsInOrderThenSecondaryMetrics() throws Exception {
        ResultsCsv csv = new ResultsCsv(dir.resolve("results.csv"));
        csv.append(List.of(row("a=1", 1, 1, 12.5, Map.of("lost_updates", 0.0))));
        String header = Files.readAllLines(csv.file()).get(0);
        assertEquals("run_id,host,os,arch,cpu_model,cpus_online,jdk_vendor,jdk_version,jvm_args,config,cores,affinity,"
                + "family,benchmark,variant,params,mode,threads,fork,iteration,score,unit,lost_updates", header);
    }

    @Test
    void paramsWithCommasAndQuotesAreQuotedAndReadBackUnchanged() throws Exception {
        ResultsCsv csv = new ResultsCsv(dir.resolve("results.csv"));
        String params = "list=1,2,3;name=say \"hi\"";
        csv.append(List.of(row(params, 1, 1, 3.25, Map.of())));
        String line = Files.readAllLines(csv.file()).get(1);
        assertTrue(line.contains("\"list=1,2,3;name=say \"\"hi\"\"\""), line);
        assertTrue(line.contains("\"CPU, \"\"fast\"\" model\""), line);
        Map<String, String> back = ResultsCsv.read(csv.file()).get(0);
        assertEquals(params, back.get("params"));
        assertEquals("CPU, \"fast\" model", back.get("cpu_model"));
    }

    @Test
    void appendingKeepsOneHeaderAndEveryValue() throws Exception {
        ResultsCsv csv = new ResultsCsv(dir.resolve("results.csv"));
        List<ResultRow> written = new ArrayList<>();
        for (int fork = 1; fork <= 3; fork++) {
            List<ResultRow> point = List.of(row("p=1", fork, 1, 1.0 / 3 * fork, Map.of("lost_updates", 7.0 * fork)),
                    row("p=1", fork, 2, 1e-7 * fork, Map.of("lost_updates", 0.0)));
            csv.append(point);
            written.addAll(point);
        }
        List<String> lines = Files.readAllLines(csv.file());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("run_id,")).count());
        assertEquals(1 + written.size(), lines.size());

        List<Map<String, String>> back = ResultsCsv.read(csv.file());
        for (int i = 0; i < written.size(); i++) {
            ResultRow w = written.get(i);
            Map<String, String> r = back.get(i);
            assertEquals(w.score(), Double.parseDouble(r.get("score")), 0.0, "scores round-trip exactly");
            assertEquals(w.fork(), Integer.parseInt(r.get("fork")));
            assertEquals(w.iteration(), Integer.parseInt(r.get("iteration")));
            assertEquals(w.secondary().get("lost_updates"), Double.parseDouble(r.get("lost_updates")), 0.0);
            assertEquals("-XX:ActiveProcessorCount=2 -Xmx1g", r.get("jvm_args"));
            assertEquals("true", r.get("affinity"));
        }
    }

    @Test
    void aNewSecondaryMetricWidensTheHeaderAndKeepsOldRows() throws Exception {
        ResultsCsv csv = new ResultsCsv(dir.resolve("results.csv"));
        csv.append(List.of(row("p=1", 1, 1, 2.0, Map.of("lost_updates", 5.0))));
        csv.append(List.of(row("p=2", 1, 1, 3.0, Map.of("gc.alloc.rate", 1.5))));
        List<Map<String, String>> back = ResultsCsv.read(csv.file());
        assertEquals(2, back.size());
        assertEquals("5", back.get(0).get("lost_updates"));
        assertEquals("", back.get(0).get("gc.alloc.rate"));
        assertEquals("1.5", back.get(1).get("gc.alloc.rate"));
        assertEquals("", back.get(1).get("lost_updates"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void anUnfinishedLastLineIsDroppedAndWholeRowsKept() throws Exception {
        ResultsCsv csv = new ResultsCsv(dir.resolve("results.csv"));
        csv.append(List.of(row("p=1", 1, 1, 2.0, Map.of())));
        Files.writeString(csv.file(), "run-1,box,Lin", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(3, ResultsCsv.dropUnfinishedLine(csv.file()).orElseThrow().line());
        assertFalse(ResultsCsv.dropUnfinishedLine(csv.file()).isPresent());
        assertEquals(1, ResultsCsv.read(csv.file()).size());
    }
}
