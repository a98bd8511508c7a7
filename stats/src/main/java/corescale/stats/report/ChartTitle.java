package corescale.stats.report;

/**
 * What a chart shows and of which group, e.g. "throughput vs cores" of "counters · Counters.increment
 * [work=0]". The report's alt text reads group first ({@link #text()}); the picture puts what it
 * shows first and leaves out the family ({@link #onChart()}), so that a long title loses its end.
 *
 * @param group   the group drawn
 * @param variant the one variant drawn, when a chart is split per variant; empty otherwise
 * @param what    what the chart shows, lower case
 */
record ChartTitle(Group group, String variant, String what) {

    /** Longest title that fits the chart's width. */
    static final int MAX_ON_CHART = 90;

    ChartTitle(Group group, String what) {
        this(group, "", what);
    }

    /** "family · benchmark [params] · variant: what". */
    String text() {
        return group.title() + suffix() + ": " + what;
    }

    /** "What: benchmark [params] · variant", at most {@value #MAX_ON_CHART} characters. */
    String onChart() {
        return shorten(Character.toUpperCase(what.charAt(0)) + what.substring(1) + ": " + group.subject() + suffix(),
                MAX_ON_CHART);
    }

    private String suffix() {
        return variant.isEmpty() ? "" : " · " + variant;
    }

    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
