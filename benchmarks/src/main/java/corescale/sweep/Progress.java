package corescale.sweep;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Shows how far a sweep is: points done of total, the current point, elapsed time and the time
 * left at the pace so far. On a terminal it is one line rewritten in place; elsewhere (CI logs)
 * a plain line per point.
 */
final class Progress {

    private final PrintStream out;
    private final boolean terminal;
    private final int total;
    private final long start = System.nanoTime();
    private final Duration firstEstimate;
    private int done;
    private int lastWidth;
    private boolean secondPass;

    Progress(PrintStream out, boolean terminal, int total, Duration firstEstimate) {
        this.out = out;
        this.terminal = terminal;
        this.total = total;
        this.firstEstimate = firstEstimate;
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
        return Duration.ofNanos(System.nanoTime() - start);
    }

    Duration left() {
        if (done == 0) {
            return firstEstimate;
        }
        return elapsed().dividedBy(done).multipliedBy(total - done);
    }

    static String format(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
