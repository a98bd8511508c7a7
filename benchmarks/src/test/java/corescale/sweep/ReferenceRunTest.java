package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import corescale.stats.model.ResultsColumn;
import corescale.stats.run.PointsFile;
import corescale.stats.run.RunFile;

/**
 * The committed reference run is what README and docs quote and what {@code compare reference mine}
 * is measured against: it must be a run of today's default profile, in today's file schema, so that
 * a fresh default run finds every point in it. A change to the profile, the benchmarks' parameters or
 * a file's columns fails here until the reference is measured again.
 */
class ReferenceRunTest {

    private static Path reference() throws IOException {
        try (Stream<Path> runs = Files.list(Path.of("..", "results"))) {
            List<Path> found = runs.filter(p -> p.getFileName().toString().startsWith("reference-")).toList();
            assertEquals(1, found.size(), "one committed reference run under results/: " + found);
            return found.get(0);
        }
    }

    private static List<CSVRecord> rows(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv);
             CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            return p.getRecords();
        }
    }

    private static List<String> header(Path csv) throws IOException {
        try (Stream<String> lines = Files.lines(csv)) {
            return List.of(lines.findFirst().orElse("").split(","));
        }
    }

    @Test
    void wasRunWithTheDefaultProfileAndNoFilter() throws IOException {
        RunFile run = RunFile.read(reference());
        assertEquals(Profile.standard().name(), run.profile());
        List<String> args = new ArrayList<>(run.args());
        int out = args.indexOf("--out");
        assertTrue(out >= 0, "run with --out: " + args);
        args.subList(out, out + 2).clear();
        assertEquals(List.of(), args, "nothing but --out: no filter, profile, parameter or configuration");
        assertFalse(run.canary().isEmpty(), "the canary was read");
        assertTrue(run.placeRounds(), "each place's variants measured in rounds, as today's sweep does");
    }

    @Test
    void filesAreInTodaysSchema() throws IOException {
        Path dir = reference();
        List<String> results = header(dir.resolve("results.csv"));
        assertEquals(ResultsColumn.HEADERS, results.subList(0, ResultsColumn.HEADERS.size()));
        List<String> points = new ArrayList<>(PointsFile.KEY);
        points.addAll(PointsFile.VALUES);
        assertEquals(points, header(dir.resolve(PointsFile.NAME)));
    }

    @Test
    void measuredEveryPointOfTodaysDefaultPlan() throws IOException {
        Path dir = reference();
        RunFile run = RunFile.read(dir);
        Set<String> planned = new TreeSet<>();
        for (Point p : Plan.build("", run.cores(), Optional.empty(), Profile.standard().params())) {
            planned.add(String.join("|", p.key().family(), p.key().benchmark(), p.key().variant(), p.key().params(),
                    Integer.toString(p.cores()), Integer.toString(p.threads()), p.key().mode().jmhName()));
        }
        Set<String> measured = new TreeSet<>();
        for (CSVRecord r : rows(dir.resolve(PointsFile.NAME))) {
            measured.add(String.join("|", PointsFile.KEY.stream().map(r::get).toList()));
        }
        assertFalse(planned.isEmpty(), "today's default plan has points");
        Set<String> missing = new TreeSet<>(planned);
        missing.removeAll(measured);
        Set<String> extra = new TreeSet<>(measured);
        extra.removeAll(planned);
        assertEquals(Set.of(), missing, "planned today, not in the reference (measure it again)");
        assertEquals(Set.of(), extra, "in the reference, no longer planned (measure it again)");
    }

    @Test
    void carriesItsJmhResultWithOneEntryPerPoint() throws IOException {
        Path dir = reference();
        com.fasterxml.jackson.databind.JsonNode entries = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(dir.resolve("jmh-result.json").toFile());
        assertFalse(entries.isEmpty(), "jmh-result.json has entries");
        assertEquals(rows(dir.resolve(PointsFile.NAME)).size(), entries.size(), "one entry per point");
        for (com.fasterxml.jackson.databind.JsonNode e : entries) {
            assertTrue(e.path("params").has("cores"), e.path("benchmark").asText() + " has cores in its params");
        }
    }
}
