package corescale.stats.model;

import java.util.Arrays;
import java.util.List;

/**
 * The fixed columns of results.csv, in file order (docs/design.md): the one statement of the schema,
 * used by the sweep's writer, the statistics' reader and the test fixtures. Secondary metrics follow,
 * one column each, in name order.
 */
public enum ResultsColumn {
    RUN_ID("run_id"), HOST("host"), OS("os"), ARCH("arch"), CPU_MODEL("cpu_model"), CPUS_ONLINE("cpus_online"),
    JDK_VENDOR("jdk_vendor"), JDK_VERSION("jdk_version"), JVM_ARGS("jvm_args"), CONFIG("config"), CORES("cores"),
    AFFINITY("affinity"), FAMILY("family"), BENCHMARK("benchmark"), VARIANT("variant"), PARAMS("params"),
    MODE("mode"), THREADS("threads"), FORK("fork"), ITERATION("iteration"), SCORE("score"), UNIT("unit");

    /** Every column's header name, in file order. */
    public static final List<String> HEADERS = Arrays.stream(values()).map(c -> c.header).toList();
    /** The header as one CSV line. */
    public static final String HEADER_LINE = String.join(",", HEADERS);

    public final String header;

    ResultsColumn(String header) {
        this.header = header;
    }

    /**
     * Whether a file may lack the column: {@code config} came with interleaved configurations, and a
     * run written before reads as one unnamed configuration.
     */
    public boolean optional() {
        return this == CONFIG;
    }

    /** The column named {@code header}, or null when it is not a fixed column (a secondary metric). */
    public static ResultsColumn byHeader(String header) {
        for (ResultsColumn c : values()) {
            if (c.header.equals(header)) {
                return c;
            }
        }
        return null;
    }
}
