package corescale.stats.contention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.LostUpdates;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadsVsProcessesTest {

    private static PointSummary point(String family, String variant, String params, int cores, int threads, double... forkMeans) {
        double mean = Arrays.stream(forkMeans).average().orElseThrow();
        return new PointSummary(new PointKey(family, family.equals("counters") ? "Counters.increment" : "ProcessCounters.increment",
                variant, params, cores, threads, Mode.THROUGHPUT).withMode(Mode.THROUGHPUT), "ops/us", forkMeans.length, forkMeans.length * 3,
                mean, mean * 0.95, mean * 1.05, 0.05, false, forkMeans, List.of());
    }

    @Test
    void pairsEachProcessPointWithTheThreadPointOfAsManyThreadsAndSameWork() {
        List<PointSummary> points = List.of(
                point("counters", "reentrantLock", "workInside=0;workOutside=0", 2, 2, 10, 11, 9),
                point("counters", "reentrantLock", "workInside=0;workOutside=0", 2, 4, 8, 8.5, 7.5),
                point("counters", "reentrantLock", "workInside=0;workOutside=500", 2, 2, 3, 3, 3),
                point("counters", "semaphorePermits", "workInside=0;workOutside=0", 2, 2, 20, 20, 20),
                point("processcounters", "fileLock", "processesPerCore=1;workInside=0;workOutside=0", 2, 1, 1, 1.1, 0.9),
                point("processcounters", "fileLock", "processesPerCore=2;workInside=0;workOutside=0", 2, 1, 2, 2.1, 1.9),
                point("processcounters", "posixSemaphorePermits", "processesPerCore=1;workInside=0;workOutside=0", 2, 1, 5, 5, 5),
                // no counters point at 8 threads on 2 cores: no row
                point("processcounters", "fileLock", "processesPerCore=4;workInside=0;workOutside=0", 2, 1, 1, 1, 1));
        List<LostUpdates> lost = List.of(
                new LostUpdates(points.get(3).key(), 100, 3, 3, 0),
                new LostUpdates(points.get(6).key(), 7, 1, 3, 0));

        List<ThreadsVsProcesses.Row> rows = ThreadsVsProcesses.of(points, lost);

        assertEquals(3, rows.size(), rows.toString());
        ThreadsVsProcesses.Row twoOnTwo = rows.get(0);
        assertEquals(List.of(ThreadsVsProcesses.Guard.LOCK, "workInside=0;workOutside=0", "reentrantLock", "fileLock"),
                List.of(twoOnTwo.guard(), twoOnTwo.params(), twoOnTwo.threads().key().variant(), twoOnTwo.processes().key().variant()));
        assertEquals(2, twoOnTwo.threads().key().threads());
        assertEquals(0.1, twoOnTwo.ratio().value(), 1e-12); // 1 / 10
        assertTrue(twoOnTwo.ratio().low() < 0.1 && twoOnTwo.ratio().high() > 0.1, "with an interval: " + twoOnTwo.ratio());
        assertTrue(!twoOnTwo.threadsLose() && !twoOnTwo.processesLose());
        assertEquals(4, rows.get(1).threads().key().threads(), "2 processes per core on 2 cores: the 4-thread point");
        assertEquals(0.25, rows.get(1).ratio().value(), 1e-12); // 2 / 8
        ThreadsVsProcesses.Row permits = rows.get(2);
        assertEquals(List.of(ThreadsVsProcesses.Guard.SEMAPHORE_PERMIT_EACH, "semaphorePermits", "posixSemaphorePermits"),
                List.of(permits.guard(), permits.threads().key().variant(), permits.processes().key().variant()));
        assertTrue(permits.threadsLose() && permits.processesLose(), "both lose updates");
        assertTrue(Double.isNaN(permits.ratio().low()), "fork means without spread give no interval: " + permits.ratio());
    }

    /**
     * With {@code -bm thrpt,avgt} every point comes in both modes: each mode keeps its own row, its
     * counters point and processcounters point of that mode (throughputs 10 and 2 in thrpt; 2 threads at
     * 0.4 us/op and 1 process at 2 us/op in avgt, 5 and 0.5 ops/us).
     */
    @Test
    void aPointInTwoModesIsPairedWithinEachMode() {
        String work = "workInside=0;workOutside=0";
        List<PointSummary> points = List.of(
                Synthetic.summary(new PointKey("counters", "Counters.increment", "reentrantLock", work, 2, 2, Mode.THROUGHPUT),
                        Mode.THROUGHPUT, 10, 10.1, 9.9),
                Synthetic.summary(new PointKey("counters", "Counters.increment", "reentrantLock", work, 2, 2, Mode.AVERAGE_TIME),
                        Mode.AVERAGE_TIME, 0.4, 0.41, 0.39),
                Synthetic.summary(new PointKey("processcounters", "ProcessCounters.increment", "fileLock",
                        "processesPerCore=1;" + work, 2, 1, Mode.THROUGHPUT), Mode.THROUGHPUT, 2, 2.1, 1.9),
                Synthetic.summary(new PointKey("processcounters", "ProcessCounters.increment", "fileLock",
                        "processesPerCore=1;" + work, 2, 1, Mode.AVERAGE_TIME), Mode.AVERAGE_TIME, 2, 2.1, 1.9));

        List<ThreadsVsProcesses.Row> rows = ThreadsVsProcesses.of(points, List.of());

        assertEquals(List.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME), rows.stream().map(r -> r.threads().mode()).toList(), rows.toString());
        assertEquals(List.of(Mode.THROUGHPUT, Mode.AVERAGE_TIME), rows.stream().map(r -> r.processes().mode()).toList());
        assertEquals(0.2, rows.get(0).ratio().value(), 1e-9); // 2 / 10
        assertEquals(0.1, rows.get(1).ratio().value(), 1e-9); // 0.5 / 5
        assertTrue(rows.stream().allMatch(r -> r.params().equals(work) && r.threads().key().threads() == 2), rows.toString());
    }

    @Test
    void noRowsWithoutBothFamilies() {
        assertEquals(List.of(), ThreadsVsProcesses.of(List.of(point("counters", "reentrantLock", "workInside=0", 1, 1, 1, 1, 1)), List.of()));
    }
}
