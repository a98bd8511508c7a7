package corescale.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import corescale.benchmarks.selftest.Gate;
import corescale.results.ResultsCsv;
import corescale.stats.model.ResultsColumn;
import corescale.sweep.TestSweeps;

/**
 * fleet/run.yml against real OpenSSH servers: two sshd on 127.0.0.2 and 127.0.0.3 (own host key, a
 * key made for the test, key authentication only), a third host, 127.0.0.4, where nothing listens, and
 * a fourth, hostD, on hostA's server with a {@code corescale_java} that is not there.
 * The play runs the three points of the selftest {@link Gate} benchmark ({@code --quick -f 1}: one
 * round of the place, so that each point is whole as soon as its fork is) on both
 * servers in parallel; hostB's sshd hands its sessions the gate's folder (sshd's SetEnv), so the test
 * holds hostB's run at its second point and SIGKILLs its JVM there, as a crash or a reboot would.
 * Then: hostA's run arrives whole, hostB's finished point arrives, hostB, the unreachable hostC and
 * hostD (no JDK 21+, said in one line) are named as failed, nothing of hostB's run is left running; the next play resumes hostB's run in its
 * folder (no duplicate rows), leaves hostA's finished run alone, and {@code fleet} draws both.
 *
 * <p>Run as root (as CI does) the servers allow the root login by key only
 * ({@code PermitRootLogin prohibit-password}); otherwise they run as the user and admit only the
 * user. {@code StrictModes no}: the key files are in a temporary folder. The test needs sshd,
 * ssh-keygen and ansible-playbook: it fails without them in CI (.ci/run installs them) and is skipped
 * elsewhere.
 */
class FleetIT {

    static final long PLAY_LIMIT_SECONDS = 420;
    static final List<String> VARIANTS = List.of("a", "b", "c");

    @TempDir
    Path dir;

    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stopEverythingStarted() {
        for (Process p : servers) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        // Whatever names the test's folder: the remote runs and their forks, the session processes,
        // ssh's control masters (their socket is in it).
        String mine = dir.toString();
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(mine)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void runsTwoHostsResumesAKilledRunAndNamesTheHostsThatFailed() throws Exception {
        requireTools();
        Path gate = Files.createDirectories(dir.resolve("gate"));
        Path key = keygen("client");
        Path hostKey = keygen("hostkey");
        Files.copy(key.resolveSibling("client.pub"), dir.resolve("authorized_keys"));
        int portA = startSshd("127.0.0.2", hostKey, null);
        int portB = startSshd("127.0.0.3", hostKey, gate);
        int portC = freePort("127.0.0.4"); // nothing listens there
        String hostPub = Files.readString(hostKey.resolveSibling("hostkey.pub")).trim().split(" ", 3)[0] + " "
                + Files.readString(hostKey.resolveSibling("hostkey.pub")).trim().split(" ", 3)[1];
        Files.writeString(dir.resolve("known_hosts"), "[127.0.0.2]:" + portA + " " + hostPub + "\n"
                + "[127.0.0.3]:" + portB + " " + hostPub + "\n");
        Path inventory = dir.resolve("lab.ini");
        Files.writeString(inventory, String.join("\n",
                "[bench]",
                "hostA ansible_host=127.0.0.2 ansible_port=" + portA + " corescale_dir=" + dir.resolve("remoteA"),
                "hostB ansible_host=127.0.0.3 ansible_port=" + portB + " corescale_dir=" + dir.resolve("remoteB"),
                "hostC ansible_host=127.0.0.4 ansible_port=" + portC + " corescale_dir=" + dir.resolve("remoteC"),
                // hostA's server again, with a java that is not there and no leave to install one.
                "hostD ansible_host=127.0.0.2 ansible_port=" + portA + " corescale_dir=" + dir.resolve("remoteD")
                        + " corescale_java=" + dir.resolve("no-jdk").resolve("bin").resolve("java"),
                "",
                "[bench:vars]",
                "ansible_user=" + System.getProperty("user.name"),
                "ansible_ssh_private_key_file=" + key,
                "ansible_ssh_common_args='-o UserKnownHostsFile=" + dir.resolve("known_hosts")
                        + " -o StrictHostKeyChecking=yes -o ConnectTimeout=10'",
                "ansible_python_interpreter=auto_silent",
                // The JDK the test runs on; the JMH lock is per machine, and these hosts are one machine.
                "corescale_java=" + Path.of(System.getProperty("java.home"), "bin", "java"),
                "corescale_jvm_args=-Djmh.ignoreLock=true",
                "corescale_poll=1",
                ""));
        Path results = dir.resolve("results");

        // Play 1: hostB is held at its second point and killed there; hostC cannot be reached; hostD has no JDK.
        Process play = startPlay(inventory, results, "play-1.log");
        String first = awaitWaiting(gate, Set.of(), play);
        Files.createFile(gate.resolve(first + ".go"));
        awaitWaiting(gate, Set.of(first), play);
        ProcessHandle runB = remoteRun("remoteB").orElseGet(() -> fail("no run of hostB's jar found"));
        List<ProcessHandle> forksB = runB.descendants().toList();
        assertFalse(forksB.isEmpty(), "hostB's run has its fork waiting at the gate");
        assertTrue(runB.destroyForcibly(), "SIGKILL hostB's run");
        assertTrue(play.waitFor(PLAY_LIMIT_SECONDS, TimeUnit.SECONDS), "play 1 ends");
        String out1 = Files.readString(dir.resolve("play-1.log"));
        assertNotEquals(0, play.exitValue(), out1);
        assertRecap(out1, "hostA", 0, 0);
        assertRecap(out1, "hostB", 1, 0);
        assertRecap(out1, "hostC", 0, 1);
        assertRecap(out1, "hostD", 1, 0);
        assertTrue(out1.contains("no JDK 21+ for the jar on hostD"), out1);
        assertTrue(out1.contains("1 of 4 hosts measured (hostA); FAILED: hostB, hostC, hostD"), out1);
        assertEquals(List.of(), forksB.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList(),
                "the play ended hostB's fork");
        assertTrue(remoteRun("remoteB").isEmpty(), "nothing of hostB's run is left running");

        Path fleet = onlyFolder(results);
        Path a = fleet.resolve("hostA").resolve("results.csv");
        Path b = fleet.resolve("hostB").resolve("results.csv");
        assertEquals(Set.copyOf(VARIANTS), variants(a), "hostA's run arrived whole");
        assertEquals(Set.of(first), variants(b), "hostB's finished point arrived, and only it");
        assertFalse(Files.exists(fleet.resolve("hostC")), "nothing of the unreachable host");
        assertFalse(Files.exists(fleet.resolve("hostD").resolve("results.csv")), "nothing measured without a JDK");
        String runA = Files.readString(a);

        // Play 2, without the unreachable host and the one without a JDK (--limit, as a user would leave out a dead host): every
        // gate open; hostB's run is resumed in its folder, hostA's left alone.
        for (String v : VARIANTS) {
            Files.deleteIfExists(gate.resolve(v + ".waiting")); // a trial creates it anew
            if (!Files.exists(gate.resolve(v + ".go"))) {
                Files.createFile(gate.resolve(v + ".go"));
            }
        }
        Process again = startPlay(inventory, results, "play-2.log", "--limit", "all:!hostC:!hostD");
        assertTrue(again.waitFor(PLAY_LIMIT_SECONDS, TimeUnit.SECONDS), "play 2 ends");
        String out2 = Files.readString(dir.resolve("play-2.log"));
        assertEquals(0, again.exitValue(), out2);
        assertRecap(out2, "hostA", 0, 0);
        assertRecap(out2, "hostB", 0, 0);
        assertFalse(out2.contains("hostC") || out2.contains("hostD"), out2);
        assertTrue(out2.contains("2 of 2 hosts measured (hostA, hostB)"), out2);
        assertEquals(fleet, onlyFolder(results), "the same fleet run, resumed");
        assertEquals(runA, Files.readString(a), "hostA's finished run was not measured again");
        assertTrue(Files.readString(fleet.resolve("hostB.log")).contains("Plan: " + (VARIANTS.size() - 1)
                + " points left (1 already done)"), "hostB's run resumed");
        List<Map<String, String>> rowsB = ResultsCsv.read(b);
        assertEquals(Set.copyOf(VARIANTS), variants(b), "hostB's run finished");
        Set<String> unique = new HashSet<>();
        for (Map<String, String> r : rowsB) {
            assertTrue(unique.add(r.get("variant") + "/" + r.get("cores") + "/" + r.get("fork") + "/" + r.get("iteration")),
                    "duplicate row " + r);
        }
        assertEquals(1, rowsB.stream().map(r -> r.get(ResultsColumn.RUN_ID.header)).distinct().count(), "one run id across the resume");

        // One page for the fleet: both machines, one chart per setting (and its per-core twin).
        Process page = new ProcessBuilder(TestSweeps.jarCommand("fleet", fleet.toString())).redirectErrorStream(true)
                .redirectOutput(dir.resolve("fleet.log").toFile()).start();
        servers.add(page);
        assertTrue(page.waitFor(120, TimeUnit.SECONDS), "fleet ends");
        assertEquals(0, page.exitValue(), Files.readString(dir.resolve("fleet.log")));
        String md = Files.readString(fleet.resolve("fleet.md"));
        assertTrue(md.contains("| hostA |") && md.contains("| hostB |"), md);
        try (Stream<Path> files = Files.list(fleet)) {
            assertEquals(List.of("fleet-selftest-gate-step-cores.png", "fleet-selftest-gate-step-per-core.png"),
                    files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).sorted().toList());
        }
    }

    /** The tools the test drives; missing, a failure in CI and a skip elsewhere. */
    private static void requireTools() {
        List<String> missing = Stream.of("/usr/sbin/sshd", "ssh-keygen", "ssh", "ansible-playbook")
                .filter(t -> !onPath(t)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String why = "FleetIT needs " + String.join(", ", missing) + " (apt-get install openssh-server ansible-core)";
        if ("1".equals(System.getenv("CORESCALE_CI"))) { // set by .ci/run, which installs them
            fail(why + ": .ci/run installs them");
        }
        Assumptions.abort(why);
    }

    private static boolean onPath(String tool) {
        if (tool.startsWith("/")) {
            return Files.isExecutable(Path.of(tool));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    }

    private Path keygen(String name) throws Exception {
        Path key = dir.resolve(name);
        run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "corescale-fleet-it", "-f", key.toString()));
        return key;
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
    }

    /** Starts sshd on {@code address}, sessions given the gate folder when one is named; returns its port. */
    private int startSshd(String address, Path hostKey, Path gate) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            // sshd's privilege separation folder; Debian's service creates it, a bare sshd does not.
            Files.createDirectories(Path.of("/run/sshd"));
        }
        int port = freePort(address);
        String name = "sshd-" + address;
        Path config = dir.resolve(name + ".conf");
        Files.writeString(config, String.join("\n",
                "ListenAddress " + address + ":" + port,
                "HostKey " + hostKey,
                "PidFile " + dir.resolve(name + ".pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "AuthenticationMethods publickey",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin " + (root ? "prohibit-password" : "no"),
                "AllowUsers " + System.getProperty("user.name"),
                "UsePAM no",
                "StrictModes no",
                "Subsystem sftp internal-sftp",
                gate == null ? "" : "SetEnv " + Gate.ENV + "=" + gate,
                ""));
        Process sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        servers.add(sshd);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 500);
                return port;
            } catch (IOException notYet) {
                assertTrue(sshd.isAlive(), name + " stopped: " + Files.readString(dir.resolve(name + ".log")));
                Thread.sleep(50);
            }
        }
        return fail(name + " does not listen on " + port + ": " + Files.readString(dir.resolve(name + ".log")));
    }

    private static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return s.getLocalPort();
        }
    }

    private Process startPlay(Path inventory, Path results, String log, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of("ansible-playbook", "-i", inventory.toString(),
                System.getProperty("corescale.playbook"), "-e", "run_args='selftest.Gate --quick -f 1'",
                "-e", "results_dir=" + results, "-e", "jar=" + System.getProperty("corescale.jar")));
        command.addAll(List.of(more));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_SSH_CONTROL_PATH_DIR", dir.resolve("cp").toString());
        pb.environment().put("ANSIBLE_LOCAL_TEMP", dir.resolve("ansible-local").toString());
        Process p = pb.start();
        servers.add(p);
        return p;
    }

    /** The variant of the next Gate point that reaches its gate on hostB. */
    private String awaitWaiting(Path gate, Set<String> seen, Process play) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PLAY_LIMIT_SECONDS);
        while (System.nanoTime() < deadline && play.isAlive()) {
            try (Stream<Path> files = Files.list(gate)) {
                Optional<String> next = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".waiting"))
                        .map(n -> n.substring(0, n.length() - ".waiting".length())).filter(v -> !seen.contains(v)).findFirst();
                if (next.isPresent()) {
                    return next.get();
                }
            }
            Thread.sleep(50);
        }
        return fail("no point of hostB reached its gate (play alive: " + play.isAlive() + "):\n"
                + Files.readString(dir.resolve("play-1.log")));
    }

    /** The JVM running the jar copied to {@code remote} (java -jar .../benchmarks.jar run ...), if any. */
    private Optional<ProcessHandle> remoteRun(String remote) {
        String jar = dir.resolve(remote).resolve("benchmarks.jar").toString();
        return ProcessHandle.allProcesses().filter(p -> {
            List<String> args = List.of(p.info().arguments().orElse(new String[0]));
            int j = args.indexOf("-jar");
            return j >= 0 && j + 2 < args.size() && args.get(j + 1).equals(jar) && args.get(j + 2).equals("run");
        }).findFirst();
    }

    private static void assertRecap(String out, String host, int failed, int unreachable) {
        Matcher m = Pattern.compile("(?m)^" + host + "\\s*:.*unreachable=(\\d+)\\s+failed=(\\d+)").matcher(out);
        assertTrue(m.find(), "the recap names " + host + ":\n" + out);
        assertEquals(unreachable, Integer.parseInt(m.group(1)), host + " unreachable:\n" + out);
        assertEquals(failed, Integer.parseInt(m.group(2)), host + " failed:\n" + out);
    }

    private static Path onlyFolder(Path results) throws IOException {
        try (Stream<Path> s = Files.list(results)) {
            List<Path> dirs = s.filter(Files::isDirectory).toList();
            assertEquals(1, dirs.size(), "one fleet run: " + dirs);
            return dirs.get(0);
        }
    }

    private static Set<String> variants(Path resultsCsv) throws IOException {
        return ResultsCsv.read(resultsCsv).stream().map(r -> r.get("variant")).collect(Collectors.toSet());
    }
}
