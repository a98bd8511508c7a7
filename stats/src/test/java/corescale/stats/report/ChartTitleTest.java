package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.model.Mode;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Groups key the report's tables and charts; chart titles are built from them, never parsed back. */
class ChartTitleTest {

    @Test
    void theTitleOnTheChartPutsWhatFirstAndDropsTheFamilyWhateverTheParamsHold() {
        Group g = new Group("io", "IoBatch.batch", "note=a: b", Mode.AVERAGE_TIME);
        ChartTitle t = new ChartTitle(g, "throughput vs cores");
        assertEquals("io · IoBatch.batch [note=a: b] (avgt): throughput vs cores", t.text());
        assertEquals("Throughput vs cores: IoBatch.batch [note=a: b] (avgt)", t.onChart());
        ChartTitle perVariant = new ChartTitle(new Group("counters", "Counters.increment", "", Mode.THROUGHPUT),
                "longAdder", "throughput vs cores, all runs");
        assertEquals("counters · Counters.increment · longAdder: throughput vs cores, all runs", perVariant.text());
        assertEquals("Throughput vs cores, all runs: Counters.increment · longAdder", perVariant.onChart());
    }

    @Test
    void aTitleTooLongForTheChartLosesItsEnd() {
        Group g = new Group("f", "B", "x=" + "y".repeat(200), Mode.THROUGHPUT);
        String shown = new ChartTitle(g, "speedup vs cores").onChart();
        assertEquals(ChartTitle.MAX_ON_CHART, shown.length());
        assertTrue(shown.startsWith("Speedup vs cores: B [x=yyy"), shown);
        assertTrue(shown.endsWith("y…"), shown);
    }

    @Test
    void groupsAreOrderedByFamilyBenchmarkParamsThenMode() {
        TreeSet<Group> groups = new TreeSet<>(List.of(
                new Group("io", "A", "", Mode.THROUGHPUT),
                new Group("cpu", "B", "k=16", Mode.THROUGHPUT),
                new Group("cpu", "B", "k=1", Mode.AVERAGE_TIME),
                new Group("cpu", "B", "k=1", Mode.THROUGHPUT)));
        assertEquals(List.of("cpu · B [k=1]", "cpu · B [k=1] (avgt)", "cpu · B [k=16]", "io · A"),
                groups.stream().map(Group::title).toList());
    }
}
