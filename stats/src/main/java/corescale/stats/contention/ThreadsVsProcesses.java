package corescale.stats.contention;

import corescale.stats.model.Families;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.LostUpdates;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * "What sharing the counter across processes costs": each processcounters point (worker processes
 * sharing a mapped file) beside the counters point (threads of one JVM) of the same kind of guard, at
 * the same cores, with as many threads as processes and the same work parameters, and the ratio of
 * their throughputs ({@link Throughput#ratio}). Which variants are the same guard is knowledge of the
 * two families, stated once in {@link #PAIRS}.
 */
public final class ThreadsVsProcesses {

    /** The processcounters parameter that sets processes = value × cores. */
    static final String PER_CORE = "processesPerCore";

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

    /** Where a threads point and a processes point meet: the threads variant, its params, cores, threads. */
    record Place(String variant, String params, int cores, int threads) {
    }

    private ThreadsVsProcesses() {
    }

    /** The rows, guard by guard in {@link #PAIRS} order; empty when the points lack either family. */
    public static List<Row> of(List<PointSummary> points, List<LostUpdates> lost) {
        Map<Place, PointSummary> threads = new HashMap<>();
        Map<Place, PointSummary> processes = new TreeMap<>(Comparator.comparing(Place::params)
                .thenComparingInt(Place::cores).thenComparingInt(Place::threads).thenComparing(Place::variant));
        for (PointSummary p : points) {
            PointKey k = p.key();
            if (k.family().equals(Families.COUNTERS)) {
                threads.put(new Place(k.variant(), k.params(), k.cores(), k.threads()), p);
            } else if (k.family().equals(Families.PROCESS_COUNTERS)) {
                processPlace(k).ifPresent(place -> processes.put(place, p));
            }
        }
        Map<PointKey, Boolean> lostByKey = new HashMap<>();
        lost.forEach(l -> lostByKey.put(l.key(), l.lost()));
        List<Row> rows = new ArrayList<>();
        for (Pair pair : PAIRS) {
            processes.forEach((place, proc) -> {
                if (!proc.key().variant().equals(pair.processesVariant())) {
                    return;
                }
                PointSummary thr = threads.get(new Place(pair.threadsVariant(), place.params(), place.cores(), place.threads()));
                if (thr == null || !thr.unit().equals(proc.unit())) {
                    return;
                }
                rows.add(new Row(pair.guard(), place.params(), thr, proc, Throughput.ratio(proc, thr),
                        lostByKey.getOrDefault(thr.key(), false), lostByKey.getOrDefault(proc.key(), false)));
            });
        }
        return rows;
    }

    /** The threads point a processcounters point matches: P = processesPerCore × cores threads, other params equal. */
    static Optional<Place> processPlace(PointKey k) {
        Map<String, String> params = new TreeMap<>();
        for (String kv : k.params().split(";")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                params.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        String perCore = params.remove(PER_CORE);
        if (perCore == null || k.cores() <= 0) {
            return Optional.empty();
        }
        try {
            int p = Integer.parseInt(perCore) * k.cores();
            String rest = params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
            return Optional.of(new Place(k.variant(), rest, k.cores(), p));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
