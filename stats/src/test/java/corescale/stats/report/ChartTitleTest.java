package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.model.Mode;
import corescale.stats.model.Setting;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Groups key the report's tables and charts; chart titles are built from them, never parsed back. */
class ChartTitleTest {

    @Test
    void theTitleOnTheChartPutsWhatFirstAndDropsTheFamilyWhateverTheParamsHold() {
        Setting g = new Setting("io", "IoBatch.batch", "note=a: b", Mode.AVERAGE_TIME);
        ChartTitle t = new ChartTitle(g, "throughput vs cores");
        assertEquals("io · IoBatch.batch [note=a: b] (avgt): throughput vs cores", t.text());
        assertEquals(List.of("Throughput vs cores: IoBatch.batch [note=a: b] (avgt)"), t.onChartLines());
        ChartTitle perVariant = new ChartTitle(new Setting("counters", "Counters.increment", "", Mode.THROUGHPUT),
                "longAdder", "throughput vs cores, all runs");
        assertEquals("counters · Counters.increment · longAdder: throughput vs cores, all runs", perVariant.text());
        assertEquals(List.of("Throughput vs cores, all runs: Counters.increment · longAdder"), perVariant.onChartLines());
    }

    @Test
    void aTitleTooLongForOneLineWrapsItsParamsAndLosesNothing() {
        String params = "processesPerCore=2;workInside=0;workOutside=500;guard=" + "fileLock".repeat(6) + ";x=" + "y".repeat(200);
        Setting g = new Setting("f", "ProcessCounters.increment", params, Mode.AVERAGE_TIME);
        List<String> lines = new ChartTitle(g, "speedup vs cores").onChartLines();
        assertEquals("Speedup vs cores: ProcessCounters.increment (avgt)", lines.get(0));
        assertEquals("processesPerCore=2; workInside=0; workOutside=500", lines.get(1));
        assertTrue(lines.stream().allMatch(l -> l.length() <= ChartTitle.MAX_ON_CHART), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("…")), lines.toString());
        // every character of the params is on the chart, in order
        assertEquals(params.replace(";", ""), String.join("", lines.subList(1, lines.size())).replace("; ", ""));
    }

    @Test
    void groupsAreOrderedByFamilyBenchmarkParamsThenMode() {
        TreeSet<Setting> groups = new TreeSet<>(List.of(
                new Setting("io", "A", "", Mode.THROUGHPUT),
                new Setting("cpu", "B", "k=16", Mode.THROUGHPUT),
                new Setting("cpu", "B", "k=1", Mode.AVERAGE_TIME),
                new Setting("cpu", "B", "k=1", Mode.THROUGHPUT)));
        assertEquals(List.of("cpu · B [k=1]", "cpu · B [k=1] (avgt)", "cpu · B [k=16]", "io · A"),
                groups.stream().map(Groups::title).toList());
    }
}
