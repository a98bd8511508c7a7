package corescale.stats.report;

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
 * "What sharing the counter across processes costs": the counters family (threads of one JVM) beside
 * the processcounters family (worker processes sharing a mapped file) for the same kind of guard, at
 * the same cores, the same number of threads as processes, and the same work parameters.
 */
final class ThreadsVsProcesses {

    static final String THREADS_FAMILY = "counters";
    static final String PROCESSES_FAMILY = "processcounters";
    /** The processcounters parameter that sets processes = value × cores. */
    static final String PER_CORE = "processesPerCore";

    /** A guard as threads use it and as processes use it. */
    record Pair(String guard, String threadsVariant, String processesVariant) {
    }

    static final List<Pair> PAIRS = List.of(
            new Pair("lock", "reentrantLock", "fileLock"),
            new Pair("lock", "reentrantLock", "spinLock"),
            new Pair("semaphore, 1 permit", "semaphore", "posixSemaphore"),
            new Pair("semaphore, a permit each", "semaphorePermits", "posixSemaphorePermits"),
            new Pair("atomic add", "atomicLong", "atomicAdd"));

    /** Where a threads point and a processes point meet: the threads variant, its params, cores, threads. */
    record Place(String variant, String params, int cores, int threads) {
    }

    private ThreadsVsProcesses() {
    }

    /** Adds the section when the points hold both families; nothing otherwise. */
    static void section(Doc doc, List<PointSummary> points, List<LostUpdates> lost) {
        List<List<String>> rows = rows(points, lost);
        if (rows.isEmpty()) {
            return;
        }
        doc.h(1, "Threads vs processes: what sharing the counter across processes costs");
        doc.p("Each row puts a counters point (threads of one JVM) beside the processcounters point with as many "
                + "worker processes, on the same cores, with the same work, for the same kind of guard. Means in ops/us "
                + "± 95% CI half-width; the ratio (processes over threads) has a 95% interval (Welch's t on the logs of the fork means). "
                + "A variant that loses updates is marked: its speed is not a guard's.");
        Doc.TableBuilder t = new Doc.TableBuilder().text("guard").text("params").text("at").text("threads variant")
                .num("threads (ops/us)").text("processes variant").num("processes (ops/us)")
                .num("processes / threads (×) [95% CI]").text("note");
        rows.forEach(t::row);
        doc.table(t.build());
    }

    static List<List<String>> rows(List<PointSummary> points, List<LostUpdates> lost) {
        Map<Place, PointSummary> threads = new HashMap<>();
        Map<Place, PointSummary> processes = new TreeMap<>(Comparator.comparing(Place::params)
                .thenComparingInt(Place::cores).thenComparingInt(Place::threads).thenComparing(Place::variant));
        for (PointSummary p : points) {
            PointKey k = p.key();
            if (k.family().equals(THREADS_FAMILY)) {
                threads.put(new Place(k.variant(), k.params(), k.cores(), k.threads()), p);
            } else if (k.family().equals(PROCESSES_FAMILY)) {
                processPlace(k).ifPresent(place -> processes.put(place, p));
            }
        }
        Map<PointKey, Double> lostByKey = new HashMap<>();
        lost.forEach(l -> lostByKey.put(l.key(), l.total()));
        List<List<String>> rows = new ArrayList<>();
        for (Pair pair : PAIRS) {
            processes.forEach((place, proc) -> {
                if (!proc.key().variant().equals(pair.processesVariant())) {
                    return;
                }
                PointSummary thr = threads.get(new Place(pair.threadsVariant(), place.params(), place.cores(), place.threads()));
                if (thr == null || !thr.unit().equals(proc.unit())) {
                    return;
                }
                Ratio r = Throughput.ratio(proc, thr);
                rows.add(List.of(pair.guard(), place.params(), place.threads() + " on " + place.cores() + "c",
                        pair.threadsVariant(), Fmt.num(thr.mean()) + " " + Fmt.plusMinus(thr.relCi()),
                        pair.processesVariant(), Fmt.num(proc.mean()) + " " + Fmt.plusMinus(proc.relCi()),
                        RunReport.ratio(r), note(lostByKey.getOrDefault(thr.key(), 0.0), lostByKey.getOrDefault(proc.key(), 0.0))));
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

    private static String note(double threadsLost, double processesLost) {
        if (threadsLost > 0 && processesLost > 0) {
            return "both lose updates";
        }
        if (threadsLost > 0) {
            return "threads lose updates";
        }
        return processesLost > 0 ? "processes lose updates" : "";
    }
}
