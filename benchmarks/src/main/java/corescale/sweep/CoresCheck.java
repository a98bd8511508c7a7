package corescale.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import corescale.results.CpuList;
import corescale.topology.FsRoot;
import corescale.topology.Interference;

/**
 * A JMH profiler that runs inside each fork and reports what the fork really had: the processors
 * the JVM sees, whether the CPUs the kernel lets it run on are exactly the ones the sweep placed it
 * on (given as {@code -Dcorescale.cpus}; when not, each CPU it has instead), and what else took its
 * CPUs during the iteration: steal time and involuntary context switches. The sweep checks the
 * first two against the point and drops all these metrics from results.csv.
 */
public final class CoresCheck implements InternalProfiler {

    static final String VISIBLE = "corescale.cpus_visible";
    static final String ALLOWED = "corescale.cpus_allowed";
    /** 1 when the fork's CPUs are exactly the placed ones, 0 when not, absent without affinity facts. */
    static final String MATCH = "corescale.cpus_match";
    /** Prefix of one metric per CPU the fork has, reported only when they are not the placed ones. */
    static final String HAS_CPU = "corescale.has_cpu.";
    static final String STEAL_TICKS = "corescale.steal_ticks";
    static final String TOTAL_TICKS = "corescale.total_ticks";
    static final String INVOLUNTARY = "corescale.involuntary_switches";

    private Interference before;

    @Override
    public String getDescription() {
        return "corescale: processors and CPUs of the fork, steal time and involuntary context switches";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        before = Interference.read(FsRoot.REAL, ownCpus());
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        Interference after = Interference.read(FsRoot.REAL, ownCpus());
        List<Result> results = new ArrayList<>();
        results.add(scalar(VISIBLE, Runtime.getRuntime().availableProcessors()));
        List<Integer> allowed = CoresRestriction.ownAllowedCpus().orElse(List.of());
        results.add(scalar(ALLOWED, allowed.isEmpty() ? -1 : allowed.size()));
        String expected = System.getProperty(CoresRestriction.EXPECTED_CPUS);
        if (expected != null && !allowed.isEmpty()) {
            boolean match = new HashSet<>(CpuList.parse(expected)).equals(new HashSet<>(allowed));
            results.add(scalar(MATCH, match ? 1 : 0));
            if (!match) {
                allowed.forEach(cpu -> results.add(scalar(HAS_CPU + cpu, 1)));
            }
        }
        if (before != null) {
            results.add(scalar(STEAL_TICKS, after.stealSince(before)));
            results.add(scalar(TOTAL_TICKS, after.totalSince(before)));
            results.add(scalar(INVOLUNTARY, after.involuntarySince(before)));
        }
        return results;
    }

    private static Set<Integer> ownCpus() {
        return new HashSet<>(CoresRestriction.ownAllowedCpus().orElse(List.of()));
    }

    private static ScalarResult scalar(String label, double value) {
        return new ScalarResult(label, value, "", AggregationPolicy.MAX);
    }
}
