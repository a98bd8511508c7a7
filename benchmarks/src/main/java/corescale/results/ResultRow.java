package corescale.results;

import corescale.stats.io.CsvNumbers;
import corescale.stats.model.Machine;

import java.util.Map;
import java.util.TreeMap;

import corescale.stats.model.ResultsColumn;

/**
 * One measured iteration of one fork: one row of results.csv.
 *
 * @param jvmArgs   the fork's JVM arguments, space-separated
 * @param config    the configuration's name in a run of interleaved configurations, else empty
 * @param cores     CPUs the fork was allowed to use
 * @param affinity  whether that limit was enforced by CPU affinity (taskset), not only by
 *                  {@code -XX:ActiveProcessorCount}
 * @param params    parameters other than {@code variant}, as {@code k=v;k=v} sorted by key
 * @param mode      JMH's short mode name: thrpt, avgt, sample, ss
 * @param secondary secondary metrics of this iteration by name (e.g. {@code lost_updates})
 */
public record ResultRow(String runId, Machine machine, String jvmArgs, String config, int cores, boolean affinity,
                        String family, String benchmark, String variant, String params, String mode,
                        int threads, int fork, int iteration, double score, String unit,
                        Map<String, Double> secondary) {

    public ResultRow {
        secondary = new TreeMap<>(secondary);
    }

    /** The row's value in a fixed column of results.csv. */
    Object value(ResultsColumn column) {
        return switch (column) {
            case RUN_ID -> runId;
            case HOST -> machine.host();
            case OS -> machine.os();
            case ARCH -> machine.arch();
            case CPU_MODEL -> machine.cpuModel();
            case CPUS_ONLINE -> machine.cpusOnline();
            case JDK_VENDOR -> machine.jdkVendor();
            case JDK_VERSION -> machine.jdkVersion();
            case JVM_ARGS -> jvmArgs;
            case CONFIG -> config;
            case CORES -> cores;
            case AFFINITY -> affinity;
            case FAMILY -> family;
            case BENCHMARK -> benchmark;
            case VARIANT -> variant;
            case PARAMS -> params;
            case MODE -> mode;
            case THREADS -> threads;
            case FORK -> fork;
            case ITERATION -> iteration;
            case SCORE -> CsvNumbers.exact(score);
            case UNIT -> unit;
        };
    }
}
