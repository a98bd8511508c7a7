package corescale.stats.contention;

import corescale.stats.bounds.Bounds;
import corescale.stats.ranking.Eligibility;
import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointSummary;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContentionTest {

    @Test
    void ratiosAgainstOneThreadAndBestVariant() {
        PointSummary lock1 = Synthetic.summary(Synthetic.key("lock", 4, 1), Mode.THROUGHPUT, 10, 10.2, 9.8);
        PointSummary lock4 = Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.THROUGHPUT, 5, 5.1, 4.9);
        PointSummary adder4 = Synthetic.summary(Synthetic.key("adder", 4, 4), Mode.THROUGHPUT, 40, 40.4, 39.6);
        List<ContentionRow> rows = analyse(List.of(lock1, lock4, adder4));
        ContentionRow lock = rows.stream().filter(r -> r.key().equals(lock4.key())).findFirst().orElseThrow();
        assertEquals(0.5, lock.vsOneThread().value(), 1e-12);
        assertTrue(lock.vsOneThread().low() < 0.5 && lock.vsOneThread().high() > 0.5);
        assertEquals(4, lock.baselineCores());
        assertEquals("adder", lock.bestVariant());
        assertEquals(0.125, lock.vsBest().value(), 1e-12);
        ContentionRow adder = rows.stream().filter(r -> r.key().equals(adder4.key())).findFirst().orElseThrow();
        assertEquals(1.0, adder.vsBest().value());
        assertTrue(Double.isNaN(adder.vsOneThread().value()), "adder has no 1-thread point");
        assertEquals(-1, adder.baselineCores());
        assertNull(adder.notRanked());
    }

    @Test
    void timeModesAreTurnedIntoThroughput() {
        // 1 thread at 2 us/op = 0.5 ops/us; 4 threads at 4 us/op each = 1 ops/us: ratio 2.
        PointSummary t1 = Synthetic.summary(Synthetic.key("lock", 4, 1), Mode.AVERAGE_TIME, 2, 2);
        PointSummary t4 = Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.AVERAGE_TIME, 4, 4);
        ContentionRow r = analyse(List.of(t1, t4)).get(1);
        assertEquals(2.0, r.vsOneThread().value(), 1e-12);
        assertEquals(1.0, r.throughput(), 1e-12);
    }

    @Test
    void timeModeRatiosUseTheTablesConversionThreadsOverMeanTime() {
        // Fork means 1 and 3 us/op: the table's throughput is 4 threads / mean 2 us = 2 ops/us, whereas the
        // mean of converted fork means would be (4 + 4/3)/2 = 2.667. The ratio must be of the table's numbers.
        PointSummary t1 = Synthetic.summary(Synthetic.key("lock", 4, 1), Mode.AVERAGE_TIME, 1, 1);
        PointSummary t4 = Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.AVERAGE_TIME, 1, 3);
        ContentionRow r = analyse(List.of(t1, t4)).get(1);
        assertEquals(2.0, r.throughput(), 1e-12);
        assertEquals(2.0, r.vsOneThread().value(), 1e-12); // 2 ops/us over 1 ops/us
        assertTrue(r.vsOneThread().low() < 2.0 && r.vsOneThread().high() > 2.0, r.vsOneThread().toString());
    }

    @Test
    void avgtAndSampleOfOneVariantAreNotEachOthersBest() {
        // -bm all: the same variant in two time modes competes only with other variants in its own mode.
        PointSummary avgt = Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.AVERAGE_TIME, 4, 4);
        PointSummary sample = Synthetic.summary(Synthetic.key("lock", 4, 4), Mode.SAMPLE_TIME, 2, 2);
        List<ContentionRow> rows = analyse(List.of(avgt, sample));
        assertEquals(2, rows.size());
        rows.forEach(r -> assertEquals(1.0, r.vsBest().value(), 1e-12, r.toString()));
    }

    /** Contention of points that all may be ranked (no correctness metrics read). */
    private static List<ContentionRow> analyse(List<PointSummary> points) {
        return new Contention().analyse(points, Eligibility.of(points, List.of(), Bounds.NONE));
    }
}
