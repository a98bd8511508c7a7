package corescale.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Version;

import corescale.stats.export.ForkShape;
import corescale.stats.export.JmhContext;
import corescale.stats.export.JvmFacts;
import corescale.stats.run.RunFile.RunConfig;

/**
 * What the sweep knows of its forks for jmh-result.json: the JMH version, each configuration's JVM
 * and each benchmark's warm-up and iteration time. A JVM's facts are the system properties JMH reads
 * from it ({@code java.version}, {@code java.vm.name}, {@code java.vm.version}): this process's own
 * for its JDK, a probe's for another ({@code --config-jdk}), read once.
 */
final class SweepJmhContext implements JmhContext {

    private static final List<String> PROPERTIES = List.of("java.version", "java.vm.name", "java.vm.version");

    private final Profile profile;
    private final CoresRestriction cores;
    private final Map<String, RunConfig> configs = new HashMap<>();
    private final Map<String, JvmFacts> jvms = new HashMap<>();

    SweepJmhContext(Profile profile, CoresRestriction cores, List<RunConfig> configs) {
        this.profile = profile;
        this.cores = cores;
        configs.forEach(c -> this.configs.put(c.name(), c));
    }

    /** The probe: prints this JVM's properties that JMH's JSON names, as one JSON object. */
    public static void main(String[] args) throws IOException {
        System.out.println(new ObjectMapper().writeValueAsString(ownProperties()));
    }

    @Override
    public String jmhVersion() {
        return Version.getPlainVersion();
    }

    @Override
    public synchronized JvmFacts jvm(String config) {
        String javaHome = configs.getOrDefault(config, Sweep.PLAIN).javaHome();
        return jvms.computeIfAbsent(javaHome, home -> facts(cores.javaBinary(home), home.isEmpty()));
    }

    @Override
    public ForkShape forkShape(String benchmark) {
        ForkWarmup warmup = profile.warmupOf(benchmark);
        return new ForkShape(warmup.iterations(), TimeValue.milliseconds(warmup.time().toMillis()).toString(),
                TimeValue.milliseconds(profile.measurementTime().toMillis()).toString());
    }

    private static JvmFacts facts(Path binary, boolean own) {
        Map<String, String> values = own ? ownProperties() : probe(binary);
        return new JvmFacts(binary.toString(), values.getOrDefault("java.version", ""),
                values.getOrDefault("java.vm.name", ""), values.getOrDefault("java.vm.version", ""));
    }

    private static Map<String, String> ownProperties() {
        Map<String, String> values = new HashMap<>();
        PROPERTIES.forEach(p -> values.put(p, System.getProperty(p, "")));
        return values;
    }

    /** The properties of another JDK, read by starting it; empty when it cannot say (the file then names only the binary). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> probe(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "-cp", System.getProperty("java.class.path"),
                    SweepJmhContext.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return Map.of();
            }
            return new ObjectMapper().readValue(out, Map.class);
        } catch (IOException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }
}
