package corescale.stats.report;

import corescale.stats.model.Setting;

import java.util.ArrayList;
import java.util.List;

/**
 * What a chart shows and of which group, e.g. "throughput vs cores" of "counters · Counters.increment
 * [work=0]". The report's alt text reads group first ({@link #text()}); the picture puts what it
 * shows first and leaves out the family ({@link #onChartLines()}), wrapped rather than cut.
 *
 * @param group   the group drawn
 * @param variant the one variant drawn, when a chart is split per variant; empty otherwise
 * @param what    what the chart shows, lower case
 */
record ChartTitle(Setting group, String variant, String what) {

    /** Longest line that fits the chart's width. */
    static final int MAX_ON_CHART = 90;

    ChartTitle(Setting group, String what) {
        this(group, "", what);
    }

    /** "family · benchmark [params] · variant: what". */
    String text() {
        return Groups.title(group) + suffix() + ": " + what;
    }

    /**
     * "What: benchmark [params] (mode) · variant" on one line when it fits in {@value #MAX_ON_CHART}
     * characters; else "What: benchmark (mode) · variant" and the params below it, as many per line
     * as fit, so that nothing is cut off (a longer part than a line is split).
     */
    List<String> onChartLines() {
        String what = Character.toUpperCase(this.what.charAt(0)) + this.what.substring(1) + ": ";
        String one = what + Groups.subject(group) + suffix();
        if (one.length() <= MAX_ON_CHART || group.params().isEmpty()) {
            return split(one);
        }
        List<String> lines = new ArrayList<>(split(what + group.benchmark() + Fmt.modeSuffix(group.mode()) + suffix()));
        StringBuilder line = new StringBuilder();
        for (String param : group.params().split(";")) {
            if (line.length() > 0 && line.length() + 2 + param.length() > MAX_ON_CHART) {
                lines.addAll(split(line.toString()));
                line.setLength(0);
            }
            line.append(line.length() > 0 ? "; " : "").append(param);
        }
        lines.addAll(split(line.toString()));
        return List.copyOf(lines);
    }

    private String suffix() {
        return variant.isEmpty() ? "" : " · " + variant;
    }

    /** {@code s} in pieces of at most {@value #MAX_ON_CHART} characters. */
    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i += MAX_ON_CHART) {
            out.add(s.substring(i, Math.min(s.length(), i + MAX_ON_CHART)));
        }
        return out;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
