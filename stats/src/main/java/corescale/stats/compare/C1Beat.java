package corescale.stats.compare;

import corescale.stats.model.PointKey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points of a comparison at which a side compiled by C1 only ({@code -XX:TieredStopAtLevel=1},
 * 2 or 3: C2 never runs) was significantly faster (verdict faster or slower, as oriented) than a side
 * on C2 (no such option). C2's code is better than C1's nearly everywhere, so such a point nearly
 * always measures the harness or a JIT mode, not the compilers: in issue 31 C2's tight loop put a
 * per-operation store right before each {@code lock add}, which had to wait for it to drain.
 *
 * @param c1     the C1-only side, as the comparison names it
 * @param option the option that stopped it at C1, as given
 * @param c2     the C2 side
 * @param points the points, each with how many times as fast C1 was there
 */
public record C1Beat(String c1, String option, String c2, List<Win> points) {

    private static final Pattern STOP_AT = Pattern.compile("-XX:TieredStopAtLevel=(\\d+)");

    public C1Beat {
        points = List.copyOf(points);
    }

    /** One point C1 won: {@code times} is its speed over C2's (above 1). */
    public record Win(PointKey key, double times) {
    }

    /**
     * The points of {@code r} that a C1-only side won against a C2 one, if one side is each and
     * there are any.
     *
     * @param baseOptions  the JVM options of the base side's forks, one string per run or configuration
     * @param otherOptions the same for the other side
     */
    public static Optional<C1Beat> of(CompareResult r, Collection<String> baseOptions, Collection<String> otherOptions) {
        Optional<String> baseC1 = c1Option(baseOptions);
        Optional<String> otherC1 = c1Option(otherOptions);
        boolean otherIsC1 = otherC1.isPresent() && onC2(baseOptions);
        boolean baseIsC1 = baseC1.isPresent() && onC2(otherOptions);
        if (!otherIsC1 && !baseIsC1) {
            return Optional.empty();
        }
        // The ratio is above 1 when the other side is faster, in either mode.
        Verdict c1Won = otherIsC1 ? Verdict.FASTER : Verdict.SLOWER;
        List<Win> wins = new ArrayList<>();
        for (PointComparison p : r.points()) {
            if (p.verdict() == c1Won) {
                wins.add(new Win(p.key(), otherIsC1 ? p.ratio().value() : 1 / p.ratio().value()));
            }
        }
        if (wins.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(otherIsC1 ? new C1Beat(r.other(), otherC1.get(), r.base(), wins)
                : new C1Beat(r.base(), baseC1.get(), r.other(), wins));
    }

    /** The option that stops every one of these option strings at C1 (its last {@code TieredStopAtLevel} 1-3), if any. */
    static Optional<String> c1Option(Collection<String> options) {
        List<Integer> levels = levels(options);
        if (levels.isEmpty() || levels.size() < options.size() || levels.stream().anyMatch(l -> l < 1 || l > 3)) {
            return Optional.empty();
        }
        return Optional.of("-XX:TieredStopAtLevel=" + levels.get(0));
    }

    /** Whether C2 compiles under all these option strings: no {@code TieredStopAtLevel} below 4, no {@code -Xint}. */
    static boolean onC2(Collection<String> options) {
        return levels(options).stream().allMatch(l -> l >= 4)
                && options.stream().noneMatch(o -> List.of(o.trim().split("\\s+")).contains("-Xint"));
    }

    /** The last {@code TieredStopAtLevel} of each option string that has one (the JVM takes the last). */
    private static List<Integer> levels(Collection<String> options) {
        List<Integer> out = new ArrayList<>();
        for (String o : options) {
            Matcher m = STOP_AT.matcher(o);
            Integer last = null;
            while (m.find()) {
                last = Integer.parseInt(m.group(1));
            }
            if (last != null) {
                out.add(last);
            }
        }
        return out;
    }
}
