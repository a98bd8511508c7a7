package corescale.stats.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The machine and the facts that change results, as read from a run's {@code run.json}
 * ({@code run_id, args, profile, cores, affinity, machine{...}, facts{...}}), ready for
 * {@link ReportInput}. Unknown fields are kept, so a newer run.json still shows everything.
 *
 * @param runId   the run's id, or empty
 * @param machine machine and JDK, in file order
 * @param facts   profile, arguments, cores, affinity, then every entry of {@code facts}
 */
public record RunFacts(String runId, Map<String, String> machine, Map<String, String> facts) {

    /** Reads {@code run.json}. */
    public static RunFacts fromRunJson(Path runJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(runJson.toFile());
        if (root == null || !root.isObject()) {
            throw new IOException(runJson + ": not a JSON object");
        }
        Map<String, String> machine = new LinkedHashMap<>();
        flatten("", root.path("machine"), machine);
        Map<String, String> facts = new LinkedHashMap<>();
        for (String k : new String[] {"profile", "args", "cores", "affinity"}) {
            if (root.has(k)) {
                facts.put(k, text(root.get(k)));
            }
        }
        flatten("", root.path("facts"), facts);
        TopologyFacts.addTo(root, runJson.toAbsolutePath().getParent(), machine, facts);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!facts.containsKey(e.getKey()) && !e.getKey().equals("machine") && !e.getKey().equals("facts")
                    && !e.getKey().equals("run_id") && !TopologyFacts.KEYS.contains(e.getKey())) {
                flatten(e.getKey(), e.getValue(), facts);
            }
        }
        return new RunFacts(root.path("run_id").asText(""), machine, facts);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
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
