package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sweep's progress line says what the report will: the target as the interval of a point stopped at it. */
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
        assertEquals(PrecisionLoop.Stop.TARGET_MET, p.stop());
        // Fork means 100, 101, 99, 100, 101: 2.776 * 0.837 / sqrt(5) = 1.0% of 100.2.
        String stopped = PointLines.progress(p, 0.03);
        assertTrue(stopped.endsWith(" ±3.0% (the target; forks ±1.0%), 5 fork(s), target met"), stopped);
    }
}
