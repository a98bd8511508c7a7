package corescale.sweep;

import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that runs inside each fork and reports what the fork really had: the processors
 * the JVM sees and the CPUs the kernel lets it run on. The sweep checks both against the point's
 * {@code cores} and drops these metrics from results.csv.
 */
public final class CoresCheck implements InternalProfiler {

    static final String VISIBLE = "corescale.cpus_visible";
    static final String ALLOWED = "corescale.cpus_allowed";

    @Override
    public String getDescription() {
        return "corescale: processors seen by the fork and its CPU affinity";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        int visible = Runtime.getRuntime().availableProcessors();
        int allowed = CoresRestriction.ownAllowedCpus().map(List::size).orElse(-1);
        return List.of(
                new ScalarResult(VISIBLE, visible, "cpus", AggregationPolicy.MAX),
                new ScalarResult(ALLOWED, allowed, "cpus", AggregationPolicy.MAX));
    }
}
