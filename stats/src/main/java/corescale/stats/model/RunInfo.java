package corescale.stats.model;


import java.util.Objects;

/**
 * Where and how a run was measured: the columns of {@code results.csv} before the point's, the machine
 * ({@link Machine}, as run.json has it) and how the JVM was started. Unknown text fields are empty and
 * {@code cpusOnline} is 0 when unknown (JMH's own files carry only the JDK and JVM arguments).
 *
 * @param config the configuration's name in a run of interleaved configurations ({@code run --config}),
 *               empty otherwise
 */
public record RunInfo(String runId, Machine machine, String jvmArgs, String config, String affinity) {

    public RunInfo {
        runId = Objects.requireNonNullElse(runId, "");
        Objects.requireNonNull(machine, "machine");
        jvmArgs = Objects.requireNonNullElse(jvmArgs, "");
        config = Objects.requireNonNullElse(config, "");
        affinity = Objects.requireNonNullElse(affinity, "");
    }

    /** As results.csv's columns give them, in their order. */
    public RunInfo(String runId, String host, String os, String arch, String cpuModel, int cpusOnline,
                   String jdkVendor, String jdkVersion, String jvmArgs, String config, String affinity) {
        this(runId, new Machine(host, os, arch, cpuModel, cpusOnline, jdkVendor, jdkVersion, null), jvmArgs, config, affinity);
    }
}
