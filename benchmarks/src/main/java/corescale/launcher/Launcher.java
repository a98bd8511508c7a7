package corescale.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of benchmarks.jar, compiled for Java 17 so that an older {@code java} can load it.
 * On a JDK 21+ it starts the command line at once. On an older one it finds a JDK 21+ and runs the
 * same command there (same JVM options, same arguments), passing the exit code back, so that
 * {@code java -jar benchmarks.jar} works whatever {@code java} is first on the PATH. JMH then
 * starts its forks with that same JDK. The commands that only read results and write reports run
 * in a JVM that compiles with C1 alone (relaunched for it where needed): see {@link #reportOptions}.
 */
public final class Launcher {

    /** The oldest JDK the suite runs on (virtual threads), for the run and any --config-jdk. */
    public static final int REQUIRED_FEATURE = 21;
    /** Set in the relaunched JVM's environment to the launcher's pid. */
    static final String RELAUNCHED = "CORESCALE_RELAUNCHED";
    /** The exit status of a JVM stopped by SIGTERM (128 + 15). */
    static final int SIGTERM_EXIT = 143;
    /** The first JDK that warns of sun.misc.Unsafe's memory methods unless told otherwise. */
    static final int UNSAFE_WARNING_FEATURE = 24;
    private static final String MAIN = "corescale.cli.Main";
    /** The commands that only read result files and write reports and charts. */
    static final Set<String> REPORT_COMMANDS = Set.of("report", "compare", "fleet");
    /** Compile with C1 only (no C2). */
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        int running = Runtime.version().feature();
        if (running >= REQUIRED_FEATURE) {
            String launcher = System.getenv(RELAUNCHED);
            if (launcher != null) {
                followLauncher(Long.parseLong(launcher));
            } else if (relaunchHere(args, running, ManagementFactory.getRuntimeMXBean().getInputArguments())) {
                JdkFinder.Jdk self = new JdkFinder.Jdk(Path.of(System.getProperty("java.home")), running,
                        System.getProperty("java.version"));
                OptionalInt exit = relaunchForReport(self, args);
                if (exit.isPresent()) {
                    System.exit(exit.getAsInt());
                }
            }
            // Reflection keeps this class free of links to classes compiled for 21.
            Class.forName(MAIN).getMethod("main", String[].class).invoke(null, (Object) args);
            return;
        }
        String runningVersion = System.getProperty("java.version") + " (" + System.getProperty("java.home") + ")";
        if (System.getenv(RELAUNCHED) != null) {
            System.err.println("corescale: relaunched on a JDK that reports version " + runningVersion
                    + ", which is older than " + REQUIRED_FEATURE + "; giving up");
            System.exit(1);
        }
        JdkFinder finder = new JdkFinder(REQUIRED_FEATURE);
        List<JdkFinder.Jdk> found = finder.inspect(JdkFinder.candidates(System.getenv(), Path.of(System.getProperty("user.home"))));
        Optional<JdkFinder.Jdk> jdk = finder.choose(found, System.getenv("JAVA_HOME"));
        if (jdk.isEmpty()) {
            System.err.println(finder.nothingFits(runningVersion, found));
            System.exit(1);
        }
        System.err.println("corescale: this java is " + System.getProperty("java.version") + "; running on JDK "
                + jdk.get().version() + " from " + jdk.get().home());
        System.exit(relaunch(jdk.get(), args));
    }

    /** Runs this jar's main on {@code jdk} with our own JVM options and arguments; its exit code. */
    static int relaunch(JdkFinder.Jdk jdk, String[] args) throws Exception {
        List<String> command = command(jdk, ManagementFactory.getRuntimeMXBean().getInputArguments(),
                System.getProperty("java.class.path"), args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // The relaunched JVM reads this launcher's pid here, to stop when it is gone.
        builder.environment().put(RELAUNCHED, Long.toString(ProcessHandle.current().pid()));
        builder.environment().put("JAVA_HOME", jdk.home().toString());
        Process child = builder.start();
        // Ctrl-C reaches both of us; a plain kill of this process must still stop the child cleanly.
        Thread stopChild = new Thread(() -> {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Runtime.getRuntime().addShutdownHook(stopChild);
        int exit = child.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stopChild);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C or a kill: the hook has stopped the child already, and the JVM exits with the signal's status.
        }
        return exit;
    }

    /**
     * In the relaunched JVM: when the launcher that started it is gone, exit as on SIGTERM, so
     * that nothing outlives the command the user started. A launcher killed by SIGKILL runs no
     * hook of its own to stop this JVM; exiting with SIGTERM's status runs the same shutdown hooks
     * as SIGTERM does (the sweep's keeps its whole points and ends its forks and their workers).
     * The launcher's pid is passed, not read from {@code parent()}: once it dies this JVM is
     * reparented, and parent() names another process. ProcessHandle watches a process that is not
     * its child by polling (every 0.3 s at first, then less often, at most 5 s apart), and tells a
     * reused pid from the launcher by its start time. The standard streams are left alone: the
     * run reads the user's terminal through them.
     */
    static void followLauncher(long launcherPid) {
        Optional<ProcessHandle> launcher = ProcessHandle.of(launcherPid);
        if (launcher.isEmpty()) {
            System.exit(SIGTERM_EXIT);
        }
        launcher.get().onExit().thenRun(() -> System.exit(SIGTERM_EXIT));
    }

    /**
     * Runs the command in a JVM of {@code jdk} ({@link #relaunchHere}); its exit code, or empty when no
     * process could be started there: C1 alone and a JVM without warnings only save time and noise, so
     * the command then runs in this JVM.
     */
    static OptionalInt relaunchForReport(JdkFinder.Jdk jdk, String[] args) throws Exception {
        try {
            return OptionalInt.of(relaunch(jdk, args));
        } catch (IOException e) {
            return OptionalInt.empty();
        }
    }

    /**
     * Whether a JDK 21+ relaunches itself: for a report command, to compile with C1 alone; from JDK 24
     * on, for a command that starts JMH's runner in this JVM, to allow sun.misc.Unsafe's memory methods,
     * as the relaunch from an older java does: JMH's runner uses them (IterationParams), and the JVM
     * would otherwise print four warnings into the run's first lines.
     */
    static boolean relaunchHere(String[] args, int feature, List<String> jvmOptions) {
        if (!reportOptions(args, jvmOptions).isEmpty()) {
            return true;
        }
        boolean runsJmh = args.length == 0 || !NO_JMH_RUNNER.contains(args[0]) && !REPORT_COMMANDS.contains(args[0]);
        boolean allowed = jvmOptions.stream().anyMatch(o -> o.startsWith("--sun-misc-unsafe-memory-access"));
        return feature >= UNSAFE_WARNING_FEATURE && runsJmh && !allowed;
    }

    /** The commands and options that start no JMH runner; any other first word may (a filter is run's). */
    static final Set<String> NO_JMH_RUNNER = Set.of("list", "help", "-h", "--help", "-V", "--version");

    /**
     * The JVM options a command adds to the user's: for a report command, C1 alone. A report is a
     * short batch job in a fresh JVM, and C2 spends more processor time compiling its code than it
     * saves in running it: the reference run's report took 2.0-3.0 s (2.6-3.1 s of processor time) with
     * C1 alone and 3.3-4.6 s (4.4-5.9 s) with both compilers, the same files to the byte (2-vCPU Intel Xeon
     * VM, JDK 25, 3 runs each, alternating); the million-row report: stats/STATISTICS.md, "Measure it".
     * {@code run} never gets it: JMH's forks would inherit it. Tiered options of the user's own win.
     */
    static List<String> reportOptions(String[] args, List<String> jvmOptions) {
        boolean report = args.length > 0 && REPORT_COMMANDS.contains(args[0]);
        boolean usersOwn = jvmOptions.stream().anyMatch(o -> o.contains("Tiered"));
        return report && !usersOwn ? List.of(C1_ONLY) : List.of();
    }

    /**
     * The command that runs this jar's main on {@code jdk}. From JDK 24 on, the JVM warns when
     * sun.misc.Unsafe's memory methods are first used (JEP 498), which JMH's runner does in the host
     * (forks report it into jmh.log): the run allows them, so its output starts with its own lines.
     */
    static List<String> command(JdkFinder.Jdk jdk, List<String> jvmOptions, String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        if (jdk.feature() >= UNSAFE_WARNING_FEATURE) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(jvmOptions);
        command.addAll(reportOptions(args, jvmOptions));
        command.add("-cp");
        command.add(classPath);
        command.add(Launcher.class.getName());
        command.addAll(List.of(args));
        return command;
    }
}
