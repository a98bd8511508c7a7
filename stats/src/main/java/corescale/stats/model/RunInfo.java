package corescale.stats.model;

import java.util.Objects;

/**
 * Where and how a run was measured: the machine and JDK columns of {@code results.csv}.
 * Unknown text fields are empty and {@code cpusOnline} is 0 when unknown (JMH's own files carry
 * only the JDK and JVM arguments).
 *
 * @param config the configuration's name in a run of interleaved configurations ({@code run --config}),
 *               empty otherwise
 */
public record RunInfo(String runId, String host, String os, String arch, String cpuModel, int cpusOnline,
                      String jdkVendor, String jdkVersion, String jvmArgs, String config, String affinity) {

    public RunInfo {
        runId = Objects.requireNonNullElse(runId, "");
        host = Objects.requireNonNullElse(host, "");
        os = Objects.requireNonNullElse(os, "");
        arch = Objects.requireNonNullElse(arch, "");
        cpuModel = Objects.requireNonNullElse(cpuModel, "");
        jdkVendor = Objects.requireNonNullElse(jdkVendor, "");
        jdkVersion = Objects.requireNonNullElse(jdkVersion, "");
        jvmArgs = Objects.requireNonNullElse(jvmArgs, "");
        config = Objects.requireNonNullElse(config, "");
        affinity = Objects.requireNonNullElse(affinity, "");
    }
}
