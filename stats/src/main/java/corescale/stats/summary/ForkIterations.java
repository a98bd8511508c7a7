package corescale.stats.summary;

import corescale.stats.load.LoadedInput;
import corescale.stats.model.Measurement;
import corescale.stats.model.PointKey;
import corescale.stats.model.RunInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One fork of a point as measured: its run (machine, JDK, JVM arguments, configuration) and its
 * measured iterations in order. Forks are told apart as {@link Summarizer} tells them apart (input,
 * run, configuration and fork number) and listed in the order it meets them, so that the n-th fork
 * here is the n-th of the point's fork means.
 *
 * @param run        the fork's run, as its first row has it
 * @param fork       the fork's number (results.csv's {@code fork})
 * @param iterations its measured iterations, warm-up included, in order
 */
public record ForkIterations(RunInfo run, int fork, List<Measurement> iterations) {

    public ForkIterations {
        iterations = List.copyOf(iterations);
    }

    private record ForkId(int input, String runId, String config, int fork) {
    }

    /** Every point's forks, points in key order. */
    public static Map<PointKey, List<ForkIterations>> of(List<LoadedInput> inputs) {
        Map<PointKey, Map<ForkId, List<Measurement>>> byPoint = new TreeMap<>();
        for (int in = 0; in < inputs.size(); in++) {
            for (Measurement m : inputs.get(in).measurements()) {
                byPoint.computeIfAbsent(m.key(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(new ForkId(in, m.run().runId(), m.run().config(), m.fork()), f -> new ArrayList<>())
                        .add(m);
            }
        }
        Map<PointKey, List<ForkIterations>> out = new TreeMap<>();
        byPoint.forEach((key, forks) -> out.put(key, forks.entrySet().stream()
                .map(f -> new ForkIterations(f.getValue().get(0).run(), f.getKey().fork(), f.getValue())).toList()));
        return out;
    }

    /** The iterations' scores, in order. */
    public double[] scores() {
        return iterations.stream().mapToDouble(Measurement::score).toArray();
    }
}
