package corescale.stats.summary;

import corescale.stats.Synthetic;
import corescale.stats.load.Format;
import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lost and unguarded updates summed per point, from rows that report either, both or neither. */
class LostUpdatesTest {

    private static final PointKey A = new PointKey("counters", "Counters.increment", "semaphorePermits", "", 2, 2, Mode.THROUGHPUT);
    private static final PointKey B = A.withVariant("atomicLong");
    private static final PointKey C = A.withVariant("synchronized");

    private static Measurement row(PointKey key, int iteration, Double lost, Double unguarded) {
        Map<String, Double> secondary = new HashMap<>();
        if (lost != null) {
            secondary.put(LostUpdates.METRIC, lost);
        }
        if (unguarded != null) {
            secondary.put(LostUpdates.UNGUARDED, unguarded);
        }
        return new Measurement(Synthetic.RUN, key, "ops/us", 1, iteration, 100, secondary);
    }

    @Test
    void eachPointSumsItsLossesCountsTheIterationsThatLostAndThoseThatReported() {
        List<Measurement> rows = List.of(
                row(A, 1, 0.0, null), row(A, 2, 5.0, null), row(A, 3, Double.NaN, null), // NaN: not reported
                row(B, 1, null, 3.0), row(B, 2, null, 4.0),                               // unguarded only
                row(C, 1, null, null),                                                    // neither: no row
                row(A, 4, 2.0, 1.0));                                                     // A again, later
        List<LostUpdates> out = LostUpdates.of(List.of(new LoadedInput(Path.of("r.csv"), Format.RESULTS_CSV, rows, List.of())));
        assertEquals(List.of(new LostUpdates(B, 0, 0, 0, 7), new LostUpdates(A, 7, 2, 3, 1)), out, "in point order");
    }
}
