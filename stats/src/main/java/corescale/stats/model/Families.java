package corescale.stats.model;

import java.util.List;

/**
 * The benchmark families the statistics treat by name: what the Answers rank and which families
 * the threads-vs-processes table pairs. Every other family is reported like any JMH benchmark.
 */
public final class Families {

    /** A shared counter under threads of one JVM: the Answers' first question. */
    public static final String COUNTERS = "counters";
    /** The same counters shared by processes through a mapped file. */
    public static final String PROCESS_COUNTERS = "processcounters";
    /** Starting a unit of work and waiting for it: a latency with no physical bound. */
    public static final String START_UP = "spawn";
    /** The execution models (CPU-bound, IO-bound work, start-up), ranked per task in the Answers. */
    public static final List<String> EXECUTION_MODELS = List.of("cpu", "io", START_UP);

    private Families() {
    }
}
