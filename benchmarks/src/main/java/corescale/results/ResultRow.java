package corescale.results;

import java.util.Map;
import java.util.TreeMap;

/**
 * One measured iteration of one fork: one row of results.csv.
 *
 * @param jvmArgs   the fork's JVM arguments, space-separated
 * @param cores     CPUs the fork was allowed to use
 * @param affinity  whether that limit was enforced by CPU affinity (taskset), not only by
 *                  {@code -XX:ActiveProcessorCount}
 * @param params    parameters other than {@code variant}, as {@code k=v;k=v} sorted by key
 * @param mode      JMH's short mode name: thrpt, avgt, sample, ss
 * @param secondary secondary metrics of this iteration by name (e.g. {@code lost_updates})
 */
public record ResultRow(String runId, MachineInfo machine, String jvmArgs, int cores, boolean affinity,
                        String family, String benchmark, String variant, String params, String mode,
                        int threads, int fork, int iteration, double score, String unit,
                        Map<String, Double> secondary) {

    public ResultRow {
        secondary = new TreeMap<>(secondary);
    }
}
