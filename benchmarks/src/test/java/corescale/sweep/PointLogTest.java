package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.stats.model.PointKey;

/** points.csv: the configuration's name in the last column; a file begun without that column keeps its header. */
class PointLogTest {

    @TempDir
    Path dir;

    private static final PointKey KEY = new PointKey("counters", "Counters.increment", "atomicLong", "workInside=0", 1, 1);

    private static void append(PointLog log, String config) throws Exception {
        log.append(KEY, 2, 100.5, "ops/us", 0.02, 0.03, "target_met", "4.0", "1", "0.00", 12, config);
    }

    @Test
    void oneLinePerConfigurationNamedInTheLastColumn() throws Exception {
        PointLog log = PointLog.points(dir);
        append(log, "a");
        append(log, "b");
        assertEquals(List.of(
                "family,benchmark,variant,params,cores,threads,forks,mean,unit,rel_ci,target,stop,seconds,cpus,steal_pct,"
                        + "involuntary_switches,config",
                "counters,Counters.increment,atomicLong,workInside=0,1,1,2,100.5,ops/us,0.02,0.03,target_met,4.0,1,0.00,12,a",
                "counters,Counters.increment,atomicLong,workInside=0,1,1,2,100.5,ops/us,0.02,0.03,target_met,4.0,1,0.00,12,b"),
                Files.readAllLines(dir.resolve("points.csv")));
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
}
