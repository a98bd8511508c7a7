package corescale.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** Facts about this JDK that change the results, recorded in run.json. */
final class RunFacts {

    private RunFacts() {
    }

    static Map<String, Object> collect() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("java_home", System.getProperty("java.home"));
        facts.put("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        return facts;
    }
}
