package corescale.stats.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import corescale.stats.run.PointsFile;
import corescale.stats.run.RunFile;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine and the facts that change results, as read from a run's {@code run.json}
 * ({@link RunFile}: run id, arguments, profile, cores, affinity, machine, facts, topology, limits,
 * placement and machine state), ready for {@link ReportInput}.
 *
 * @param runId   the run's id, or empty
 * @param machine machine and JDK, in file order
 * @param facts   profile, arguments, cores, affinity, then every entry of {@code facts}
 */
public record RunFacts(String runId, Map<String, String> machine, Map<String, String> facts) {

    /** Turns the typed machine into the key-value rows the report shows, in run.json's order. */
    private static final ObjectMapper MACHINE = new ObjectMapper();

    /**
     * The facts of a run's run.json, as loaded, with the points of its points.csv above the steal flag.
     *
     * @param run    the run's run.json
     * @param stolen its points above the steal flag ({@link PointsFile.Contents#stolen})
     */
    public static RunFacts of(RunFile run, List<PointsFile.Stolen> stolen) {
        Map<String, String> machine = new LinkedHashMap<>();
        flatten("", MACHINE.valueToTree(run.machine()), machine);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("profile", run.profile());
        facts.put("args", String.join(" ", run.args()));
        facts.put("cores", String.join(" ", run.cores().stream().map(String::valueOf).toList()));
        facts.put("affinity", String.valueOf(run.affinity()));
        flatten("", run.facts(), facts);
        TopologyFacts.addTo(run, stolen, machine, facts);
        return new RunFacts(run.runId(), machine, facts);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (!node.isMissingNode() && !prefix.isEmpty()) {
            out.put(prefix, text(node));
        }
    }

    /** Scalars as their text, arrays of scalars joined by spaces, anything else as JSON. */
    private static String text(JsonNode n) {
        if (n.isValueNode()) {
            return n.asText();
        }
        if (n.isArray()) {
            StringBuilder s = new StringBuilder();
            for (JsonNode e : n) {
                s.append(s.length() == 0 ? "" : " ").append(e.isValueNode() ? e.asText() : e.toString());
            }
            return s.toString();
        }
        return n.toString();
    }
}
