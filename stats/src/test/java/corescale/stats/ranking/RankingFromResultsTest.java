package corescale.stats.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.stats.StatsTool;
import corescale.stats.Synthetic;

/**
 * From a results.csv to the rankings: the benchmark's own {@code lost_updates} and {@code unguarded}
 * columns, not a list of variant names, keep the fastest variants here out of "fastest" and "best".
 */
class RankingFromResultsTest {

    @TempDir
    Path dir;

    @Test
    void variantsThatLostUpdatesOrDidNotGuardAreNeverFastestOrBest() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int fork = 1; fork <= 3; fork++) {
            for (int it = 1; it <= 2; it++) {
                double wobble = 0.1 * fork + 0.05 * it;
                lines.add(line("semaphorePermits", fork, it, 90 + wobble, 1000, 2000));
                lines.add(line("longAdder", fork, it, 60 + wobble, 0, 2000));
                lines.add(line("reentrantLock", fork, it, 20 + wobble, 0, 0));
                lines.add(line("semaphore", fork, it, 10 + wobble, 0, 0));
            }
        }
        Path results = dir.resolve("run/results.csv");
        Files.createDirectories(results.getParent());
        Files.writeString(results, Synthetic.HEADER + ",lost_updates,unguarded\n" + String.join("\n", lines) + "\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new StatsTool().report(List.of(results.getParent()), null, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));

        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("threads = cores (2t/2c): reentrantLock is fastest"), said);
        assertTrue(said.contains("not ranked: longAdder at 2t/2c (inside work not guarded); "
                + "semaphorePermits at 2t/2c (lost updates)"), said);
        assertFalse(said.contains("2t/2c longAdder ("), said);
        assertFalse(said.contains("2t/2c semaphorePermits ("), said);

        try (Reader r = Files.newBufferedReader(results.getParent().resolve("contention.csv"))) {
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
            assertEquals(4, rows.size(), "every variant keeps its row");
            for (CSVRecord row : rows) {
                assertEquals("reentrantLock", row.get("best_variant"), row.toString());
            }
        }
    }

    private static String line(String variant, int fork, int iteration, double score, double lost, double unguarded) {
        return Synthetic.row("hostA", variant, 2, 2, "thrpt", fork, iteration, score, "ops/us") + "," + lost + "," + unguarded;
    }
}
