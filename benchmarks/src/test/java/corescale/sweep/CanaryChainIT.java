package corescale.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import corescale.benchmarks.selftest.Canary;

/**
 * The canary's memory kernel, in a fork started with the recorder's own options, holds the chain a
 * machine with a 320 MiB L3 gets (1 GiB, in a heap of 1.5 GiB): on one processor the JVM picks the
 * Serial collector, and without a small young generation such a chain once ran out of heap.
 */
class CanaryChainIT {

    @Test
    void aChainForA320MiBCacheFitsInTheCanarysHeap() throws Exception {
        long chain = Canary.chainBytes(320L << 20);
        assertEquals(1L << 30, chain);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(CanaryRecorder.options(TestSweeps.cores(), "memory", Canary.jvmArgs(chain)))
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .verbosity(VerboseMode.SILENT)
                .build()).run();
        assertEquals(1, results.size(), "the memory kernel alone");
        RunResult memory = results.iterator().next();
        assertEquals(Canary.class.getName() + ".memory", memory.getParams().getBenchmark());
        double nsPerLoad = memory.getPrimaryResult().getScore();
        assertTrue(nsPerLoad > 0 && nsPerLoad < 10_000, nsPerLoad + " ns a load");
    }
}
