package corescale.benchmarks.exec;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import corescale.results.CpuList;

/**
 * Starts child JVMs that run this same jar (or, in tests, this same class path) with another main:
 * {@code <java.home>/bin/java -cp <java.class.path> corescale.benchmarks.exec.SomeMain ...}.
 *
 * <p>Two kinds of child, treated differently on purpose:
 * <ul>
 * <li><b>Measured</b> children (cpu workers, io client processes) are part of what a point measures.
 * They inherit the fork's CPU affinity (Linux {@code taskset} is inherited across fork/exec), and
 * they get the fork's {@code -XX:ActiveProcessorCount=N} when it has one: where the sweep cannot set
 * affinity (macOS, Windows) that flag is all that makes the fork "a machine with N cores", and a child
 * without it would size its GC, JIT and common pool to the whole machine. Where affinity is set the
 * flag agrees with it and changes nothing.</li>
 * <li><b>Services</b> (the loopback TCP service) stand for another machine and must not be starved
 * when the point restricts the fork to 1 core. They get no ActiveProcessorCount, and on Linux they
 * are started through {@code taskset -c <CPUs>}: the machine's CPUs the fork does not use when there
 * are any, else all of them (see {@link ServiceCpus}). Where {@code taskset} is missing they
 * inherit the fork's affinity; {@link RuntimeFacts} records which.</li>
 * </ul>
 * Measured children also get the fork's {@code --enable-native-access} and its configuration's JVM
 * options ({@link #CONFIG_OPTIONS}). All children get {@code -XX:-UsePerfData} (no hsperfdata file to
 * leave behind if one is killed).
 * Their stderr goes to a temporary file whose tail is quoted when a child fails.
 */
public final class ChildJvm {

    private static final String APC = "-XX:ActiveProcessorCount=";
    /**
     * The system property in which the sweep gives a fork its configuration's JVM options ({@code run
     * --config}), for the measured children to get them too: a configuration that changes the compiler or
     * the collector changes the JVMs that do the measured work, not only the fork that waits for them.
     */
    public static final String CONFIG_OPTIONS = "corescale.configOptions";
    private static final String NATIVE_ACCESS = "--enable-native-access";

    private ChildJvm() {
    }

    /** Starts a child that is part of the measurement. */
    public static ChildProcess startMeasured(String name, Class<?> main, List<String> args) throws IOException {
        return start(name, main, args, true);
    }

    /** Starts a child that stands for another machine (the loopback service). */
    public static ChildProcess startService(String name, Class<?> main, List<String> args) throws IOException {
        return start(name, main, args, false);
    }

    static ChildProcess start(String name, Class<?> main, List<String> args, boolean measured) throws IOException {
        List<String> cmd = command(main, args, measured, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty(CONFIG_OPTIONS, ""), serviceAffinityPrefix());
        Path stderr = Files.createTempFile("corescale-" + name + "-", ".stderr");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            Files.deleteIfExists(stderr);
            throw new IOException("cannot start the child JVM " + name + ": " + String.join(" ", cmd), e);
        }
        ExecTrace.record("pid", process.pid());
        return new ChildProcess(name, process, stderr);
    }

    /**
     * The command line of a child: {@code [affinity prefix] java -XX:-UsePerfData
     * [-XX:ActiveProcessorCount=N --enable-native-access=... configuration's options] -cp <class path> main args...}.
     *
     * @param forkArgs the fork's own JVM arguments (where its ActiveProcessorCount is found)
     * @param configOptions the configuration's JVM options, separated by spaces ({@link #CONFIG_OPTIONS}), or empty
     * @param servicePrefix what a service is started through ({@code taskset -c ...}), or empty
     */
    static List<String> command(Class<?> main, List<String> args, boolean measured, List<String> forkArgs,
                                String configOptions, List<String> servicePrefix) {
        List<String> cmd = new ArrayList<>();
        if (!measured) {
            cmd.addAll(servicePrefix);
        }
        cmd.add(javaBinary());
        cmd.add("-XX:-UsePerfData");
        if (measured) {
            activeProcessorCount(forkArgs).ifPresent(n -> cmd.add(APC + n));
            forkArgs.stream().filter(a -> a.startsWith(NATIVE_ACCESS)).forEach(cmd::add); // the worker's FFM calls, as the fork's
            if (!configOptions.isBlank()) {
                cmd.addAll(List.of(configOptions.strip().split("\\s+")));
            }
        }
        cmd.add("-cp");
        cmd.add(classPath());
        cmd.add(main.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** {@code <java.home>/bin/java}, the JVM running this fork. */
    public static String javaBinary() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /** The fork's class path: benchmarks.jar in production, target/classes plus dependencies in tests. */
    public static String classPath() {
        String cp = System.getProperty("java.class.path");
        if (cp == null || cp.isEmpty()) {
            throw new IllegalStateException("java.class.path is empty: cannot start a child JVM with this jar");
        }
        return cp;
    }

    /** The fork's {@code -XX:ActiveProcessorCount} value, if it was started with one. */
    public static Optional<Integer> forkActiveProcessorCount() {
        return activeProcessorCount(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static Optional<Integer> activeProcessorCount(List<String> jvmArgs) {
        Integer found = null;
        for (String arg : jvmArgs) {
            if (arg.startsWith(APC)) {
                try {
                    found = Integer.parseInt(arg.substring(APC.length()).trim()); // the last one wins, as in HotSpot
                } catch (NumberFormatException ignored) {
                    // HotSpot would have refused to start; nothing to pass on
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** {@code [taskset, -c, <service CPUs>]} on Linux when possible (see {@link ServiceCpus}), else empty. */
    static List<String> serviceAffinityPrefix() {
        Optional<String> taskset = tasksetBinary();
        Optional<ServiceCpus> cpus = ServiceCpus.forThisFork();
        if (taskset.isPresent() && cpus.isPresent()) {
            return List.of(taskset.get(), "-c", CpuList.format(cpus.get().cpus()));
        }
        return List.of();
    }

    /** Where the loopback service runs, for the run metadata. */
    public static String serviceAffinityDescription() {
        Optional<ServiceCpus> cpus = ServiceCpus.forThisFork();
        if (tasksetBinary().isPresent() && cpus.isPresent()) {
            return cpus.get().description() + " via taskset";
        }
        return "inherited from the fork";
    }

    private static Optional<String> tasksetBinary() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        for (String dir : new String[] {"/usr/bin", "/bin", "/usr/local/bin"}) {
            File f = new File(dir, "taskset");
            if (f.canExecute()) {
                return Optional.of(f.getPath());
            }
        }
        return Optional.empty();
    }
}
