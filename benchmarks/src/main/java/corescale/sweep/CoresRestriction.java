package corescale.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import corescale.results.CpuList;
import corescale.topology.FsRoot;
import corescale.topology.Placement;

/**
 * Restricts a measured JVM to the CPUs its {@link Placement} names for its core count. On Linux with
 * {@code taskset} the fork is started as {@code taskset -c <those CPUs> java ...}, so the kernel
 * enforces it; everywhere the fork also gets {@code -XX:ActiveProcessorCount=<cores>} so that pools
 * size themselves as they would on such a machine. Without taskset only the second holds, and
 * results say {@code affinity=false}.
 */
public final class CoresRestriction {

    /** The system property that tells a fork's {@link CoresCheck} which CPUs it must have. */
    static final String EXPECTED_CPUS = "corescale.cpus";

    private final Placement placement;
    private final Optional<Path> taskset;
    private final Path java;
    private Path scratch;
    /** The taskset scripts written so far, one per core count and java binary. */
    private final Map<Fork, Path> scripts = new HashMap<>();
    /** The folder of each java binary's scripts. */
    private final Map<Path, Path> folders = new HashMap<>();

    private record Fork(int cores, Path java) {
    }

    CoresRestriction(Placement placement, Optional<Path> taskset, Path java) {
        this.placement = placement;
        this.taskset = taskset;
        this.java = java;
    }

    /** Forks placed by {@code placement}, pinned with taskset where there is one. */
    public static CoresRestriction detect(Placement placement) {
        boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
        Optional<Path> taskset = linux && ownAllowedCpus().isPresent() ? findOnPath("taskset") : Optional.empty();
        return new CoresRestriction(placement, taskset, Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    /** CPUs this process may run on, from the real /proc/self/status; empty where there is no such file. */
    public static Optional<List<Integer>> ownAllowedCpus() {
        return FsRoot.REAL.field("/proc/self/status", "Cpus_allowed_list").flatMap(FsRoot::parseCpuList);
    }

    public Placement placement() {
        return placement;
    }

    public boolean affinity() {
        return taskset.isPresent();
    }

    /** How many CPUs a point can have at most. */
    public int maxCores() {
        return placement.maxCores();
    }

    /** 1, 2, 4 ... below the maximum, then the maximum. */
    public List<Integer> defaultCoreCounts() {
        return placement.defaultCoreCounts();
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
     * informational lines out of the sweep's console (JMH copies fork output there), and
     * {@code corescale.cpus} tells the fork's check which CPUs it must be pinned to.
     */
    public List<String> jvmArgs(int cores) {
        return List.of("-XX:ActiveProcessorCount=" + cores, "-Dcorescale.quiet=true",
                "-D" + EXPECTED_CPUS + "=" + CpuList.format(cpusFor(cores)));
    }

    /** The CPUs a fork at {@code cores} is pinned to. */
    public List<Integer> cpusFor(int cores) {
        return placement.cpusFor(cores);
    }

    /** The executable JMH starts forks at {@code cores} with, on this process's own JDK. */
    public String jvmFor(int cores) throws IOException {
        return jvmFor(cores, "");
    }

    /**
     * The executable JMH starts forks with: the java binary of {@code javaHome} (empty: this
     * process's own JDK), or with affinity a small script that runs it under taskset (JMH takes one
     * executable, not a command line).
     */
    public synchronized String jvmFor(int cores, String javaHome) throws IOException {
        Path binary = javaBinary(javaHome);
        if (taskset.isEmpty()) {
            return binary.toString();
        }
        if (scratch == null) {
            scratch = Files.createTempDirectory("corescale-");
            scratch.toFile().deleteOnExit();
        }
        Path script = scripts.get(new Fork(cores, binary));
        if (script == null) {
            // One folder per java binary, with its jcmd beside the scripts: JMH's jfr profiler runs the
            // jcmd found next to the executable it started.
            Path folder = folders.get(binary);
            if (folder == null) {
                folder = Files.createDirectory(scratch.resolve("jdk-" + folders.size()));
                folder.toFile().deleteOnExit();
                Path jcmd = binary.resolveSibling("jcmd");
                if (Files.isExecutable(jcmd)) {
                    Files.createSymbolicLink(folder.resolve("jcmd"), jcmd).toFile().deleteOnExit();
                }
                folders.put(binary, folder);
            }
            script = folder.resolve("java-cores-" + cores);
            String text = "#!/bin/sh\nexec '" + taskset.get() + "' -c " + CpuList.format(cpusFor(cores))
                    + " '" + binary + "' \"$@\"\n";
            Files.writeString(script, text);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            script.toFile().deleteOnExit();
            scripts.put(new Fork(cores, binary), script);
        }
        return script.toString();
    }

    /** The java binary of {@code javaHome} (empty: this process's own JDK), which {@link #jvmFor} starts. */
    public Path javaBinary(String javaHome) {
        return javaHome.isEmpty() ? java : Path.of(javaHome, "bin").resolve(java.getFileName());
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
