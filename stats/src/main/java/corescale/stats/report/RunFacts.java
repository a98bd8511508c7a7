package corescale.stats.report;

import com.fasterxml.jackson.databind.JsonNode;
import corescale.stats.run.RunFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
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

    /** Reads {@code runDir/run.json} (and points.csv beside it for the steal flag). */
    public static RunFacts read(Path runDir) throws IOException {
        RunFile run = RunFile.read(runDir);
        Map<String, String> machine = new LinkedHashMap<>();
        flatten("", run.machine(), machine);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("profile", run.profile());
        facts.put("args", String.join(" ", run.args()));
        facts.put("cores", String.join(" ", run.cores().stream().map(String::valueOf).toList()));
        facts.put("affinity", String.valueOf(run.affinity()));
        flatten("", run.facts(), facts);
        TopologyFacts.addTo(run, runDir.toAbsolutePath(), machine, facts);
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
