package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                mean, mean * 0.95, mean * 1.05, 0.05, false, forkMeans, "");
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
                new LostUpdates(points.get(3).key(), 100, 3, 3),
                new LostUpdates(points.get(6).key(), 7, 1, 3));

        List<List<String>> rows = ThreadsVsProcesses.rows(points, lost);

        assertEquals(3, rows.size(), rows.toString());
        List<String> twoOnTwo = rows.get(0);
        assertEquals(List.of("lock", "workInside=0;workOutside=0", "2 on 2c", "reentrantLock"), twoOnTwo.subList(0, 4));
        assertEquals("fileLock", twoOnTwo.get(5));
        assertTrue(twoOnTwo.get(7).startsWith("0.1 ["), twoOnTwo.get(7)); // 1 / 10, with an interval
        assertEquals("", twoOnTwo.get(8));
        assertEquals("4 on 2c", rows.get(1).get(2));
        assertTrue(rows.get(1).get(7).startsWith("0.25 ["), rows.get(1).get(7)); // 2 / 8
        List<String> permits = rows.get(2);
        assertEquals(List.of("semaphore, a permit each", "semaphorePermits", "posixSemaphorePermits", "both lose updates"),
                List.of(permits.get(0), permits.get(3), permits.get(5), permits.get(8)));
    }

    @Test
    void noSectionWithoutBothFamilies() {
        Doc doc = new Doc("t", "report");
        ThreadsVsProcesses.section(doc, List.of(point("counters", "reentrantLock", "workInside=0", 1, 1, 1, 1, 1)), List.of());
        assertTrue(doc.blocks.isEmpty());
    }
}
