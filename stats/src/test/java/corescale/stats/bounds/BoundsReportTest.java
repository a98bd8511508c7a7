package corescale.stats.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.stats.StatsTool;
import corescale.stats.Synthetic;
import corescale.stats.model.ResultsColumn;

/**
 * From a results.csv whose rows carry the benchmarks' own facts (secondary-metric columns) to
 * summary.csv, scaling.csv, the findings and the report: bounds, the measurement-error verdict, the
 * service-bound flag, and no speedup for a benchmark one unit at a time.
 */
class BoundsReportTest {

    @TempDir
    Path dir;

    /** A data line with the three secondary columns concurrency, latency_vs_delay, service_time_us. */
    private static String row(String family, String benchmark, String variant, String params, int cores, String mode,
                              int fork, int iteration, double score, String unit, String concurrency, String latency,
                              String serviceUs) {
        Map<ResultsColumn, Object> v = new EnumMap<>(ResultsColumn.class);
        v.put(ResultsColumn.CPUS_ONLINE, 2);
        v.put(ResultsColumn.JDK_VERSION, "25");
        v.put(ResultsColumn.CORES, cores);
        v.put(ResultsColumn.AFFINITY, true);
        v.put(ResultsColumn.FAMILY, family);
        v.put(ResultsColumn.BENCHMARK, benchmark);
        v.put(ResultsColumn.VARIANT, variant);
        v.put(ResultsColumn.PARAMS, params);
        v.put(ResultsColumn.MODE, mode);
        v.put(ResultsColumn.FORK, fork);
        v.put(ResultsColumn.ITERATION, iteration);
        v.put(ResultsColumn.SCORE, score);
        v.put(ResultsColumn.UNIT, unit);
        return Synthetic.line(v, concurrency, latency, serviceUs);
    }

    private Path run() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int f = 1; f <= 3; f++) {
            for (int i = 1; i <= 2; i++) {
                double jitter = 1 + 0.001 * (f - 2) + 0.0005 * i;
                // cpu, tasks/s: sequential 50k at both core counts; fixedPool 49k at 1c, 110k at 2c (above 2 × 50k)
                lines.add(row("cpu", "CpuBatch.batch", "sequential", "pool=cores", 1, "thrpt", f, i, 50_000 * jitter, "ops/s", "1", "", ""));
                lines.add(row("cpu", "CpuBatch.batch", "sequential", "pool=cores", 2, "thrpt", f, i, 50_000 * jitter, "ops/s", "1", "", ""));
                lines.add(row("cpu", "CpuBatch.batch", "fixedPool", "pool=cores", 1, "thrpt", f, i, 49_000 * jitter, "ops/s", "1", "", ""));
                lines.add(row("cpu", "CpuBatch.batch", "fixedPool", "pool=cores", 2, "thrpt", f, i, 110_000 * jitter, "ops/s", "2", "", ""));
                // io, requests/s at 10 ms: fixedPool on time, asyncChannels 200 in flight but paced by the service
                lines.add(row("io", "IoBatch.batch", "fixedPool", "delayMs=10", 1, "thrpt", f, i, 99 * jitter, "ops/s", "1", "1.01", "10000"));
                lines.add(row("io", "IoBatch.batch", "asyncChannels", "delayMs=10", 1, "thrpt", f, i, 6_000 * jitter, "ops/s", "200", "3.2", "10000"));
                // spawn, one at a time: a latency
                lines.add(row("spawn", "StartJoin.startJoin", "platformThread", "", 1, "avgt", f, i, 60 * jitter, "us/op", "1", "", ""));
                lines.add(row("spawn", "StartJoin.startJoin", "platformThread", "", 2, "avgt", f, i, 50 * jitter, "us/op", "1", "", ""));
            }
        }
        Path csv = dir.resolve("run/results.csv");
        Files.createDirectories(csv.getParent());
        Files.writeString(csv, Synthetic.HEADER + ",concurrency,latency_vs_delay,service_time_us\n" + String.join("\n", lines) + "\n");
        return csv.getParent();
    }

    /** Rows by "benchmark variant cores" (summary.csv) or "benchmark variant" (scaling.csv, cores axis). */
    private static Map<String, CSVRecord> byVariantAndCores(Path csv, boolean withCores) throws IOException {
        try (Reader r = Files.newBufferedReader(csv)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords().stream()
                    .collect(Collectors.toMap(c -> c.get("benchmark") + " " + c.get("variant")
                            + (withCores ? " " + c.get("cores") : ""), c -> c, (a, b) -> a));
        }
    }

    @Test
    void summaryScalingFindingsAndReportShowEachPointAgainstItsBound() throws IOException {
        Path run = run();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, new StatsTool().report(List.of(run), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), err.toString());

        Map<String, CSVRecord> summary = byVariantAndCores(run.resolve("summary.csv"), true);
        assertEquals(0.98, Double.parseDouble(summary.get("CpuBatch.batch fixedPool 1").get("of_bound")), 1e-3);
        assertEquals(0.1, Double.parseDouble(summary.get("CpuBatch.batch fixedPool 2").get("bound")), 1e-4, "2 × 50k/s in ops/us");
        assertEquals(1.1, Double.parseDouble(summary.get("CpuBatch.batch fixedPool 2").get("of_bound")), 1e-3);
        assertEquals(0.99, Double.parseDouble(summary.get("IoBatch.batch fixedPool 1").get("of_bound")), 1e-3, "99/s of 1 / 10 ms");
        assertEquals(3.2, Double.parseDouble(summary.get("IoBatch.batch asyncChannels 1").get("latency_vs_delay")), 1e-9);
        assertEquals("", summary.get("StartJoin.startJoin platformThread 1").get("bound"), "a latency has no throughput bound");

        Map<String, CSVRecord> scaling = byVariantAndCores(run.resolve("scaling.csv"), false);
        CSVRecord startJoin = scaling.get("StartJoin.startJoin platformThread");
        assertEquals("", startJoin.get("speedup_at_max"), "no speedup for one unit at a time");
        assertTrue(startJoin.get("fit_note").contains("one unit at a time by construction"), startJoin.get("fit_note"));

        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("measurement error: CpuBatch.batch fixedPool [pool=cores] at 1t/2c is ×1.1 ["), said);
        assertTrue(said.contains("] its bound (2 cores × sequential); shown above ×1.05 the bound"), said);
        assertTrue(said.contains("io · IoBatch.batch [delayMs=10] service-bound"), said);
        assertTrue(said.contains("asyncChannels at 1t/1c ×3.2"), said);
        assertTrue(said.contains("spawn · StartJoin.startJoin (avgt): one unit at a time by construction"), said);
        String report = Files.readString(run.resolve("report.md"));
        assertTrue(report.contains("# Bounds"), "the report has a Bounds section");
        assertTrue(report.contains("above its bound: measurement error"), "and its verdicts");
        assertTrue(report.contains("1.1 of bound (above it: measurement error)"), "the point tables mark a point above its bound");
    }
}
