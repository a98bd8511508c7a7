package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.model.Mode;
import corescale.stats.model.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chart files are named so that a reader can tell them apart without opening them. */
class FileNamesTest {

    private static final Setting OUTSIDE_0 = new Setting("counters", "Counters.increment", "workInside=0;workOutside=0", Mode.THROUGHPUT);
    private static final Setting OUTSIDE_500 = new Setting("counters", "Counters.increment", "workInside=0;workOutside=500", Mode.THROUGHPUT);
    private static final Setting SPAWN = new Setting("spawn", "StartJoinBatch.startJoinAll", "k=100", Mode.AVERAGE_TIME);

    @Test
    void aChartIsNamedByItsBenchmarkAndOnlyTheParamsThatTellItsGroupsApart() {
        FileNames names = new FileNames(List.of(OUTSIDE_0, OUTSIDE_500, SPAWN));
        assertEquals("chart-counters-increment-workoutside-500-cores.png", names.chart(OUTSIDE_500, "cores"));
        assertEquals("chart-counters-increment-workoutside-0-cores-speedup.png", names.chart(OUTSIDE_0, "cores", "speedup"));
        // the family where the benchmark does not say it; the mode unless throughput
        assertEquals("chart-spawn-startjoinbatch-startjoinall-avgt-cores.png", names.chart(SPAWN, "cores"));
        assertEquals("compare-counters-increment-workoutside-0-run-b-ratio.png", names.compare(OUTSIDE_0, "run-b", "ratio"));
    }

    @Test
    void namesAreTheSameForTheSameSweepAndACutClashGetsACounterNotAHash() {
        String longValue = "v".repeat(200);
        List<Setting> groups = List.of(
                new Setting("f", "B.m", "a=" + longValue + "1", Mode.THROUGHPUT),
                new Setting("f", "B.m", "a=" + longValue + "2", Mode.THROUGHPUT));
        List<String> first = new ArrayList<>();
        List<String> again = new ArrayList<>();
        FileNames one = new FileNames(groups);
        FileNames two = new FileNames(List.copyOf(groups).reversed());
        for (Setting g : groups) {
            first.add(one.chart(g, "cores"));
            again.add(two.chart(g, "cores"));
        }
        assertEquals(first, again, "named from the groups alone");
        assertEquals(2, new HashSet<>(first).size());
        assertTrue(first.get(1).endsWith("-cores-2.png"), first.toString());
        for (String name : first) {
            assertTrue(name.matches("[a-z0-9-]+\\.png"), name);
            assertTrue(name.length() <= FileNames.MAX_LENGTH + 4, name);
            assertFalse(name.matches(".*-[0-9a-f]{7,8}-.*"), "no hash: " + name);
        }
    }

    @Test
    void theReportsChartsAreNamedReadablyAndUniquely() {
        List<ChartFile> charts = new ArrayList<>();
        Fixtures.build(Fixtures.input("host", 1, 3), charts);
        List<String> files = charts.stream().map(ChartFile::fileName).toList();
        assertEquals(files.size(), new HashSet<>(files).size());
        assertTrue(files.contains("chart-counters-increment-work-10-cores.png"), files.toString());
        assertTrue(files.contains("chart-counters-increment-work-10-threads-8c.png"), files.toString());
        assertTrue(files.contains("chart-cpu-batch-avgt-cores-speedup.png"), files.toString());
        assertTrue(files.stream().allMatch(f -> f.matches("chart-[a-z0-9-]+\\.png")), files.toString());
    }
}
