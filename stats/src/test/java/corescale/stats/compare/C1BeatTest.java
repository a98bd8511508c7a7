package corescale.stats.compare;

import corescale.stats.Synthetic;
import corescale.stats.model.Mode;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.report.CompareFindings;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which points a C1-only configuration won against a C2 one, on two synthetic configurations of one
 * run compared as {@code compare RUN} does (forks paired by round): at one point C1 is 30% faster,
 * at one they tie, at one C1 is 30% slower.
 */
class C1BeatTest {

    private static final PointKey WINS = Synthetic.key("atomicLong", 1, 1);
    private static final PointKey TIES = Synthetic.key("longAdder", 1, 1);
    private static final PointKey LOSES = Synthetic.key("lock", 1, 1);
    private static final double[] C2 = {100, 102, 99, 101, 100};
    private static final String C1_OPTIONS = "-Xmx1g -XX:TieredStopAtLevel=1";

    /** A configuration whose forks are C2's times {@code factor} at each point, by round. */
    private static RunData config(String name, double wins, double ties, double loses) {
        return Synthetic.runData(name, List.of(summary(name, WINS, wins), summary(name, TIES, ties),
                summary(name, LOSES, loses)), Set.of(Synthetic.RUN));
    }

    private static PointSummary summary(String config, PointKey key, double factor) {
        double[] means = new double[C2.length];
        for (int f = 0; f < C2.length; f++) {
            // A little noise of each configuration's own per round (±0.5%), so that the pairs have spread.
            means[f] = C2[f] * factor * (1 + 0.005 * Math.sin(2.1 * f + config.hashCode()));
        }
        return Synthetic.summary(key, Mode.THROUGHPUT, means);
    }

    private static CompareResult compare(RunData base, RunData other) {
        return new Comparer(0.05).comparePaired(base, other);
    }

    @Test
    void aC1ConfigurationFasterThanC2IsNamedAtThePointsItWonOnly() {
        CompareResult r = compare(config("c2", 1, 1, 1), config("c1", 1.3, 1, 0.7));
        assertEquals(Verdict.FASTER, verdict(r, WINS));
        assertEquals(Verdict.SAME, verdict(r, TIES));
        assertEquals(Verdict.SLOWER, verdict(r, LOSES));

        C1Beat b = C1Beat.of(r, List.of(""), List.of(C1_OPTIONS)).orElseThrow();
        assertEquals("c1", b.c1());
        assertEquals("c2", b.c2());
        assertEquals("-XX:TieredStopAtLevel=1", b.option());
        assertEquals(List.of(WINS), b.points().stream().map(C1Beat.Win::key).toList());
        assertEquals(1.3, b.points().get(0).times(), 0.01);

        List<String> findings = CompareFindings.of(r, Optional.of(b));
        String line = findings.get(findings.size() - 1);
        assertTrue(line.startsWith("C1 (-XX:TieredStopAtLevel=1, c1) beat C2 (c2) at " + WINS.label() + " (×1.3"), line);
        assertTrue(line.endsWith("not a faster compiler — check the benchmark's compiled code"), line);
        assertFalse(line.contains(TIES.label()) || line.contains(LOSES.label()), line);
    }

    @Test
    void aC1BaseThatWinsIsNamedToo() {
        // The same run with C1 as the base: C2 slower at the point C1 won.
        CompareResult r = compare(config("c1", 1.3, 1, 0.7), config("c2", 1, 1, 1));
        C1Beat b = C1Beat.of(r, List.of(C1_OPTIONS), List.of("")).orElseThrow();
        assertEquals("c1", b.c1());
        assertEquals(List.of(WINS), b.points().stream().map(C1Beat.Win::key).toList());
        assertEquals(1.3, b.points().get(0).times(), 0.01);
    }

    @Test
    void noLineWhenC1TiesOrLoses() {
        CompareResult r = compare(config("c2", 1, 1, 1), config("c1", 1, 1, 0.7));
        assertEquals(Optional.empty(), C1Beat.of(r, List.of(""), List.of(C1_OPTIONS)));
        assertEquals(CompareFindings.of(r), CompareFindings.of(r, C1Beat.of(r, List.of(""), List.of(C1_OPTIONS))));
    }

    @Test
    void noLineUnlessOneSideIsC1OnlyAndTheOtherC2() {
        CompareResult r = compare(config("a", 1, 1, 1), config("b", 1.3, 1, 0.7));
        assertEquals(Optional.empty(), C1Beat.of(r, List.of(""), List.of("-Xmx1g")), "both on C2");
        assertEquals(Optional.empty(), C1Beat.of(r, List.of("-XX:TieredStopAtLevel=1"), List.of(C1_OPTIONS)), "both on C1");
        assertEquals(Optional.empty(), C1Beat.of(r, List.of("-Xint"), List.of(C1_OPTIONS)), "the interpreter is not C2");
        // The JVM takes the last value: stopped at 1, then let through to 4, is C2.
        assertEquals(Optional.empty(), C1Beat.of(r, List.of(""), List.of("-XX:TieredStopAtLevel=1 -XX:TieredStopAtLevel=4")));
        // A side of two runs is C1-only when both are.
        assertEquals(Optional.empty(), C1Beat.of(r, List.of(""), List.of(C1_OPTIONS, "")));
        assertTrue(C1Beat.of(r, List.of(""), List.of(C1_OPTIONS, "-XX:TieredStopAtLevel=3")).isPresent());
    }

    private static Verdict verdict(CompareResult r, PointKey key) {
        return r.points().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow().verdict();
    }

    /** TieredStopAtLevel=4 is the JVM's default, full tiering with C2: such a side is a C2 side. */
    @Test
    void anExplicitLevelFourIsC2() {
        CompareResult r = compare(config("c2", 1, 1, 1), config("c1", 1.3, 1, 0.7));
        assertTrue(C1Beat.of(r, List.of("-XX:TieredStopAtLevel=4"), List.of(C1_OPTIONS)).isPresent());
    }
}
