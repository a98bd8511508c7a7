package corescale.stats.report;

import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Contention view of the points: per variant, throughput at N threads over its throughput at one
 * thread, and each variant against the best one at the same point.
 */
final class Contention {

    /**
     * One point of the contention table.
     *
     * @param summary    the point
     * @param throughput on the throughput scale, see {@link Throughputs}
     * @param vsOne      throughput over the same variant's throughput at 1 thread (the 1-thread point
     *                   with the fewest cores); NaN when there is no 1-thread point
     * @param vsBest     throughput over the best variant's at the same cores and threads (1 = best)
     * @param best       the best variant at that point
     */
    record Row(PointSummary summary, double throughput, double vsOne, double vsBest, String best) {
    }

    private Contention() {
    }

    /** Rows grouped by (family, benchmark, params, mode), each group in key order. */
    static Map<String, List<Row>> of(List<PointSummary> points) {
        Map<String, List<PointSummary>> groups = new TreeMap<>();
        for (PointSummary p : points) {
            groups.computeIfAbsent(Groups.pointGroup(p), g -> new ArrayList<>()).add(p);
        }
        Map<String, List<Row>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<PointSummary>> g : groups.entrySet()) {
            Map<String, Double> oneThread = new TreeMap<>();
            Map<String, PointSummary> best = new TreeMap<>();
            g.getValue().stream()
                    .filter(p -> p.key().threads() == 1)
                    .sorted(Comparator.comparingInt((PointSummary p) -> p.key().cores()).reversed())
                    .forEach(p -> oneThread.put(p.key().variant(), Throughputs.of(p)));
            for (PointSummary p : g.getValue()) {
                best.merge(at(p.key()), p, (a, b) -> Throughputs.of(a) >= Throughputs.of(b) ? a : b);
            }
            List<Row> rows = new ArrayList<>();
            for (PointSummary p : g.getValue().stream().sorted(Comparator.comparing(PointSummary::key)).toList()) {
                double x = Throughputs.of(p);
                Double one = oneThread.get(p.key().variant());
                PointSummary b = best.get(at(p.key()));
                rows.add(new Row(p, x, one == null ? Double.NaN : x / one, x / Throughputs.of(b), b.key().variant()));
            }
            out.put(g.getKey(), rows);
        }
        return out;
    }

    private static String at(PointKey k) {
        return k.cores() + "/" + k.threads();
    }
}
