package corescale.stats.compare;

import corescale.stats.model.PointSummary;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The forks of one point in two configurations of an interleaved run, paired by fork number: fork f
 * of every configuration belongs to round f, measured next to each other. A fork without a partner
 * (its round missing in the other configuration, or its number seen twice) is dropped, and a note
 * names it.
 *
 * @param base       the base configuration's summary
 * @param other      the other configuration's summary
 * @param baseMeans  the base fork means of the paired rounds, in round order
 * @param otherMeans the other's fork means of the same rounds
 * @param dropped    how many fork means of both sides were left without a partner
 * @param notes      which forks were dropped ({@link CompareNote.ForksUnpaired}), or empty
 */
record Pairs(PointSummary base, PointSummary other, double[] baseMeans, double[] otherMeans, int dropped,
             List<CompareNote> notes) {

    static Pairs of(PointSummary base, PointSummary other, String baseName, String otherName) {
        Map<Integer, List<Double>> b = byRound(base);
        Map<Integer, List<Double>> o = byRound(other);
        List<Integer> rounds = b.keySet().stream()
                .filter(r -> b.get(r).size() == 1 && o.containsKey(r) && o.get(r).size() == 1).toList();
        double[] bm = rounds.stream().mapToDouble(r -> b.get(r).get(0)).toArray();
        double[] om = rounds.stream().mapToDouble(r -> o.get(r).get(0)).toArray();
        List<CompareNote.Unpaired> parts = new ArrayList<>();
        unpaired(b, rounds, baseName, parts);
        unpaired(o, rounds, otherName, parts);
        int dropped = base.forkMeans().length + other.forkMeans().length - 2 * rounds.size();
        return new Pairs(base, other, bm, om, dropped,
                parts.isEmpty() ? List.of() : List.of(new CompareNote.ForksUnpaired(parts)));
    }

    private static Map<Integer, List<Double>> byRound(PointSummary s) {
        Map<Integer, List<Double>> out = new TreeMap<>();
        double[] means = s.forkMeans();
        int[] forks = s.forkNumbers();
        for (int i = 0; i < means.length; i++) {
            out.computeIfAbsent(forks[i], f -> new ArrayList<>()).add(means[i]);
        }
        return out;
    }

    private static void unpaired(Map<Integer, List<Double>> side, List<Integer> paired, String name,
                                 List<CompareNote.Unpaired> out) {
        List<Integer> left = side.keySet().stream().filter(r -> !paired.contains(r)).toList();
        if (!left.isEmpty()) {
            out.add(new CompareNote.Unpaired(name, left));
        }
    }
}
