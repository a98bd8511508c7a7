package corescale.stats.load;

import corescale.stats.model.ResultsColumn;
import corescale.stats.io.BadInputException;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PooledResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class LoaderTest {

    public static Path fixture(String name) {
        try {
            return Path.of(LoaderTest.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsOurResultsCsvAndNormalisesUnits() throws BadInputException {
        LoadedInput in = Loader.loadFile(fixture("results.csv"));
        assertEquals(Format.RESULTS_CSV, in.format());
        List<Measurement> rows = in.measurements();
        assertEquals(4, rows.size());
        Measurement third = rows.get(2);
        assertEquals(new PointKey("counters", "Counters.increment", "atomicLong", "workInside=0;workOutside=0", 2, 2, Mode.THROUGHPUT), third.key());
        assertEquals("ops/us", third.unit());
        assertEquals(5.0, third.score(), 1e-12); // 5,000,000 ops/s
        assertEquals(2, third.fork());
        assertEquals(1, third.iteration());
        assertEquals(2.0, third.secondary().get("lost_updates"));
        assertFalse(rows.get(3).secondary().containsKey("lost_updates"), "an empty cell is no value");
        assertEquals("Xeon, 2.0GHz", third.run().machine().cpuModel());
        assertEquals(8, third.run().machine().cpusOnline());
        assertEquals("21.0.2", third.run().machine().jdkVersion());
    }

    @Test
    void readsJmhCsvInEnglishAndGermanLocaleAndSemicolons() throws BadInputException {
        for (String name : List.of("jmh-en.csv", "jmh-de.csv", "jmh-de.scsv")) {
            LoadedInput in = Loader.loadFile(fixture(name));
            assertEquals(name.endsWith("scsv") ? Format.JMH_SCSV : Format.JMH_CSV, in.format(), name);
            assertTrue(in.measurements().isEmpty());
            assertEquals(2, in.pooled().size(), name);
            PooledResult inc = in.pooled().get(0);
            assertEquals(new PointKey("counters", "Counters.increment", "synchronized", "workInside=0", 0, 2, Mode.THROUGHPUT), inc.key(), name);
            assertEquals(Mode.THROUGHPUT, inc.mode());
            assertEquals(23.0, inc.score(), 1e-9, name);
            assertEquals(4.0, inc.error999(), 1e-9, name);
            assertEquals(6, inc.samples());
            assertEquals(3.0, inc.secondary().get("lost_updates"), 1e-12, name);
            PooledResult read = in.pooled().get(1);
            assertEquals(new PointKey("counters", "Counters.read", "atomicLong", "workInside=10", 0, 4, Mode.AVERAGE_TIME), read.key(), name);
            assertEquals(Mode.AVERAGE_TIME, read.mode());
            assertEquals("us/op", read.unit());
            assertEquals(1.5, read.score(), 1e-12, name); // 1500 ns/op
            assertEquals(0.12, read.error999(), 1e-12, name);
        }
    }

    @Test
    void readsJmhJsonPerForkAndPooledWithoutRawData() throws BadInputException {
        LoadedInput in = Loader.loadFile(fixture("jmh.json"));
        assertEquals(Format.JMH_JSON, in.format());
        List<Measurement> rows = in.measurements();
        assertEquals(6, rows.size());
        PointKey key = new PointKey("counters", "Counters.increment", "synchronized", "workInside=0", 2, 2, Mode.THROUGHPUT);
        for (int i = 0; i < 6; i++) {
            assertEquals(key, rows.get(i).key());
            assertEquals(i / 3 + 1, rows.get(i).fork());
            assertEquals(i % 3 + 1, rows.get(i).iteration());
            assertEquals(i + 1.0, rows.get(i).score(), 1e-12);
        }
        assertEquals(3.0, rows.get(4).secondary().get("lost_updates"));
        assertEquals("21.0.2", rows.get(0).run().machine().jdkVersion());
        assertEquals(1, in.pooled().size());
        PooledResult other = in.pooled().get(0);
        assertEquals(new PointKey("bench", "Other.run", "run", "", 0, 1, Mode.AVERAGE_TIME), other.key());
        assertEquals(2500.0, other.score(), 1e-9); // 2.5 ms/op
        assertTrue(Double.isNaN(other.error999()));
        assertTrue(in.describe().contains("pooled"));
    }

    @Test
    void formatComesFromContentNotName(@TempDir Path dir) throws IOException, BadInputException {
        Path misnamed = dir.resolve("data.txt");
        Files.copy(fixture("jmh.json"), misnamed);
        assertEquals(Format.JMH_JSON, Loader.loadFile(misnamed).format());
    }

    @Test
    void directoryMeansItsResultsCsvElseItsJmhFiles(@TempDir Path dir) throws IOException, BadInputException {
        Files.copy(fixture("jmh.json"), dir.resolve("jmh-1.json"));
        Files.copy(fixture("jmh-en.csv"), dir.resolve("jmh-2.csv"));
        Files.writeString(dir.resolve("summary.csv"), "benchmark,variant\n");
        List<LoadedInput> jmh = Loader.load(dir);
        assertEquals(List.of(Format.JMH_JSON, Format.JMH_CSV), jmh.stream().map(LoadedInput::format).toList());
        Files.copy(fixture("results.csv"), dir.resolve("results.csv"));
        List<LoadedInput> ours = Loader.load(dir);
        assertEquals(1, ours.size());
        assertEquals(Format.RESULTS_CSV, ours.get(0).format());
    }

    @Test
    void directoryGivesItsJmhFilesOfEveryExtensionInNameOrderAndNothingElse(@TempDir Path dir) throws IOException, BadInputException {
        // Made in another order than their names', so that the listing order is not the answer by chance.
        Files.copy(fixture("jmh.json"), dir.resolve("e.json"));
        Files.copy(fixture("jmh-de.scsv"), dir.resolve("a.scsv"));
        Files.copy(fixture("jmh-en.csv"), dir.resolve("d.csv"));
        Files.writeString(dir.resolve("notes.txt"), "not a result\n");
        Files.copy(fixture("jmh.json"), dir.resolve("c.json"));
        Files.copy(fixture("jmh-de.csv"), dir.resolve("b.csv"));
        List<LoadedInput> in = Loader.load(dir);
        assertEquals(List.of("a.scsv", "b.csv", "c.json", "d.csv", "e.json"),
                in.stream().map(l -> l.file().getFileName().toString()).toList());
        assertEquals(Format.JMH_SCSV, in.get(0).format());
    }

    /** Spreadsheets save CSV with a UTF-8 byte order mark; it is not part of the first column's name. */
    @Test
    void resultsCsvWithAByteOrderMarkIsReadAsWithout(@TempDir Path dir) throws IOException, BadInputException {
        Path p = dir.resolve("results.csv");
        Files.writeString(p, "\uFEFF" + Files.readString(fixture("results.csv")));
        LoadedInput in = Loader.loadFile(p);
        assertEquals(Format.RESULTS_CSV, in.format());
        assertEquals(Loader.loadFile(fixture("results.csv")).measurements(), in.measurements());
    }

    /** -prof gc and friends add many secondary metrics: each of 14 columns after the fixed ones is read. */
    @Test
    void everySecondaryMetricColumnIsRead(@TempDir Path dir) throws IOException, BadInputException {
        List<String> names = java.util.stream.IntStream.rangeClosed(1, 14).mapToObj(i -> "m" + i).toList();
        Object[] values = java.util.stream.IntStream.rangeClosed(1, 14).mapToObj(i -> (Object) (i * 0.5)).toArray();
        Path p = dir.resolve("results.csv");
        Files.writeString(p, ResultsColumn.HEADER_LINE + "," + String.join(",", names) + "\n"
                + corescale.stats.Synthetic.line(java.util.Map.of(), values) + "\n");
        java.util.Map<String, Double> secondary = Loader.loadFile(p).measurements().get(0).secondary();
        assertEquals(14, secondary.size());
        for (int i = 1; i <= 14; i++) {
            assertEquals(i * 0.5, secondary.get("m" + i), "m" + i);
        }
    }

    /** -bm thrpt,avgt writes a point's rows in both modes, one after the other: two points, never one. */
    @Test
    void rowsOfOnePointInTwoModesAreTwoPoints(@TempDir Path dir) throws IOException, BadInputException {
        Path p = corescale.stats.Synthetic.resultsCsv(dir, "results.csv",
                corescale.stats.Synthetic.row("h", "v", 1, 1, "thrpt", 1, 1, 2.0, "ops/us"),
                corescale.stats.Synthetic.row("h", "v", 1, 1, "avgt", 1, 1, 0.5, "us/op"));
        List<Measurement> rows = Loader.loadFile(p).measurements();
        assertEquals(List.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME), rows.stream().map(Measurement::mode).toList());
        assertEquals(List.of("ops/us", "us/op"), rows.stream().map(Measurement::unit).toList());
    }

    /** Each row's unit is its own: a unit changing from one row to the next is converted anew. */
    @Test
    void aUnitChangingBetweenRowsIsNormalisedOnEachRow(@TempDir Path dir) throws IOException, BadInputException {
        Path p = corescale.stats.Synthetic.resultsCsv(dir, "results.csv",
                corescale.stats.Synthetic.row("h", "v", 1, 1, "thrpt", 1, 1, 5.0, "ops/us"),
                corescale.stats.Synthetic.row("h", "v", 1, 1, "thrpt", 1, 2, 6000.0, "ops/ms"),
                corescale.stats.Synthetic.row("h", "v", 1, 1, "thrpt", 1, 3, 7000000.0, "ops/s"));
        // 6000 ops/ms = 6 ops/us, 7e6 ops/s = 7 ops/us
        assertEquals(List.of(5.0, 6.0, 7.0), Loader.loadFile(p).measurements().stream().map(Measurement::score).toList());
    }

    @Test
    void chunksEndAtLineBreaksOutsideQuotedFieldsAndKnowTheirFirstLine() {
        // The middle of the data falls inside the quoted field, whose line breaks are not record ends.
        byte[] csv = "h\n\"1\n2\n3\n4\n5\n6\"\nx\ny\n".getBytes(StandardCharsets.UTF_8);
        List<CsvChunk> chunks = CsvChunk.split(csv, 2, csv.length, 2);
        assertEquals(List.of(new CsvChunk(2, 16, 2), new CsvChunk(16, csv.length, 8)), chunks);
    }

    @Test
    void chunksStartAtRecordStartsWithTheirLinesWhereverTheQuotesAndLineBreaksFall() {
        // Seeded: random bytes of a few kinds, split in 1 to 6 parts, against a plain pass over them.
        java.util.Random random = new java.util.Random(25);
        String alphabet = "ab,\"\n\n";
        for (int trial = 0; trial < 5_000; trial++) {
            byte[] csv = new byte[3 + random.nextInt(60)];
            csv[0] = 'h';
            csv[1] = '\n';
            for (int i = 2; i < csv.length; i++) {
                csv[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
            }
            java.util.Map<Integer, Integer> recordStarts = new java.util.HashMap<>();
            boolean inQuotes = false;
            for (int i = 2, line = 2; i < csv.length; i++) {
                if (csv[i] == '"') {
                    inQuotes = !inQuotes;
                } else if (csv[i] == '\n') {
                    line++;
                    if (!inQuotes && i + 1 < csv.length) {
                        recordStarts.put(i + 1, line);
                    }
                }
            }
            int parts = 1 + random.nextInt(6);
            List<CsvChunk> chunks = CsvChunk.split(csv, 2, csv.length, parts);
            String what = new String(csv, StandardCharsets.UTF_8) + " in " + parts + ": " + chunks;
            assertTrue(chunks.size() <= parts, what);
            assertEquals(new CsvChunk(2, chunks.get(0).to(), 2), chunks.get(0), what);
            assertEquals(csv.length, chunks.get(chunks.size() - 1).to(), what);
            for (int i = 1; i < chunks.size(); i++) {
                CsvChunk c = chunks.get(i);
                assertEquals(chunks.get(i - 1).to(), c.from(), what);
                assertTrue(c.from() < c.to(), what);
                assertEquals(recordStarts.get(c.from()), c.firstLine(), what);
            }
        }
    }

    @Test
    void bigResultsCsvIsParsedInChunksWithCorrectLineNumbers(@TempDir Path dir) throws IOException, BadInputException {
        // Large enough for three chunks, whatever the machine's processor count; a quoted field with a
        // line break in the first chunk shifts the line numbers of all the others.
        int chunks = 3;
        StringBuilder sb = new StringBuilder(corescale.stats.Synthetic.HEADER).append('\n');
        int rows = 120_000;
        for (int i = 1; i <= rows; i++) {
            String line = corescale.stats.Synthetic.row("h", "v", 1, 1, "thrpt", 1 + i % 5, i, 1.0 + i % 7, "ops/us");
            if (i == 10) {
                line = line.replace(",amd64,", ",\"amd\n64\",");
            }
            sb.append(line).append(i == rows ? ",extra" : "").append('\n');
        }
        byte[] good = sb.toString().replace(",extra", "").getBytes(StandardCharsets.UTF_8);
        int headerEnd = sb.indexOf("\n") + 1;
        assertEquals(chunks, CsvChunk.split(good, headerEnd, good.length, chunks).size());
        assertTrue(good.length >= chunks * ResultsCsvReader.MIN_CHUNK, "big enough for " + chunks + " chunks: " + good.length);
        Path p = dir.resolve("results.csv");
        Files.write(p, good);
        List<Measurement> read = ResultsCsvReader.read(p, Long.MAX_VALUE, chunks).rows();
        assertEquals(rows, read.size());
        assertEquals("amd\n64", read.get(9).run().machine().arch());
        assertEquals(rows, read.get(rows - 1).iteration(), "rows in file order");
        Files.writeString(p, sb.toString());
        BadInputException e = org.junit.jupiter.api.Assertions.assertThrows(BadInputException.class,
                () -> ResultsCsvReader.read(p, Long.MAX_VALUE, chunks));
        // header + rows + one extra line inside the quoted field
        assertEquals(p + ":" + (rows + 2) + ": row has " + (ResultsColumn.HEADERS.size() + 1) + " fields, the header has " + ResultsColumn.HEADERS.size(), e.getMessage());
    }
}
