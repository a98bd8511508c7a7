package corescale.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing outlives the command the user started: {@code java -jar benchmarks.jar run ...} started
 * with a java older than 21 relaunches itself on a JDK 21+ as a child process; when that launcher
 * is killed with SIGKILL (no hook of its runs), the relaunched JVM stops as on SIGTERM, and its
 * forks and their worker processes end with it.
 *
 * <p>The run measures cpu's {@code processes} variant, whose fork starts worker processes, so the
 * tree is launcher → relaunched JVM → fork → workers when the launcher is killed.
 */
class LauncherParentKilledIT {

    static final long START_LIMIT_SECONDS = 180;
    /** Far more than the relaunched JVM needs to see its launcher gone (ProcessHandle polls it). */
    static final long STOP_LIMIT_SECONDS = 30;

    @TempDir
    Path dir;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void endEverythingStarted() {
        started.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    /** The {@code java} a user's shell would run: the first on the PATH, with its JDK's version. */
    private static Optional<JdkFinder.Jdk> javaOnPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(File.pathSeparator)) {
            Path java = Path.of(folder, JdkFinder.isWindows() ? "java.exe" : "java");
            if (Files.isExecutable(java)) {
                try {
                    return JdkFinder.read(java.toRealPath().getParent().getParent());
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void sigkillOfTheLauncherStopsTheRelaunchedRunItsForksAndTheirWorkers() throws Exception {
        Optional<JdkFinder.Jdk> java = javaOnPath();
        // Where CORESCALE_CI=1 (.ci/run) the PATH's java is the machine's JDK 17: a skip there would hide this test.
        boolean ci = "1".equals(System.getenv("CORESCALE_CI"));
        String noRelaunch = java.map(j -> "the java on the PATH is " + j + ", new enough to run benchmarks.jar itself: "
                + "there is no relaunched JVM to follow its launcher")
                .orElse("no java with a JDK release file on the PATH: the relaunch cannot be started as a user would");
        boolean relaunches = java.isPresent() && java.get().feature() < Launcher.REQUIRED_FEATURE;
        assertTrue(relaunches || !ci, "CORESCALE_CI=1 but " + noRelaunch);
        Assumptions.assumeTrue(relaunches, noRelaunch);
        String jar = System.getProperty("corescale.jar");
        assertNotNull(jar, "the corescale.jar property names the shaded jar: run this test through mvn verify");

        Path console = dir.resolve("console.log");
        Process launcher = new ProcessBuilder(java.get().java().toString(), "-Djmh.ignoreLock=true", "-jar", jar,
                "run", "cpu.CpuBatch", "--param", "cpu.variant=processes", "--cores", "1", "-f", "1", "-wi", "0",
                "-i", "60", "-r", "1s", "--out", dir.resolve("run").toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        started.add(launcher.toHandle());

        List<ProcessHandle> tree = awaitWorkers(launcher, console);
        // Ended after the test whatever happens: once the launcher is gone they are no longer its descendants.
        started.addAll(tree);
        launcher.toHandle().destroyForcibly(); // SIGKILL: the launcher's own shutdown hook does not run
        assertTrue(launcher.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS), "the launcher is killed");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_LIMIT_SECONDS);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(List.of(), tree.stream().filter(ProcessHandle::isAlive).map(LauncherParentKilledIT::describe).toList(),
                "every process the launcher had started has ended");
        String out = Files.readString(console);
        assertTrue(out.contains("corescale: this java is " + java.get().version()), "the run was relaunched:\n" + out);
        assertTrue(out.contains("Interrupted before any point was finished"), "the relaunched run stopped as on SIGTERM:\n" + out);
    }

    /**
     * SIGTERM (or Ctrl-C) reaches the launcher: its hook stops the relaunched run, which keeps its finished
     * points, and the launcher exits with the signal's status and nothing on its console but the run's
     * own lines (removing the hook during shutdown once printed an IllegalStateException's stack trace).
     * A launcher relaunches from an older java, and from JDK 24 on to allow Unsafe's memory methods.
     */
    @Test
    void sigtermOfTheLauncherStopsTheRunWithoutAStackTrace() throws Exception {
        Optional<JdkFinder.Jdk> onPath = javaOnPath().filter(j -> j.feature() < Launcher.REQUIRED_FEATURE);
        Optional<JdkFinder.Jdk> self = JdkFinder.read(Path.of(System.getProperty("java.home")))
                .filter(j -> j.feature() >= Launcher.UNSAFE_WARNING_FEATURE);
        Optional<JdkFinder.Jdk> java = onPath.or(() -> self);
        Assumptions.assumeTrue(java.isPresent(), "neither a java older than 21 on the PATH nor a JDK 24+ running the tests: no relaunch");
        String jar = System.getProperty("corescale.jar");
        assertNotNull(jar, "the corescale.jar property names the shaded jar: run this test through mvn verify");

        Path console = dir.resolve("console.log");
        Process launcher = new ProcessBuilder(java.get().java().toString(), "-Djmh.ignoreLock=true", "-jar", jar,
                "run", "counters.Counters", "--param", "variant=atomicLong", "--param", "workOutside=0", "--cores", "1",
                "--threads", "1", "-f", "1", "-wi", "0", "-i", "60", "-r", "1s", "--out", dir.resolve("run").toString())
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        started.add(launcher.toHandle());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (launcher.isAlive() && !Files.readString(console).contains("canary start") && System.nanoTime() < deadline) {
            Thread.sleep(100); // until the run is measuring: its first canary is taken before the first point
        }
        assertTrue(launcher.isAlive(), "the run is under way:\n" + Files.readString(console));
        launcher.destroy(); // SIGTERM
        assertTrue(launcher.waitFor(STOP_LIMIT_SECONDS, TimeUnit.SECONDS), "the launcher stops");
        String out = Files.readString(console);
        assertEquals(Launcher.SIGTERM_EXIT, launcher.exitValue(), out);
        assertTrue(out.contains("Interrupted before any point was finished"), "the relaunched run stopped as on SIGTERM:\n" + out);
        assertFalse(out.contains("Exception"), "no stack trace:\n" + out);
        assertFalse(out.contains("WARNING"), "no JVM warning:\n" + out);
    }

    /**
     * Waits until the fork of the run has started its workers; then returns every process the
     * launcher has started (the relaunched JVM, its forks, their workers), to be watched after the kill.
     */
    private static List<ProcessHandle> awaitWorkers(Process launcher, Path console) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_LIMIT_SECONDS);
        while (System.nanoTime() < deadline && launcher.isAlive()) {
            List<ProcessHandle> workers = launcher.children()
                    .flatMap(ProcessHandle::children) // forks of the relaunched JVM
                    .flatMap(ProcessHandle::children) // their workers
                    .toList();
            if (!workers.isEmpty()) {
                return launcher.descendants().toList();
            }
            Thread.sleep(100);
        }
        return fail("no fork started workers (launcher alive: " + launcher.isAlive() + "):\n" + Files.readString(console));
    }

    private static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }
}
