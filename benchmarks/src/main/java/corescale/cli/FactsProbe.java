package corescale.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import corescale.benchmarks.exec.RuntimeFacts;
import corescale.sweep.CoresRestriction;

/**
 * Facts about the JDK that change the results (process launch mechanism, common-pool and
 * virtual-thread parallelism ...), recorded in run.json. They depend on the core count, so they are
 * read by a probe JVM started exactly as the forks at each core count are.
 */
final class FactsProbe {

    private FactsProbe() {
    }

    /** The probe: prints this JVM's facts as one JSON object. */
    public static void main(String[] args) throws IOException {
        System.out.println(new ObjectMapper().writeValueAsString(RuntimeFacts.collect()));
    }

    static Map<String, Object> collect(CoresRestriction restriction, List<Integer> coreCounts) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("java_home", System.getProperty("java.home"));
        facts.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        Map<String, Object> perCores = new LinkedHashMap<>();
        for (int cores : coreCounts) {
            perCores.put(Integer.toString(cores), probe(restriction, cores));
        }
        facts.put("by_cores", perCores);
        return facts;
    }

    private static Object probe(CoresRestriction restriction, int cores) {
        try {
            List<String> command = new ArrayList<>(List.of(restriction.jvmFor(cores)));
            command.addAll(restriction.jvmArgs(cores));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), FactsProbe.class.getName()));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String json = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Map.of("error", "the facts probe did not finish");
            }
            return new ObjectMapper().readValue(json, Map.class);
        } catch (IOException | InterruptedException e) {
            return Map.of("error", "the facts probe failed: " + e.getMessage());
        }
    }
}
