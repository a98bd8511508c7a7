package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What plain JMH is said to run before it starts, on the suite's own benchmark list:
 * Counters.increment has 10 variants × 2 workInside × 2 workOutside and no fork or iteration annotations.
 */
class JmhEstimateTest {

    private static Optional<JmhEstimate> of(String... args) throws Exception {
        return JmhEstimate.of(new CommandLineOptions(args));
    }

    @Test
    void optionsOverJmhsDefaults() throws Exception {
        // 2 variants × 2 × 2 = 8 runs, 2 forks each, 0.1 s of warm-up and 3 × 0.2 s measured per fork.
        JmhEstimate e = of("counters\\.Counters\\.increment", "-f", "2", "-wi", "1", "-w", "100ms", "-i", "3", "-r", "200ms",
                "-p", "variant=atomicLong,longAdder").orElseThrow();
        assertEquals(new JmhEstimate(8, 16, Duration.ofMillis(16 * 700)), e);
        assertEquals("8 benchmark runs in 16 forks, at least 11s of iterations (forks' start-up on top)", e.describe());
    }

    @Test
    void jmhsDefaultsAreHoursForOneBenchmark() throws Exception {
        // 40 runs × 5 forks × (5 + 5) × 10 s.
        assertEquals(new JmhEstimate(40, 200, Duration.ofSeconds(200 * 100)), of("counters\\.Counters\\.increment").orElseThrow());
    }

    @Test
    void everyModeAndWarmupForksAndNoFork() throws Exception {
        // -bm all: four modes, single-shot iterations count as none; -wf adds forks that iterate like the others.
        assertEquals(new JmhEstimate(4, 12, Duration.ofSeconds(9 * 3)), of("counters\\.Counters\\.increment", "-bm", "all",
                "-p", "variant=atomicLong", "-p", "workInside=0", "-p", "workOutside=0", "-f", "2", "-wf", "1",
                "-wi", "1", "-w", "1s", "-i", "2", "-r", "1s").orElseThrow());
        // -f 0: each run once in JMH's JVM.
        assertEquals(new JmhEstimate(1, 0, Duration.ofSeconds(3)), of("counters\\.Counters\\.increment",
                "-p", "variant=atomicLong", "-p", "workInside=0", "-p", "workOutside=0", "-f", "0",
                "-wi", "1", "-w", "1s", "-i", "2", "-r", "1s").orElseThrow());
    }

    @Test
    void listingsHelpAndNoMatchRunNothing() throws Exception {
        assertEquals(Optional.empty(), of("-l"));
        assertEquals(Optional.empty(), of("-lp", "counters"));
        assertEquals(Optional.empty(), of("-h"));
        assertEquals(Optional.empty(), of("nosuchbenchmark"));
    }
}
