package corescale.stats.summary;

import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Units;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ratios and intervals seen as throughput, on edge cases without an interval. */
class ThroughputTest {

    private static final PointKey KEY = Synthetic.key("lock", 2, 2);

    @Test
    void aSideWithOneForkGivesAOneForkRatio() {
        Ratio r = Throughput.ratio(Synthetic.summary(KEY, Mode.THROUGHPUT, 10), Synthetic.summary(KEY, Mode.THROUGHPUT, 8, 9));
        assertEquals(Ratio.ONE_FORK, r.method());
    }

    @Test
    void aZeroForkMeanGivesARatioWithoutInterval() {
        // log 0 is no number: Welch on logs declines, the ratio 10 / 8.5 stays, without interval
        Ratio r = Throughput.ratio(Synthetic.summary(KEY, Mode.THROUGHPUT, 10, 10.5), Synthetic.summary(KEY, Mode.THROUGHPUT, 0, 17));
        assertEquals("none", r.method());
    }

    @Test
    void aTimeIntervalEndAtZeroHasNoThroughput() {
        // ends 0 and 2 us/op at 2 threads: 2 / 2 = 1 op/us, and 2 / 0 is no throughput
        PointSummary s = new PointSummary(KEY.withMode(Mode.AVERAGE_TIME), Units.canonical(Mode.AVERAGE_TIME), 3, 30, 1, 0, 2,
                Double.NaN, false, new double[] {0.5, 1, 1.5}, List.of());
        assertTrue(Double.isNaN(Throughput.ci(s).high()));
    }
}
