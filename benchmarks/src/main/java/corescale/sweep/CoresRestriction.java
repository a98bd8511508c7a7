package corescale.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import corescale.results.CpuList;

/**
 * Restricts a measured JVM to its first {@code cores} CPUs. On Linux with {@code taskset} the fork
 * is started as {@code taskset -c <first cores CPUs of our own allowed set> java ...}, so the
 * kernel enforces it; everywhere the fork also gets {@code -XX:ActiveProcessorCount=<cores>} so
 * that pools size themselves as they would on such a machine. Without taskset only the second
 * holds, and results say {@code affinity=false}.
 */
public final class CoresRestriction {

    private final List<Integer> allowedCpus;
    private final Optional<Path> taskset;
    private final Path java;
    private Path scratch;

    CoresRestriction(List<Integer> allowedCpus, Optional<Path> taskset, Path java) {
        this.allowedCpus = List.copyOf(allowedCpus);
        this.taskset = taskset;
        this.java = java;
    }

    /** What this process may use, and whether taskset is there to pass it on. */
    public static CoresRestriction detect() {
        List<Integer> allowed = ownAllowedCpus().orElseGet(() -> {
            List<Integer> all = new ArrayList<>();
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                all.add(i);
            }
            return all;
        });
        boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
        Optional<Path> taskset = linux && ownAllowedCpus().isPresent() ? findOnPath("taskset") : Optional.empty();
        return new CoresRestriction(allowed, taskset, Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** CPUs this process may run on, from /proc/self/status; empty where there is no such file. */
    public static Optional<List<Integer>> ownAllowedCpus() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return Optional.of(CpuList.parse(line.substring(line.indexOf(':') + 1)));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    public boolean affinity() {
        return taskset.isPresent();
    }

    /** How many CPUs a point can have at most. */
    public int maxCores() {
        return allowedCpus.size();
    }

    /** 1, 2, 4 ... below the maximum, then the maximum. */
    public List<Integer> defaultCoreCounts() {
        List<Integer> counts = new ArrayList<>();
        for (int c = 1; c < maxCores(); c *= 2) {
            counts.add(c);
        }
        counts.add(maxCores());
        return counts;
    }

    /** One line for the run's output when affinity cannot be set, empty otherwise. */
    public String warning() {
        if (affinity()) {
            return "";
        }
        return "CPU affinity is not available here (needs Linux and taskset): forks get only "
                + "-XX:ActiveProcessorCount, results say affinity=false";
    }

    /**
     * The JVM arguments a fork at {@code cores} gets; {@code corescale.quiet} keeps benchmarks'
     * informational lines out of the sweep's console (JMH copies fork output there).
     */
    public List<String> jvmArgs(int cores) {
        return List.of("-XX:ActiveProcessorCount=" + cores, "-Dcorescale.quiet=true");
    }

    /** The CPUs a fork at {@code cores} is pinned to. */
    public List<Integer> cpusFor(int cores) {
        if (cores < 1 || cores > maxCores()) {
            throw new IllegalArgumentException("cores must be 1.." + maxCores() + ", not " + cores);
        }
        return allowedCpus.subList(0, cores);
    }

    /**
     * The executable JMH starts forks with: the java binary itself, or with affinity a small
     * script that runs it under taskset (JMH takes one executable, not a command line).
     */
    public String jvmFor(int cores) throws IOException {
        if (taskset.isEmpty()) {
            return java.toString();
        }
        if (scratch == null) {
            scratch = Files.createTempDirectory("corescale-");
            scratch.toFile().deleteOnExit();
        }
        Path script = scratch.resolve("java-cores-" + cores);
        if (!Files.exists(script)) {
            String text = "#!/bin/sh\nexec '" + taskset.get() + "' -c " + CpuList.format(cpusFor(cores))
                    + " '" + java + "' \"$@\"\n";
            Files.writeString(script, text);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            script.toFile().deleteOnExit();
        }
        return script.toString();
    }

    static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
