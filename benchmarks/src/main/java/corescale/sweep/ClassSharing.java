package corescale.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import corescale.stats.run.RunFile.RunConfig;

/**
 * The forks' class data sharing archive: every fork of a configuration maps the classes the first
 * one loaded (JMH's and the benchmarks') instead of loading and verifying them again. The first fork
 * writes it at its exit ({@code -XX:+AutoCreateSharedArchive}, JDK 19+); a JVM that cannot use it,
 * such as another JDK's, writes it anew, so there is one archive per configuration, in the run
 * folder's {@code cds/}. It changes start-up only: the code under measurement is compiled as
 * without it.
 */
final class ClassSharing {

    /** Folder of the run's archives. */
    static final String FOLDER = "cds";
    private static final String ARCHIVE_OPTION = "-XX:SharedArchiveFile=";

    private final Path folder;
    private final boolean on;

    /**
     * @param wanted false for {@code --no-class-sharing}; it is also off when this JVM's classpath
     *               (which JMH gives the forks) holds a directory, as a test's does: a JVM cannot
     *               archive classes loaded from a directory and fails at exit if asked to
     */
    ClassSharing(Path runDir, boolean wanted) {
        this.folder = runDir.toAbsolutePath().resolve(FOLDER);
        this.on = wanted && Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .allMatch(entry -> entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry)));
    }

    void prepare() throws IOException {
        if (on) {
            Files.createDirectories(folder);
        }
    }

    /** The options that make a fork of {@code config} use, or write, its archive. */
    List<String> jvmArgs(RunConfig config) {
        if (!on) {
            return List.of();
        }
        Path archive = folder.resolve((config.name().isEmpty() ? "run" : "config-" + config.name()) + ".jsa");
        return List.of(ARCHIVE_OPTION + archive, "-XX:+AutoCreateSharedArchive");
    }

    /** A JVM argument as results.csv records it: the archive by its place in the run folder, not this machine's path. */
    String recorded(String arg) {
        if (arg.startsWith(ARCHIVE_OPTION)) {
            Path path = Path.of(arg.substring(ARCHIVE_OPTION.length()));
            if (path.startsWith(folder)) {
                return ARCHIVE_OPTION + FOLDER + "/" + folder.relativize(path);
            }
        }
        return arg;
    }
}
