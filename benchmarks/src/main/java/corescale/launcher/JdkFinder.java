package corescale.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an installed JDK of at least a given feature version. A JDK is a folder with
 * {@code bin/java} and a {@code release} file whose {@code JAVA_VERSION} says its version (every
 * JDK since 9 has one). Looks at JAVA_HOME first, then the usual install folders on Linux and
 * macOS; among the JDKs that fit, JAVA_HOME wins, then the newest.
 *
 * <p>Compiled for Java 17 with the launcher: it must run on the old JVM it replaces.
 */
public final class JdkFinder {

    /** One JDK found on disk: its home, its feature release (21) and its full version (21.0.5). */
    public record Jdk(Path home, int feature, String version) {

        public Path java() {
            return home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        }

        @Override
        public String toString() {
            return version + " at " + home;
        }
    }

    private static final Pattern JAVA_VERSION = Pattern.compile("^JAVA_VERSION=\"?([^\"\\s]+)\"?", Pattern.MULTILINE);

    private final int required;

    public JdkFinder(int required) {
        this.required = required;
    }

    /**
     * The folders to search: JAVA_HOME itself, then each JDK folder inside the usual parents.
     * {@code userHome} and {@code env} are parameters so tests can point them at fake trees.
     */
    public static List<Path> candidates(Map<String, String> env, Path userHome) {
        List<Path> homes = new ArrayList<>();
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            homes.add(Path.of(javaHome));
        }
        List<Path> parents = List.of(
                Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/usr/local/lib/jvm"), Path.of("/opt/java"),
                Path.of("/opt/jdk"), Path.of("/opt"),
                userHome.resolve(".sdkman/candidates/java"), userHome.resolve(".jdks"),
                userHome.resolve(".gradle/jdks"), userHome.resolve(".asdf/installs/java"),
                Path.of("/Library/Java/JavaVirtualMachines"), userHome.resolve("Library/Java/JavaVirtualMachines"),
                Path.of("/opt/homebrew/opt"), Path.of("/usr/local/opt"));
        for (Path parent : parents) {
            homes.addAll(children(parent));
        }
        return homes;
    }

    /** Each subfolder, and its macOS {@code Contents/Home} where there is one. */
    static List<Path> children(Path parent) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(parent)) {
            return found;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path macHome = dir.resolve("Contents").resolve("Home");
                found.add(Files.isDirectory(macHome) ? macHome : dir);
            }
        } catch (IOException | UncheckedIOException | SecurityException e) {
            // an unreadable folder holds no JDK we can use
        }
        found.sort(Comparator.naturalOrder());
        return found;
    }

    /** Every JDK among the candidates, of any version, in candidate order, without repeats. */
    public List<Jdk> inspect(List<Path> candidates) {
        List<Jdk> jdks = new ArrayList<>();
        List<Path> seen = new ArrayList<>();
        for (Path home : candidates) {
            Path real;
            try {
                real = home.toRealPath();
            } catch (IOException e) {
                continue;
            }
            if (seen.contains(real)) {
                continue;
            }
            seen.add(real);
            read(home).ifPresent(jdks::add);
        }
        return jdks;
    }

    /** The JDK to use: JAVA_HOME's if it fits, else the newest that fits. */
    public Optional<Jdk> choose(List<Jdk> jdks, String javaHome) {
        if (javaHome != null && !javaHome.isBlank()) {
            for (Jdk jdk : jdks) {
                if (jdk.home().equals(Path.of(javaHome)) && jdk.feature() >= required) {
                    return Optional.of(jdk);
                }
            }
        }
        return jdks.stream().filter(j -> j.feature() >= required).max(Comparator.comparingInt(Jdk::feature));
    }

    /** The one line printed when no JDK fits: what is needed, what was found. */
    public String nothingFits(String runningVersion, List<Jdk> found) {
        StringBuilder line = new StringBuilder("corescale needs a JDK " + required + " or newer (virtual threads); this java is "
                + runningVersion + " and ");
        if (found.isEmpty()) {
            line.append("no other JDK was found");
        } else {
            line.append("the JDKs found are too old: ");
            for (int i = 0; i < found.size(); i++) {
                line.append(i == 0 ? "" : ", ").append(found.get(i));
            }
        }
        line.append(" (searched JAVA_HOME, /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks, /Library/Java/JavaVirtualMachines)."
                + " Install JDK " + required + "+ or set JAVA_HOME to one.");
        return line.toString();
    }

    /** Reads {@code home/release}; empty when the folder is not a JDK with a java binary. */
    static Optional<Jdk> read(Path home) {
        Path release = home.resolve("release");
        Path java = home.resolve("bin").resolve(isWindows() ? "java.exe" : "java");
        if (!Files.isRegularFile(release) || !Files.isRegularFile(java)) {
            return Optional.empty();
        }
        try {
            Matcher m = JAVA_VERSION.matcher(Files.readString(release));
            if (!m.find()) {
                return Optional.empty();
            }
            String version = m.group(1);
            return Optional.of(new Jdk(home, feature(version), version));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** 8 for "1.8.0_392", 21 for "21", 25 for "25.0.3". */
    static int feature(String version) {
        String[] parts = version.split("[.\\-+_]");
        int first = Integer.parseInt(parts[0]);
        return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
