package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.Synthetic;
import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadsVsProcessesTableTest {

    private static final String WORK = "workInside=0;workOutside=0";

    private static List<PointSummary> pair(Mode mode, double threads, double processes) {
        return List.of(
                Synthetic.summary(new PointKey("counters", "Counters.increment", "reentrantLock", WORK, 2, 2, mode), mode,
                        threads, threads * 1.01, threads * 0.99),
                Synthetic.summary(new PointKey("processcounters", "ProcessCounters.increment", "fileLock",
                        "processesPerCore=1;" + WORK, 2, 1, mode), mode, processes, processes * 1.01, processes * 0.99));
    }

    @Test
    void oneUnitIsNamedInTheHeadersAndTwoInTheCells() {
        List<PointSummary> points = new java.util.ArrayList<>(pair(Mode.THROUGHPUT, 10, 2));
        Doc one = new Doc("t", "t");
        ThreadsVsProcessesTable.section(one, ThreadsVsProcesses.of(points, List.of()));
        points.addAll(pair(Mode.AVERAGE_TIME, 0.4, 2));
        Doc two = new Doc("t", "t");
        ThreadsVsProcessesTable.section(two, ThreadsVsProcesses.of(points, List.of()));

        String md1 = MarkdownReport.render(one);
        String md2 = MarkdownReport.render(two);
        assertTrue(md1.contains("| threads (ops/us) |") && md1.contains("| 10 ±2.5% |"), md1);
        assertTrue(md2.contains("| threads |") && md2.contains("| 10 ops/us ±2.5% |") && md2.contains("| 0.4 us/op ±2.5% |"), md2);
    }

    @Test
    void aRowOfATimeModeShowsItsModeAndTimePerOperation() {
        List<PointSummary> points = new java.util.ArrayList<>(pair(Mode.THROUGHPUT, 10, 2));
        points.addAll(pair(Mode.AVERAGE_TIME, 0.4, 2));
        List<ThreadsVsProcesses.Row> rows = ThreadsVsProcesses.of(points, List.of());

        List<String> thrpt = ThreadsVsProcessesTable.cells(rows.get(0), true);
        List<String> avgt = ThreadsVsProcessesTable.cells(rows.get(1), true);

        assertEquals(List.of("2 on 2c", "10 ops/us ±2.5%", "2 ops/us ±2.5%"), List.of(thrpt.get(2), thrpt.get(4), thrpt.get(6)));
        assertEquals(List.of("2 on 2c (avgt)", "0.4 us/op ±2.5%", "2 us/op ±2.5%"), List.of(avgt.get(2), avgt.get(4), avgt.get(6)));
    }
}
