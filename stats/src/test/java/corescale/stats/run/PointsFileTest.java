package corescale.stats.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import corescale.stats.io.BadInputException;
import org.junit.jupiter.api.io.TempDir;

/** What a report reads from points.csv: the points the steal flag picks, and its bad values named by line. */
class PointsFileTest {

    @TempDir
    Path dir;

    /**
     * The sweep writes steal_pct rounded to two decimals ({@link PointsFile#stealPct}; 2.00 in older files,
     * 2 since), so the flag, 2%, is a value the file holds: only a point above it is flagged.
     */
    @Test
    void stealOfExactlyTheFlagIsNotFlagged() throws Exception {
        Files.writeString(dir.resolve(PointsFile.NAME), """
                family,benchmark,variant,params,cores,threads,forks,mean,unit,rel_ci,target,stop,seconds,cpus,steal_pct,involuntary_switches
                counters,Counters.increment,atomicLong,,1,1,3,10.0,ops/us,0.01,0.03,target_met,4.0,2,2.00,12
                counters,Counters.increment,atomicLong,,2,2,3,19.0,ops/us,0.01,0.03,target_met,4.0,"2,0",2.01,40
                """);
        assertEquals(List.of(new PointsFile.Stolen("Counters.increment", "atomicLong", "", 2, 2, 2.01)), PointsFile.read(dir).stolen());
    }

    /** A share just above the flag that the file rounds to 2.00 is not flagged on the console either. */
    @Test
    void theConsoleFlagsWhatTheFileKeeps() {
        assertEquals(2.00, PointsFile.stealPct(0.020004));
        assertFalse(PointsFile.flagged(PointsFile.stealPct(0.020004)));
        assertEquals(2.01, PointsFile.stealPct(0.0201));
        assertTrue(PointsFile.flagged(PointsFile.stealPct(0.0201)));
    }

    /** A target_met row whose target is not a number is bad input, named with its file and line. */
    @Test
    void aTargetThatIsNotANumberNamesItsLine() throws Exception {
        Files.writeString(dir.resolve(PointsFile.NAME), """
                family,benchmark,variant,params,cores,threads,mode,forks,mean,unit,rel_ci,target,stop
                counters,Counters.increment,atomicLong,,1,1,thrpt,4,10.0,ops/us,0.01,0.03,target_met
                counters,Counters.increment,atomicLong,,2,2,thrpt,4,19.0,ops/us,0.01,three,target_met
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> PointsFile.read(dir));
        assertTrue(e.getMessage().endsWith("points.csv:3: column target: 'three' is not a number"), e.getMessage());
    }

    /** A core count that is not a whole number is bad input too, not rounded. */
    @Test
    void coresThatAreNotAWholeNumberNameTheirLine() throws Exception {
        Files.writeString(dir.resolve(PointsFile.NAME), """
                family,benchmark,variant,params,cores,threads,mode,forks,mean,unit,rel_ci,target,stop
                counters,Counters.increment,atomicLong,,2.5,1,thrpt,4,10.0,ops/us,0.01,0.03,target_met
                """);
        BadInputException e = assertThrows(BadInputException.class, () -> PointsFile.read(dir));
        assertTrue(e.getMessage().endsWith("points.csv:2: column cores: '2.5' is not a whole number"), e.getMessage());
    }

    /**
     * A damaged points.csv is refused, never read in part: a row cut short would lose its target and
     * change that point's interval without a word; a point twice would leave which row holds unsaid.
     */
    @Test
    void aRowCutShortARepeatedPointAndBytesNotUtf8AreNamedByLine() throws Exception {
        String header = "family,benchmark,variant,params,cores,threads,mode,forks,mean,unit,rel_ci,target,stop\n";
        String row = "counters,Counters.increment,atomicLong,,1,1,thrpt,4,10.0,ops/us,0.01,0.03,target_met\n";
        Files.writeString(dir.resolve(PointsFile.NAME), header + row + row.substring(0, 40) + "\n");
        BadInputException cut = assertThrows(BadInputException.class, () -> PointsFile.read(dir));
        assertTrue(cut.getMessage().endsWith("points.csv:3: 5 fields where the header has 13 (a row cut short or run on)"),
                cut.getMessage());
        Files.writeString(dir.resolve(PointsFile.NAME), header + row + row.replace("4,10.0", "5,10.1"));
        BadInputException twice = assertThrows(BadInputException.class, () -> PointsFile.read(dir));
        assertTrue(twice.getMessage().endsWith("points.csv:3: repeats the point of line 2 (points.csv has one row per point "
                + "and configuration)"), twice.getMessage());
        Files.write(dir.resolve(PointsFile.NAME), (header + row.replace("atomicLong", "atomic\u00ffLong")).getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        BadInputException bytes = assertThrows(BadInputException.class, () -> PointsFile.read(dir));
        assertTrue(bytes.getMessage().endsWith("points.csv:2: not UTF-8 text: byte 0xFF, byte 35 of the line (save the file as UTF-8)"),
                bytes.getMessage());
    }
}
