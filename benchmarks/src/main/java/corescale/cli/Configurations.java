package corescale.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import corescale.launcher.JdkFinder;
import corescale.launcher.Launcher;
import corescale.stats.run.RunFile.RunConfig;
import corescale.sweep.JmhForks;

/**
 * The configurations of {@code run --config NAME=JVM_OPTIONS} (repeatable) and
 * {@code --config-jdk NAME=JDK_HOME}: their forks alternate at every point. A configuration is
 * named by a {@code --config}, in the order given; {@code --config-jdk} puts one of them on another
 * JDK, which must be 21 or newer. Bad input is an {@link IllegalArgumentException} with one line.
 */
final class Configurations {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private Configurations() {
    }

    /**
     * @param configs {@code NAME=JVM_OPTIONS} each, the options split on whitespace as a shell
     *                splits a simple command line (no quotes)
     * @param jdks    {@code NAME=JDK_HOME} each, NAME one of the configs
     * @return the configurations in the order of {@code configs}; empty when there are none
     */
    static List<RunConfig> parse(List<String> configs, List<String> jdks) {
        Map<String, String> options = pairs("--config", "JVM_OPTIONS", configs);
        Map<String, String> homes = pairs("--config-jdk", "JDK_HOME", jdks);
        if (options.size() == 1) {
            throw new IllegalArgumentException("--config " + configs.get(0) + ": one configuration has nothing to "
                    + "alternate with; give two or more, e.g. --config base= --config c1=-XX:TieredStopAtLevel=1");
        }
        for (String name : homes.keySet()) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("--config-jdk " + name + "=" + homes.get(name) + ": no --config names "
                        + name + "; give --config " + name + "=JVM_OPTIONS (options may be empty) as well");
            }
        }
        String ownVersion = Runtime.version().toString();
        List<RunConfig> result = new ArrayList<>();
        options.forEach((name, opts) -> {
            String home = homes.get(name);
            if (home == null) {
                result.add(new RunConfig(name, opts.strip(), "", ownVersion));
            } else {
                JdkFinder.Jdk jdk = jdk(name, home);
                result.add(new RunConfig(name, opts.strip(), jdk.home().toString(), jdk.version()));
            }
        });
        result.forEach(Configurations::checkOptions);
        return result;
    }

    /**
     * A configuration's options are tried once on its JDK ({@code java OPTIONS -version}, 0.02 s on the
     * 2-vCPU EPYC), so that an option the JVM does not know is refused here, in its own words, and not
     * found in every fork of every point of the run.
     */
    private static void checkOptions(RunConfig c) {
        List<String> options = JmhForks.options(c);
        if (options.isEmpty()) {
            return;
        }
        Path java = Path.of(c.javaHome().isEmpty() ? System.getProperty("java.home") : c.javaHome(), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(options);
        command.add("-version");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalArgumentException("--config " + c.name() + "=" + c.jvmOptions() + ": the JVM refuses it: "
                        + said.lines().findFirst().orElse("exit code " + p.exitValue()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("--config " + c.name() + "=" + c.jvmOptions() + ": cannot start " + java
                    + " to try it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("--config " + c.name() + ": interrupted while trying its options");
        }
    }

    /** NAME=VALUE pairs in order; a bad or repeated name, or quotes in a value, is refused. */
    private static Map<String, String> pairs(String option, String what, List<String> values) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String v : values) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? v : v.substring(0, eq);
            if (eq < 0 || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(option + " " + v + ": expected NAME=" + what
                        + " with NAME of letters, digits, '_', '.' or '-'");
            }
            String value = v.substring(eq + 1);
            if (value.contains("\"") || value.contains("'")) {
                throw new IllegalArgumentException(option + " " + v + ": quotes are not supported; options are split "
                        + "on whitespace, so give each option without spaces inside it");
            }
            if (pairs.put(name, value) != null) {
                throw new IllegalArgumentException(option + " " + v + ": configuration " + name + " is given twice");
            }
        }
        return pairs;
    }

    /** The JDK at {@code home}, read from its {@code release} file; refused if none or older than 21. */
    private static JdkFinder.Jdk jdk(String name, String home) {
        Path path = Path.of(home).toAbsolutePath().normalize();
        List<JdkFinder.Jdk> found = new JdkFinder(Launcher.REQUIRED_FEATURE).inspect(List.of(path));
        String given = "--config-jdk " + name + "=" + home + ": ";
        if (found.isEmpty()) {
            throw new IllegalArgumentException(given + path + " is not a JDK (it needs bin/java and a release file)");
        }
        JdkFinder.Jdk jdk = found.get(0);
        if (jdk.feature() < Launcher.REQUIRED_FEATURE) {
            throw new IllegalArgumentException(given + "JDK " + jdk.version() + " is older than " + Launcher.REQUIRED_FEATURE
                    + " (the benchmarks need virtual threads)");
        }
        return jdk;
    }
}
