package corescale.stats.load;

import corescale.stats.io.BadInputException;
import corescale.stats.model.Measurement;
import corescale.stats.model.PointKey;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a measurement written twice (the same run, configuration, point, mode, fork and iteration): that is a
 * merge or resume gone wrong, never two samples, and averaging it would fake a fork's spread. Across
 * inputs, refuses a fork of one run in two of them: the same run given twice (a copy, or its results.csv
 * beside its folder) would count its forks twice and narrow its intervals.
 */
public final class Duplicates {

    private Duplicates() {
    }

    /**
     * One run's rows of one point in one mode (of one configuration: fork f of every configuration is
     * round f): fork and iteration must be unique inside it.
     */
    private record Series(String runId, String config, PointKey key) {
    }

    /** Row indexes of one series, in file order, with their fork and iteration packed in a long. */
    private static final class Rows {
        long[] forkIteration = new long[16];
        int[] index = new int[16];
        int n;

        void add(long fi, int i) {
            if (n == index.length) {
                forkIteration = Arrays.copyOf(forkIteration, n * 2);
                index = Arrays.copyOf(index, n * 2);
            }
            forkIteration[n] = fi;
            index[n++] = i;
        }

        boolean hasRepeat() {
            long[] sorted = Arrays.copyOf(forkIteration, n);
            Arrays.sort(sorted);
            for (int i = 1; i < n; i++) {
                if (sorted[i] == sorted[i - 1]) {
                    return true;
                }
            }
            return false;
        }

        /** Index into {@code index} of the first row, in file order, that repeats an earlier one. */
        int firstRepeat() {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < n; i++) {
                if (!seen.add(forkIteration[i])) {
                    return i;
                }
            }
            throw new IllegalStateException("no repeat");
        }

        int earlier(int repeat) {
            for (int i = 0; ; i++) {
                if (forkIteration[i] == forkIteration[repeat]) {
                    return i;
                }
            }
        }
    }

    /** A fork of a run as every input names it. */
    private record Fork(String runId, String config, PointKey key, int fork) {
    }

    /**
     * Inputs analysed together (a report's, one side of a comparison) hold no fork of the same run
     * twice. Only our results.csv names its run; JMH's own files (named by their file name, often
     * jmh-result.json in every folder) are told apart by file, as the summariser does.
     *
     * @throws BadInputException naming the later input, the fork and the earlier input that holds it
     */
    public static void acrossInputs(List<LoadedInput> inputs) throws BadInputException {
        Map<Fork, Integer> firstIn = new HashMap<>();
        for (int in = 0; in < inputs.size(); in++) {
            if (inputs.get(in).format() != Format.RESULTS_CSV) {
                continue;
            }
            Measurement previous = null;
            for (Measurement m : inputs.get(in).measurements()) {
                // Rows of one fork come together: one look-up a fork, not a row.
                if (m.run().runId().isEmpty() || previous != null && m.run() == previous.run() && m.key() == previous.key()
                        && m.fork() == previous.fork()) {
                    previous = m;
                    continue;
                }
                previous = m;
                Integer earlier = firstIn.putIfAbsent(new Fork(m.run().runId(), m.run().config(), m.key(), m.fork()), in);
                if (earlier != null && earlier != in) {
                    throw new BadInputException(inputs.get(in).file(), 0, "fork " + m.fork() + " of " + m.key().label()
                            + " in run " + m.run().runId() + (m.run().config().isEmpty() ? "" : " configuration " + m.run().config())
                            + " is also in " + inputs.get(earlier).file()
                            + ": the same run given twice; a fork is counted once");
                }
            }
        }
    }

    /**
     * @param rows  the file's rows in file order
     * @param lines the file line of each row
     * @throws BadInputException naming the first repeated row's line and the line it repeats
     */
    static void check(Path file, List<Measurement> rows, int[] lines) throws BadInputException {
        Map<Series, Rows> series = new HashMap<>();
        Rows current = null;
        Measurement previous = null;
        for (int i = 0; i < rows.size(); i++) {
            Measurement m = rows.get(i);
            // Rows of one point come together and share their objects, so the map is seldom consulted.
            if (previous == null || m.run() != previous.run() || m.key() != previous.key() || m.mode() != previous.mode()) {
                current = series.computeIfAbsent(new Series(m.run().runId(), m.run().config(), m.key()), s -> new Rows());
            }
            current.add((long) m.fork() << 32 | (m.iteration() & 0xffffffffL), i);
            previous = m;
        }
        int worst = -1;
        int worstEarlier = -1;
        for (Rows r : series.values()) {
            if (r.hasRepeat()) {
                int repeat = r.firstRepeat();
                if (worst < 0 || r.index[repeat] < worst) {
                    worst = r.index[repeat];
                    worstEarlier = r.index[r.earlier(repeat)];
                }
            }
        }
        if (worst >= 0) {
            Measurement m = rows.get(worst);
            throw new BadInputException(file, lines[worst], "repeats line " + lines[worstEarlier] + ": fork " + m.fork()
                    + " iteration " + m.iteration() + " of " + m.key().label() + " in run "
                    + m.run().runId() + (m.run().config().isEmpty() ? "" : " configuration " + m.run().config())
                    + " (a merge or resume went wrong; a measurement is never counted twice)");
        }
    }
}
