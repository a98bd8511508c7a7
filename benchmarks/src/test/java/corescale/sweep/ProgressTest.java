package corescale.sweep;

import corescale.stats.model.Mode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The time left: the plan's, at the pace of the points after the first place (whose one-time costs would mislead). */
class ProgressTest {

    private static Point point(String variant, String benchmark) {
        return new Point(benchmark, new TreeMap<>(Map.of("variant", variant)), 1, 1, Mode.THROUGHPUT);
    }

    private final Point cheap1 = point("a", "b.Cheap.m");
    private final Point cheap2 = point("b", "b.Cheap.m");
    private final Point cheap3 = point("c", "b.Cheap.m");
    private final Point dear = point("d", "b.Dear.m");
    /** The plan: 10 s a cheap point, 40 s the dear one. */
    private final List<Point> points = List.of(cheap1, cheap2, cheap3, dear);

    private long now;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Progress progress = new Progress(new PrintStream(console, true, StandardCharsets.UTF_8), false, points,
            Duration.ofSeconds(75), p -> Duration.ofSeconds(p == dear ? 40 : 10).toNanos(), () -> now);

    /** A place of one point, done at {@code second}. */
    private void finishAt(Point p, int second) {
        now = Duration.ofSeconds(second).toNanos();
        progress.placeStarting(1);
        progress.finished(p, "ok");
    }

    @Test
    void thePointsOfTheFirstPlaceAllCarryItsOneTimeCosts() {
        now = Duration.ofSeconds(45).toNanos();
        progress.placeStarting(3);
        for (Point p : List.of(cheap1, cheap2, cheap3)) {
            progress.finished(p, "ok"); // measured in rounds, done together
        }
        assertEquals(Duration.ofSeconds(40), progress.left(), "the plan for the rest, not a pace from points done at once");
        finishAt(dear, 125);
        assertEquals(Duration.ZERO, progress.left());
    }

    @Test
    void theFirstPointsOneTimeCostsDoNotSetThePace() {
        assertEquals(Duration.ofSeconds(75), progress.left(), "before any point: the plan, with the run's one-time costs");
        finishAt(cheap1, 25); // 15 s of start-up beside its 10 s
        assertEquals(Duration.ofSeconds(60), progress.left(), "after the first: the plan for the rest");
        finishAt(cheap2, 35);
        assertEquals(Duration.ofSeconds(50), progress.left(), "at the plan's pace: 10 + 40 s");
        finishAt(cheap3, 65); // 40 s for the 20 s planned since the first point: half the pace
        assertEquals(Duration.ofSeconds(80), progress.left(), "at half the plan's pace: 40 s planned take 80");
        String third = console.toString(StandardCharsets.UTF_8).lines().toList().get(2);
        assertEquals("[3/4] " + cheap3.label() + ": ok | elapsed 1m05s | left ~1m20s", third);
        finishAt(dear, 145);
        assertEquals(Duration.ZERO, progress.left());
    }

    /**
     * A place's points finish one after another in its last round: the pace is that of whole places, so the
     * first point of the second place, done 30 s into that place's rounds, does not make the rest look 4 times as long.
     */
    @Test
    void thePaceIsTakenFromWholePlaces() {
        finishAt(cheap1, 20);
        progress.placeStarting(2);
        now = Duration.ofSeconds(50).toNanos();
        progress.finished(cheap2, "ok");
        assertEquals(Duration.ofSeconds(50), progress.left(), "the plan's pace until a place after the first is whole");
        now = Duration.ofSeconds(52).toNanos();
        progress.finished(cheap3, "ok");
        assertEquals(Duration.ofSeconds(64), progress.left(), "32 s for the 20 s planned: 40 s planned take 64");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("[3/4] " + cheap3.label() + ": ok | elapsed 52s | left ~1m04s"),
                "the line of a place's last point has its pace");
        now = Duration.ofSeconds(80).toNanos();
        assertEquals(Duration.ofSeconds(64), progress.left(), "while the next place runs, the pace of the places done");
    }
}
