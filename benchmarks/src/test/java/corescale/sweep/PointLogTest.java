package corescale.sweep;

import corescale.stats.model.Mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.stats.model.PointKey;
import corescale.stats.run.PointsFile;

/**
 * points.csv: a line per configuration; a point's lines replaced when it gets more forks; a file begun
 * without the newer columns keeps its header.
 */
class PointLogTest {

    @TempDir
    Path dir;

    private static final PointKey KEY = new PointKey("counters", "Counters.increment", "atomicLong", "workInside=0", 1, 1, Mode.THROUGHPUT);

    /** A row's values in {@link PointsFile#VALUES}' order, by column. */
    private static Map<String, Object> line(int forks, String stop, String config) {
        List<Object> values = List.of(forks, 100.5, "ops/us", 0.02, 0.03, stop, "4.0", "2.5", "1", "0.00", 12, config, "");
        Map<String, Object> line = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            line.put(PointsFile.VALUES.get(i), values.get(i));
        }
        return line;
    }

    private static void append(PointLog log, String config) throws Exception {
        log.append(KEY, line(2, "target_met", config));
    }

    private static final String HEADER = "family,benchmark,variant,params,cores,threads,mode,forks,mean,unit,rel_ci,target,stop,"
            + "seconds,measure_seconds,cpus,steal_pct,involuntary_switches,config,modes";

    @Test
    void oneLinePerConfigurationNamedInTheLastColumn() throws Exception {
        PointLog log = PointLog.points(dir);
        append(log, "a");
        append(log, "b");
        assertEquals(List.of(HEADER,
                "counters,Counters.increment,atomicLong,workInside=0,1,1,thrpt,2,100.5,ops/us,0.02,0.03,target_met,4.0,2.5,1,0.00,12,a,",
                "counters,Counters.increment,atomicLong,workInside=0,1,1,thrpt,2,100.5,ops/us,0.02,0.03,target_met,4.0,2.5,1,0.00,12,b,"),
                Files.readAllLines(dir.resolve("points.csv")));
    }

    @Test
    void aPointThatGetsMoreForksHasItsLinesReplacedInPlace() throws Exception {
        PointLog log = PointLog.points(dir);
        PointKey other = new PointKey("counters", "Counters.increment", "longAdder", "workInside=0", 1, 1, Mode.THROUGHPUT);
        log.put(KEY, List.of(line(3, "pending", "a"), line(3, "pending", "b")));
        log.put(other, List.of(line(3, "modes", "")));
        log.put(KEY, List.of(line(7, "target_met", "a"), line(7, "target_met", "b")));
        List<String> lines = Files.readAllLines(dir.resolve("points.csv"));
        assertEquals(4, lines.size());
        assertEquals(HEADER, lines.get(0));
        assertEquals("counters,Counters.increment,atomicLong,workInside=0,1,1,thrpt,7,100.5,ops/us,0.02,0.03,target_met,4.0,2.5,1,0.00,12,a,",
                lines.get(1));
        assertEquals("counters,Counters.increment,atomicLong,workInside=0,1,1,thrpt,7,100.5,ops/us,0.02,0.03,target_met,4.0,2.5,1,0.00,12,b,",
                lines.get(2));
        assertEquals("counters,Counters.increment,longAdder,workInside=0,1,1,thrpt,3,100.5,ops/us,0.02,0.03,modes,4.0,2.5,1,0.00,12,,",
                lines.get(3));
        assertEquals(List.of("points.csv"), Files.list(dir).map(p -> p.getFileName().toString()).toList(), "no file left beside it");
    }

    @Test
    void aFileBegunBeforeTheConfigColumnKeepsItsColumns() throws Exception {
        String old = "family,benchmark,variant,params,cores,threads,forks,mean,unit,rel_ci,target,stop,seconds,cpus,steal_pct,"
                + "involuntary_switches";
        Files.writeString(dir.resolve("points.csv"), old + "\n");
        append(PointLog.points(dir), "");
        assertEquals(List.of(old,
                "counters,Counters.increment,atomicLong,workInside=0,1,1,2,100.5,ops/us,0.02,0.03,target_met,4.0,1,0.00,12"),
                Files.readAllLines(dir.resolve("points.csv")));
    }

    @Test
    void aBenchmarkInTwoModesKeepsARowForEach() throws Exception {
        PointLog log = PointLog.points(dir);
        PointKey avgt = KEY.withMode(Mode.AVERAGE_TIME);
        log.put(KEY, List.of(line(3, "pending", "")));
        log.put(avgt, List.of(line(3, "pending", "")));
        log.put(KEY, List.of(line(7, "target_met", "")));
        assertEquals(List.of(HEADER,
                "counters,Counters.increment,atomicLong,workInside=0,1,1,thrpt,7,100.5,ops/us,0.02,0.03,target_met,4.0,2.5,1,0.00,12,,",
                "counters,Counters.increment,atomicLong,workInside=0,1,1,avgt,3,100.5,ops/us,0.02,0.03,pending,4.0,2.5,1,0.00,12,,"),
                Files.readAllLines(dir.resolve("points.csv")));
    }

    @Test
    void aFileBegunBeforeTheModeColumnHasAPointsRowsReplacedByTheKeyColumnsItHas() throws Exception {
        String old = "family,benchmark,variant,params,cores,threads,forks,mean,unit,rel_ci,target,stop,seconds,measure_seconds,cpus,"
                + "steal_pct,involuntary_switches,config,modes";
        Files.writeString(dir.resolve("points.csv"), old + "\n");
        PointLog log = PointLog.points(dir);
        PointKey other = new PointKey("counters", "Counters.increment", "longAdder", "workInside=0", 1, 1, Mode.THROUGHPUT);
        log.put(KEY, List.of(line(3, "pending", "")));
        log.put(other, List.of(line(3, "pending", "")));
        log.put(KEY, List.of(line(7, "target_met", "")));
        assertEquals(List.of(old,
                "counters,Counters.increment,atomicLong,workInside=0,1,1,7,100.5,ops/us,0.02,0.03,target_met,4.0,2.5,1,0.00,12,,",
                "counters,Counters.increment,longAdder,workInside=0,1,1,3,100.5,ops/us,0.02,0.03,pending,4.0,2.5,1,0.00,12,,"),
                Files.readAllLines(dir.resolve("points.csv")));
    }

    @Test
    void aFileWhoseHeaderLacksTheKeyColumnsIsRefusedNotRewritten() throws Exception {
        String foreign = "name,score\nx,1";
        Files.writeString(dir.resolve("points.csv"), foreign + "\n");
        IOException e = assertThrows(IOException.class, () -> PointLog.points(dir).put(KEY, List.of(line(3, "pending", ""))));
        assertTrue(e.getMessage().contains("lacks the key columns"), e.getMessage());
        assertEquals(List.of("name,score", "x,1"), Files.readAllLines(dir.resolve("points.csv")), "left as it was");
    }

    @Test
    void aValueForAColumnTheLogDoesNotHaveIsRefusedNotDropped() throws Exception {
        Map<String, Object> row = new LinkedHashMap<>(line(2, "target_met", ""));
        row.put("no_such_column", 1);
        assertThrows(IllegalArgumentException.class, () -> PointLog.points(dir).append(KEY, row));
        assertFalse(Files.exists(dir.resolve("points.csv")), "nothing written");
    }
}
