package corescale.stats.report;

import corescale.stats.bounds.Bounds;
import corescale.stats.answers.Answers;
import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.ranking.Rankings;
import corescale.stats.contention.Contention;
import corescale.stats.contention.ContentionRow;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.RunInfo;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.ScalingCurves;
import corescale.stats.summary.LostUpdates;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a run's report shows.
 *
 * @param runLabel   what the run is called in titles, e.g. its folder name {@code host-20250101-120000}
 * @param machine    machine and JDK, in display order (host, os, arch, cpuModel, cpusOnline, jdkVendor, jdkVersion)
 * @param facts      facts that change results, in display order (launch mechanism, affinity, pool
 *                   parallelism, JVM args, profile); see {@link RunFacts#of}
 * @param points     one summary per point
 * @param curves     scaling curves of those points ({@link ScalingCurves#of})
 * @param contention contention rows of those points ({@link Contention#analyse})
 * @param sources    which files were read and as what, one line each (may be empty)
 * @param bounds     each point against its physical bound, and what the benchmarks reported about it
 * @param rankings   who may be ranked and who leads where ({@link Rankings#of}), computed with the contention
 * @param threadsVsProcesses counters beside processcounters points of the same guard ({@link ThreadsVsProcesses#of})
 * @param answers    what the reader came for ({@link Answers#of}), shown first
 * @param bytesPerOp bytes allocated per operation of the points measured under {@code run --prof gc}
 *                   (their {@value #ALLOCATION} mean), shown beside their scores
 */
public record ReportInput(String runLabel, Map<String, String> machine, Map<String, String> facts,
                          List<PointSummary> points, List<ScalingCurve> curves, List<ContentionRow> contention,
                          List<LostUpdates> lostUpdates, List<String> sources, Bounds bounds, Rankings rankings,
                          List<ThreadsVsProcesses.Row> threadsVsProcesses, Answers answers, Map<PointKey, Double> bytesPerOp) {

    /** Reads a machine's fields by the names run.json gives them. */
    private static final ObjectMapper MACHINE_FIELDS = new ObjectMapper();

    /** JMH's gc profiler's allocation per operation, in bytes. */
    public static final String ALLOCATION = "gc.alloc.rate.norm";

    public ReportInput {
        bytesPerOp = Map.copyOf(bytesPerOp);
        Objects.requireNonNull(runLabel, "runLabel");
        machine = Collections.unmodifiableMap(new LinkedHashMap<>(machine));
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        points = List.copyOf(points);
        curves = List.copyOf(curves);
        contention = List.copyOf(contention);
        lostUpdates = List.copyOf(lostUpdates);
        sources = List.copyOf(sources);
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(rankings, "rankings");
        threadsVsProcesses = List.copyOf(threadsVsProcesses);
        Objects.requireNonNull(answers, "answers");
    }

    /**
     * The input of {@code report DIR...}: machine and facts from the first input folder's
     * {@code run.json} when there is one, else from the machine columns of the files read.
     *
     * @param inputs     the paths given on the command line
     * @param first      the first input's machine and facts, from its run.json; empty for JMH's files
     * @param runs       the run metadata seen in the files read (for machine facts without run.json)
     * @param points     summaries of all inputs together
     * @param curves     their scaling curves and fits ({@link ScalingCurves#of}, one-at-a-time points without scaling measures)
     * @param contention their contention rows
     * @param lostUpdates correctness of the points that report lost updates
     * @param sources    one line per file read ({@code LoadedInput.describe()})
     * @param bounds     the points' bounds
     * @param rankings   who may be ranked and who leads
     * @param threadsVsProcesses the threads-vs-processes rows
     * @param answers    the answers
     * @param bytesPerOp the points' allocation per operation, where measured
     */
    public static ReportInput fromInputs(List<Path> inputs, Optional<RunFacts> first, Collection<RunInfo> runs, List<PointSummary> points,
                                         List<ScalingCurve> curves, List<ContentionRow> contention, List<LostUpdates> lostUpdates,
                                         List<String> sources, Bounds bounds, Rankings rankings,
                                         List<ThreadsVsProcesses.Row> threadsVsProcesses, Answers answers,
                                         Map<PointKey, Double> bytesPerOp) {
        Path given = inputs.get(0).toAbsolutePath().normalize();
        Path dir = Files.isDirectory(given) ? given : given.getParent();
        String label = inputs.size() == 1
                ? String.valueOf(dir.getFileName())
                : String.valueOf(dir.getFileName()) + " and " + (inputs.size() - 1) + " more";
        Map<String, String> machine;
        Map<String, String> facts;
        if (first.isPresent()) {
            machine = first.get().machine();
            facts = first.get().facts();
        } else {
            machine = new LinkedHashMap<>();
            facts = new LinkedHashMap<>();
            // The machine's fields as run.json names them (model.Machine), each with every run's value.
            List<LinkedHashMap<String, Object>> fields = runs.stream()
                    .map(r -> MACHINE_FIELDS.convertValue(r.machine(), new TypeReference<LinkedHashMap<String, Object>>() { })).toList();
            for (String field : fields.isEmpty() ? List.<String>of() : fields.get(0).keySet()) {
                put(machine, field, fields, f -> known(f.get(field)));
            }
            put(facts, "jvmArgs", runs, RunInfo::jvmArgs);
            put(facts, "affinity", runs, RunInfo::affinity);
            if (!facts.isEmpty()) {
                facts.put("source", "columns of the files read (no run.json)");
            }
        }
        return new ReportInput(label, machine, facts, points, curves, contention, lostUpdates, sources, bounds, rankings,
                threadsVsProcesses, answers, bytesPerOp);
    }

    /** A machine field's value as text; "" when unknown (an empty text, a count of 0). */
    private static String known(Object value) {
        return value == null || value.equals(0) ? "" : String.valueOf(value);
    }

    /** Distinct non-empty values of one field, joined; nothing when all are empty. */
    private static <T> void put(Map<String, String> m, String key, Collection<T> runs, Function<T, String> f) {
        String v = String.join(" | ", runs.stream().map(f).filter(s -> !s.isEmpty()).distinct().sorted().toList());
        if (!v.isEmpty()) {
            m.put(key, v);
        }
    }
}
