package corescale.stats.report;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;


import corescale.stats.run.MachineKeys;
import corescale.stats.run.PointsFile;
import corescale.stats.run.RunFile;

/**
 * The machine's topology, limits and state as a reader wants them in the report: the topology in
 * words, the frequency governor and boost, the CPUs each core count ran on, and two flags: core
 * counts above the cgroup's CPU quota (from run.json) and points whose CPUs lost more than
 * {@link PointsFile#STEAL_FLAG} of their time to steal (from points.csv beside it).
 */
final class TopologyFacts {

    private TopologyFacts() {
    }

    static void addTo(RunFile run, List<PointsFile.Stolen> stolenPoints, Map<String, String> machine, Map<String, String> facts) {
        if (run.topology() != null) {
            machine.put("topology", run.topology().path(MachineKeys.SUMMARY).asText());
        }
        JsonNode state = tree(run.machineState());
        if (state.isObject()) {
            machine.put("frequency governor", state.path(MachineKeys.GOVERNOR).asText() + " (driver " + state.path(MachineKeys.CPUFREQ_DRIVER).asText() + ")");
            machine.put("boost", state.path(MachineKeys.BOOST).asText());
        }
        JsonNode limits = tree(run.limits());
        if (limits.isObject()) {
            machine.put("CPUs this process could use", limits.path(MachineKeys.ALLOWED_CPUS).asText());
            machine.put("CPU quota", limits.path(MachineKeys.QUOTA_CPUS).isNumber()
                    ? Fmt.num(limits.path(MachineKeys.QUOTA_CPUS).asDouble()) + " CPUs (" + limits.path(MachineKeys.QUOTA_FROM).asText() + ")"
                    : "none");
        }
        JsonNode placement = tree(run.placement());
        if (placement.isObject()) {
            facts.put("placement", placement.path(MachineKeys.POLICY).asText());
            for (Iterator<Map.Entry<String, JsonNode>> it = placement.path(MachineKeys.CPUS_BY_CORES).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode note = placement.path(MachineKeys.NOTES_BY_CORES).path(e.getKey());
                facts.put("CPUs at " + e.getKey() + " cores", e.getValue().asText() + (note.isMissingNode() ? "" : " (" + note.asText() + ")"));
            }
            List<Integer> aboveQuota = run.coresAboveQuota();
            if (!aboveQuota.isEmpty()) {
                facts.put("FLAG: cores above the CPU quota", String.join(", ", aboveQuota.stream().map(String::valueOf).toList())
                        + " cores: each busy thread gets less than a whole CPU");
            }
        }
        List<String> stolen = stolenPoints.stream().map(p -> p.benchmark() + " " + p.variant() + (p.params().isEmpty() ? "" : " " + p.params())
                + " " + Groups.at(p.cores(), p.threads()) + ": " + Fmt.pct(p.stealPct() / 100)).toList();
        if (!stolen.isEmpty()) {
            facts.put("FLAG: steal above " + Fmt.pct(PointsFile.STEAL_FLAG) + " of the time",
                    String.join("; ", stolen));
        }
    }

    /** A part of run.json, or a missing node where the file has none. */
    private static JsonNode tree(JsonNode node) {
        return node == null ? MissingNode.getInstance() : node;
    }
}
