package corescale.sweep;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * Shows how far a sweep is: points done of total, the current point, elapsed time and the time
 * left: the plan's time for the points left, at the pace of the places measured since the first place.
 * The first place is left out of the pace, as it carries the run's one-time costs (the canary, the
 * class-sharing archive): counted in, its first point made a quick run of 6 minutes say "left ~17m".
 * A place's points are measured in rounds together and finish one after another in the last round, so
 * the pace is taken only when a place is done ({@link #placeStarting}): taken at each point, the first point
 * of a place, alone against the whole place's rounds, made a quick run say "left ~23m", then "~6m"
 * eight seconds later.
 * On a terminal it is one line rewritten in place; elsewhere (CI logs) a plain line per point.
 */
public final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final LongSupplier clock;
    private final long start;
    private final Duration firstEstimate;
    /** The plan's time of one point, in nanoseconds. */
    private final ToLongFunction<Point> planned;
    private long plannedLeft;
    /** Elapsed nanoseconds when the first place was done: the pace is measured from there. */
    private long elapsedAtFirst;
    /** Elapsed nanoseconds when the last place was done: the pace is measured to there. */
    private long elapsedAtLast;
    /** The plan's nanoseconds for the places done since the first place. */
    private long plannedAfterFirst;
    /** The plan's nanoseconds for the points done since the last place was done. */
    private long plannedInPlace;
    /** Points of the current place not yet finished. */
    private int placeLeft;
    private boolean firstPlaceDone;
    private int done;
    private int lastWidth;
    private boolean secondPass;

    /**
     * @param points        the points to measure
     * @param firstEstimate the plan's time for all of them, with the run's one-time costs
     * @param planned       the plan's time of each point, in nanoseconds
     * @param clock         nanoseconds, as {@link System#nanoTime()}
     */
    Progress(PrintStream out, boolean terminal, List<Point> points, Duration firstEstimate,
             ToLongFunction<Point> planned, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.total = points.size();
        this.firstEstimate = firstEstimate;
        this.planned = planned;
        this.plannedLeft = points.stream().mapToLong(planned).sum();
        this.clock = clock;
        this.start = clock.getAsLong();
    }

    /** From now on the forks started are the second pass's: more for points already counted. */
    void secondPass() {
        secondPass = true;
    }

    /** @param config the configuration's name, empty in a run without configurations */
    void starting(Point point, String config, int fork) {
        if (terminal) {
            String line = secondPass
                    ? String.format("[more] %s %sfork %d | elapsed %s", point.label(), config.isEmpty() ? "" : config + " ", fork,
                    format(elapsed()))
                    : String.format("[%d/%d] %s %sfork %d | elapsed %s | left ~%s",
                    done + 1, total, point.label(), config.isEmpty() ? "" : config + " ", fork, format(elapsed()), format(left()));
            int pad = Math.max(0, lastWidth - line.length());
            out.print("\r" + line + " ".repeat(pad));
            out.flush();
            lastWidth = line.length();
        }
    }

    void finished(Point point, String outcome) {
        done++;
        plannedLeft -= planned.applyAsLong(point);
        plannedInPlace += planned.applyAsLong(point);
        if (--placeLeft == 0) {
            placeDone();
        }
        String line = String.format("[%d/%d] %s: %s | elapsed %s | left ~%s",
                done, total, point.label(), outcome, format(elapsed()), format(left()));
        if (terminal) {
            int pad = Math.max(0, lastWidth - line.length());
            out.print("\r" + line + " ".repeat(pad) + "\n");
            lastWidth = 0;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** The next {@code points} points to finish are one place's, measured together. */
    void placeStarting(int points) {
        placeLeft = points;
    }

    /** The points finished since the last place were one place's: the pace takes them in. */
    private void placeDone() {
        if (!firstPlaceDone) {
            elapsedAtFirst = elapsed().toNanos();
            firstPlaceDone = true;
        } else {
            plannedAfterFirst += plannedInPlace;
            elapsedAtLast = elapsed().toNanos();
        }
        plannedInPlace = 0;
    }

    /** A message on its own line, not mixed into the progress line. */
    void say(String message) {
        if (terminal && lastWidth > 0) {
            out.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
        out.println(message);
        out.flush();
    }

    Duration elapsed() {
        return Duration.ofNanos(clock.getAsLong() - start);
    }

    Duration left() {
        if (done == 0) {
            return firstEstimate;
        }
        double pace = plannedAfterFirst > 0 ? (elapsedAtLast - elapsedAtFirst) / (double) plannedAfterFirst : 1;
        return Duration.ofNanos((long) (Math.max(0, plannedLeft) * pace));
    }

    /** A duration as the plan and the progress lines say it: 45s, 12m52s, 1h40m. */
    public static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
