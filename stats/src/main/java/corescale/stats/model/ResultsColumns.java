package corescale.stats.model;

import java.util.List;

/** The fixed columns of results.csv, in order (docs/design.md); secondary metrics follow, one column each. */
public final class ResultsColumns {

    public static final List<String> NAMES = List.of("run_id", "host", "os", "arch", "cpu_model", "cpus_online",
            "jdk_vendor", "jdk_version", "jvm_args", "cores", "affinity", "family", "benchmark", "variant",
            "params", "mode", "threads", "fork", "iteration", "score", "unit");

    private ResultsColumns() {
    }
}
