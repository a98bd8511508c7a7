package corescale.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JDK discovery on fake JDK folders: a {@code release} file and a {@code bin/java}. */
class JdkFinderTest {

    @TempDir
    Path root;

    private Path fakeJdk(String name, String javaVersion) throws Exception {
        Path home = root.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\nOS_NAME=\"Linux\"\n");
        return home;
    }

    @Test
    void readsTheFeatureVersionOfOldAndNewVersionStrings() {
        assertEquals(8, JdkFinder.feature("1.8.0_392"));
        assertEquals(17, JdkFinder.feature("17.0.15"));
        assertEquals(21, JdkFinder.feature("21"));
        assertEquals(25, JdkFinder.feature("25.0.3"));
        assertEquals(22, JdkFinder.feature("22-ea"));
    }

    @Test
    void picksTheNewestJdkThatFitsAndIgnoresFoldersThatAreNotJdks() throws Exception {
        Path jdk17 = fakeJdk("jdk-17", "17.0.15");
        Path jdk21 = fakeJdk("jdk-21", "21.0.4");
        Path jdk25 = fakeJdk("temurin-25", "25.0.3");
        Path notJdk = Files.createDirectories(root.resolve("docs"));
        Path noJava = root.resolve("jre-broken");
        Files.createDirectories(noJava);
        Files.writeString(noJava.resolve("release"), "JAVA_VERSION=\"26\"\n");

        JdkFinder finder = new JdkFinder(21);
        List<JdkFinder.Jdk> found = finder.inspect(List.of(jdk17, notJdk, noJava, jdk21, jdk25));
        assertEquals(3, found.size());
        Optional<JdkFinder.Jdk> chosen = finder.choose(found, null);
        assertEquals(jdk25, chosen.orElseThrow().home());
        assertEquals(jdk25.resolve("bin/java"), chosen.get().java());
    }

    @Test
    void javaHomeWinsWhenItFitsEvenIfANewerJdkExists() throws Exception {
        Path jdk21 = fakeJdk("jdk-21", "21.0.4");
        Path jdk25 = fakeJdk("jdk-25", "25");
        JdkFinder finder = new JdkFinder(21);
        List<Path> candidates = JdkFinder.candidates(Map.of("JAVA_HOME", jdk21.toString()), root.resolve("nohome"));
        assertEquals(jdk21, candidates.get(0), "JAVA_HOME is looked at first");
        List<JdkFinder.Jdk> found = finder.inspect(List.of(jdk21, jdk25));
        assertEquals(jdk21, finder.choose(found, jdk21.toString()).orElseThrow().home());
    }

    @Test
    void anOldJavaHomeIsPassedOverForAJdkThatFits() throws Exception {
        Path jdk17 = fakeJdk("jdk-17", "17.0.2");
        Path jdk22 = fakeJdk("jdk-22", "22.0.1");
        JdkFinder finder = new JdkFinder(21);
        List<JdkFinder.Jdk> found = finder.inspect(List.of(jdk17, jdk22));
        assertEquals(jdk22, finder.choose(found, jdk17.toString()).orElseThrow().home());
    }

    @Test
    void findsJdksUnderTheUsualFoldersOfAUserHomeIncludingMacOsLayout() throws Exception {
        Path home = root.resolve("home");
        Path sdkman = home.resolve(".sdkman/candidates/java/21.0.2-tem");
        Files.createDirectories(sdkman.resolve("bin"));
        Files.writeString(sdkman.resolve("bin/java"), "");
        Files.writeString(sdkman.resolve("release"), "JAVA_VERSION=\"21.0.2\"\n");
        Path mac = home.resolve("Library/Java/JavaVirtualMachines/zulu-23.jdk/Contents/Home");
        Files.createDirectories(mac.resolve("bin"));
        Files.writeString(mac.resolve("bin/java"), "");
        Files.writeString(mac.resolve("release"), "JAVA_VERSION=\"23.0.1\"\n");

        List<Path> candidates = JdkFinder.candidates(Map.of(), home);
        assertTrue(candidates.contains(sdkman), candidates.toString());
        assertTrue(candidates.contains(mac), candidates.toString());
    }

    @Test
    void whenNothingFitsTheMessageSaysWhatIsNeededAndWhatWasFound() throws Exception {
        Path jdk11 = fakeJdk("jdk-11", "11.0.22");
        Path jdk17 = fakeJdk("jdk-17", "17.0.15");
        JdkFinder finder = new JdkFinder(21);
        List<JdkFinder.Jdk> found = finder.inspect(List.of(jdk11, jdk17));
        assertTrue(finder.choose(found, jdk17.toString()).isEmpty());

        String message = finder.nothingFits("17.0.15", found);
        assertEquals(1, message.lines().count(), "one line");
        assertTrue(message.contains("JDK 21 or newer"), message);
        assertTrue(message.contains("11.0.22 at " + jdk11), message);
        assertTrue(message.contains("17.0.15 at " + jdk17), message);
        assertTrue(finder.nothingFits("17.0.15", List.of()).contains("no other JDK was found"));
    }

    @Test
    void theRelaunchAllowsUnsafeWhereTheJdkWouldWarnOfIt() {
        String[] args = {"run", "--quick"};
        JdkFinder.Jdk jdk25 = new JdkFinder.Jdk(root.resolve("jdk-25"), 25, "25.0.3");
        List<String> on25 = Launcher.command(jdk25, List.of("-Xmx1g"), "b.jar", args);
        assertEquals(List.of(jdk25.java().toString(), "--sun-misc-unsafe-memory-access=allow", "-Xmx1g",
                "-cp", "b.jar", Launcher.class.getName(), "run", "--quick"), on25);
        List<String> on21 = Launcher.command(new JdkFinder.Jdk(root.resolve("jdk-21"), 21, "21.0.5"), List.of(), "b.jar", args);
        assertTrue(on21.stream().noneMatch(a -> a.startsWith("--sun-misc")), "JDK 21 does not know the option: " + on21);
    }

    @Test
    void reportCommandsRunWithC1AloneAndRunNever() {
        JdkFinder.Jdk jdk21 = new JdkFinder.Jdk(root.resolve("jdk-21"), 21, "21.0.5");
        for (String command : List.of("report", "compare", "fleet")) {
            List<String> line = Launcher.command(jdk21, List.of("-Xmx1g"), "b.jar", new String[] {command, "dir"});
            assertEquals(List.of(jdk21.java().toString(), "-Xmx1g", "-XX:TieredStopAtLevel=1", "-cp", "b.jar",
                    Launcher.class.getName(), command, "dir"), line);
        }
        // JMH's forks take the host's options: run must keep both compilers, as must plain JMH.
        for (String[] args : List.of(new String[] {"run", "--quick"}, new String[] {"counters"}, new String[] {"jmh"},
                new String[] {"list"}, new String[0])) {
            assertEquals(List.of(), Launcher.reportOptions(args, List.of()), String.join(" ", args));
        }
        // The user's own choice of compilers wins.
        assertEquals(List.of(), Launcher.reportOptions(new String[] {"report", "dir"}, List.of("-XX:TieredStopAtLevel=4")));
        assertEquals(List.of(), Launcher.reportOptions(new String[] {"report", "dir"}, List.of("-XX:-TieredCompilation")));
    }

    /** From JDK 24, what starts JMH's runner here relaunches with Unsafe's memory methods allowed; nothing else does. */
    @Test
    void aJdk24OrLaterRelaunchesWhatStartsJmhSoThatItPrintsNoUnsafeWarnings() {
        for (String[] args : List.of(new String[] {"run", "--quick"}, new String[] {"counters"}, new String[] {"jmh", "-l"},
                new String[] {"Counters", "-f", "1"}, new String[0])) {
            assertTrue(Launcher.relaunchHere(args, 25, List.of()), String.join(" ", args));
            assertFalse(Launcher.relaunchHere(args, 21, List.of()), "JDK 21 does not warn: " + String.join(" ", args));
            assertFalse(Launcher.relaunchHere(args, 25, List.of("--sun-misc-unsafe-memory-access=allow")), "allowed already");
        }
        for (String[] args : List.of(new String[] {"list"}, new String[] {"--help"}, new String[] {"--version"})) {
            assertFalse(Launcher.relaunchHere(args, 25, List.of()), String.join(" ", args));
        }
        assertTrue(Launcher.relaunchHere(new String[] {"report", "dir"}, 21, List.of()), "C1 alone");
        assertFalse(Launcher.relaunchHere(new String[] {"report", "dir"}, 25, List.of("-XX:TieredStopAtLevel=4")), "the user's compilers");
    }

    @Test
    void aReportRunsInThisJvmWhenNoProcessCanBeStarted() throws Exception {
        JdkFinder.Jdk gone = new JdkFinder.Jdk(root.resolve("no-such-jdk"), 25, "25.0.3");
        assertEquals(java.util.OptionalInt.empty(), Launcher.relaunchForReport(gone, new String[] {"report", "dir"}));
    }
}
