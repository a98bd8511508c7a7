package corescale.stats.contention;

import corescale.stats.model.Families;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.LostUpdates;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "What sharing the counter across processes costs": each processcounters point (worker processes
 * sharing a mapped file) beside the counters point (threads of one JVM) of the same kind of guard, at
 * the same cores, with as many threads as processes, the same work parameters and the same mode (with
 * {@code -bm thrpt,avgt}, a row for each), and the ratio of their throughputs ({@link Throughput#ratio}).
 * Which benchmarks count and which variants are the same guard is knowledge of the two families, stated
 * once here ({@link #THREADS_BENCHMARK}, {@link #PAIRS}).
 */
public final class ThreadsVsProcesses {

    /** The processcounters parameter that sets processes = value × cores. */
    static final String PER_CORE = "processesPerCore";
    /** The benchmark that counts with threads of one JVM, and the one that counts with processes. */
    static final String THREADS_BENCHMARK = "Counters.increment";
    static final String PROCESSES_BENCHMARK = "ProcessCounters.increment";

    /** The kinds of guard both families measure; {@code report.Wording} names them. */
    public enum Guard {
        LOCK, SEMAPHORE_ONE_PERMIT, SEMAPHORE_PERMIT_EACH, ATOMIC_ADD
    }

    /** A guard as threads use it and as processes use it. */
    record Pair(Guard guard, String threadsVariant, String processesVariant) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair(Guard.LOCK, "reentrantLock", "fileLock"),
            new Pair(Guard.LOCK, "reentrantLock", "spinLock"),
            new Pair(Guard.SEMAPHORE_ONE_PERMIT, "semaphore", "posixSemaphore"),
            new Pair(Guard.SEMAPHORE_PERMIT_EACH, "semaphorePermits", "posixSemaphorePermits"),
            new Pair(Guard.ATOMIC_ADD, "atomicLong", "atomicAdd"));

    /**
     * One row: a guard's threads point and processes point at one place.
     *
     * @param guard          the kind of guard
     * @param params         the work parameters both share (without processesPerCore)
     * @param threads        the counters point
     * @param processes      the processcounters point
     * @param ratio          processes over threads, with its 95% interval
     * @param threadsLose    the threads point lost updates
     * @param processesLose  the processes point lost updates
     */
    public record Row(Guard guard, String params, PointSummary threads, PointSummary processes, Ratio ratio,
                      boolean threadsLose, boolean processesLose) {
    }

    private ThreadsVsProcesses() {
    }

    /** The rows, guard by guard in {@link #PAIRS} order; empty when the points lack either family. */
    public static List<Row> of(List<PointSummary> points, List<LostUpdates> lost) {
        Map<PointKey, PointSummary> threads = new HashMap<>();
        List<PointSummary> processes = new ArrayList<>();
        for (PointSummary p : points) {
            PointKey k = p.key();
            if (k.family().equals(Families.COUNTERS) && k.benchmark().equals(THREADS_BENCHMARK)) {
                threads.put(k, p);
            } else if (k.family().equals(Families.PROCESS_COUNTERS) && k.benchmark().equals(PROCESSES_BENCHMARK)) {
                processes.add(p);
            }
        }
        Map<PointKey, Boolean> lostByKey = new HashMap<>();
        lost.forEach(l -> lostByKey.put(l.key(), l.lost()));
        List<Row> rows = new ArrayList<>();
        for (Pair pair : PAIRS) {
            // By the counters point each meets: params, cores, threads, then mode.
            Map<PointKey, PointSummary> byThreadsPoint = new TreeMap<>();
            processes.stream().filter(proc -> proc.key().variant().equals(pair.processesVariant()))
                    .forEach(proc -> threadsPoint(proc.key(), pair.threadsVariant()).ifPresent(t -> byThreadsPoint.put(t, proc)));
            byThreadsPoint.forEach((at, proc) -> {
                PointSummary thr = threads.get(at);
                if (thr == null || !thr.unit().equals(proc.unit())) {
                    return;
                }
                rows.add(new Row(pair.guard(), at.params(), thr, proc, Throughput.ratio(proc, thr),
                        lostByKey.getOrDefault(thr.key(), false), lostByKey.getOrDefault(proc.key(), false)));
            });
        }
        return rows;
    }

    /**
     * The counters point a processcounters point meets: the guard's threads variant with P = processesPerCore × cores
     * threads, on the same cores, with its other params, in its mode; empty without a processesPerCore.
     */
    static Optional<PointKey> threadsPoint(PointKey k, String threadsVariant) {
        Map<String, String> params = k.paramMap();
        String perCore = params.remove(PER_CORE);
        if (perCore == null || k.cores() <= 0) {
            return Optional.empty();
        }
        try {
            int p = Integer.parseInt(perCore) * k.cores();
            String rest = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
            return Optional.of(new PointKey(Families.COUNTERS, THREADS_BENCHMARK, threadsVariant, rest, k.cores(), p, k.mode()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
