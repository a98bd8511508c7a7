package corescale.sweep;

import corescale.stats.run.PointsFile.Stop;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import corescale.stats.run.PointsFile;

import org.junit.jupiter.api.Test;

/**
 * The sweep's progress line says what the report will: the target as the interval of a point stopped at it;
 * its points.csv numbers are CsvNumbers' (plain decimals, measured times as measured).
 */
class PointLinesTest {

    @Test
    void aPointStoppedAtItsTargetShowsTheTargetBesideItsForksOwnInterval() throws Exception {
        PointForks p = PrecisionLoopTest.point(List.of(PrecisionLoopTest.PLAIN));
        PrecisionLoop loop = PrecisionLoopTest.loop(PrecisionLoopTest.profile(3, 10, 0.03, Duration.ofMinutes(5)));
        PrecisionLoop.ForkSource forks = PrecisionLoopTest.source(new ArrayList<>(), PrecisionLoopTest.FORKS_AGREE);
        loop.first(List.of(p), 3, forks, PrecisionLoopTest.NOTHING);
        // Fork means 100, 101, 99: 4.303 / sqrt(3) = 2.5%, open.
        String open = PointLines.progress(p, 0.03);
        assertTrue(open.endsWith(" ±2.5%, 3 fork(s), more may follow"), open);
        loop.more(loop.next(List.of(p), 1e9).orElseThrow(), forks, PrecisionLoopTest.NOTHING);
        assertEquals(Stop.TARGET_MET, p.stop());
        // Fork means 100, 101, 99, 100, 101: 2.776 * 0.837 / sqrt(5) = 1.0% of 100.2.
        String stopped = PointLines.progress(p, 0.03);
        assertTrue(stopped.endsWith(" ±3.0% (the target; forks ±1.0%), 5 fork(s), target met"), stopped);
    }

    @Test
    void pointsCsvNumbersAreCsvNumbersNotJavasDoubleTextNorRounded() {
        PointForks p = PrecisionLoopTest.point(List.of(PrecisionLoopTest.PLAIN));
        ForkResult.Load load = new ForkResult.Load(1, 80, 7); // 1.25% steal
        for (double[] scores : PrecisionLoopTest.FORKS_AGREE) {
            p.add(PrecisionLoopTest.PLAIN, List.of(new ForkResult(List.of(), scores, 0.25, List.of(0), load)));
        }
        p.addSeconds(12.345678);
        Profile profile = PrecisionLoopTest.profile(3, 10, 0.0005, Duration.ofMinutes(5));
        Map<String, Object> line = PointLines.csv(p, profile, List.of(0)).get(0);
        assertEquals("0.0005", line.get(PointsFile.Column.TARGET.header), "not Java's 5.0E-4");
        assertEquals("12.345678", line.get(PointsFile.Column.SECONDS.header), "as measured, not to a tenth");
        assertEquals("0.75", line.get(PointsFile.Column.MEASURE_SECONDS.header), "not 0.8");
        assertEquals("1.25", line.get(PointsFile.Column.STEAL_PCT.header));

        PointForks noSteal = PrecisionLoopTest.point(List.of(PrecisionLoopTest.PLAIN));
        noSteal.add(PrecisionLoopTest.PLAIN, List.of(new ForkResult(List.of(), new double[] {1, 1, 1}, 0, List.of(0),
                new ForkResult.Load(0, 80, 0))));
        Map<String, Object> none = PointLines.csv(noSteal, profile, List.of(0)).get(0);
        assertEquals("0", none.get(PointsFile.Column.STEAL_PCT.header), "0% steal, not 0.00");
        assertEquals("0", none.get(PointsFile.Column.SECONDS.header));
    }
}
