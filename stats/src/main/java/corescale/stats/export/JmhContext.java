package corescale.stats.export;

/** What jmh-result.json says that results.csv does not hold: the harness, the JVMs, the forks' shape. */
public interface JmhContext {

    /** The JMH version that ran the forks. */
    String jmhVersion();

    /** The JVM of the configuration's forks ({@code ""} for a run without configurations). */
    JvmFacts jvm(String config);

    /** How the forks of the benchmark ({@code corescale.benchmarks.counters.Counters.increment}) were run. */
    ForkShape forkShape(String benchmark);
}
