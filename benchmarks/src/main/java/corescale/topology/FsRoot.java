package corescale.topology;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import corescale.results.CpuList;

/**
 * The directory that stands for {@code /} when reading sysfs, procfs and cgroup files, so that
 * tests and users can present any machine: {@code CORESCALE_FSROOT=/some/tree java -jar ...}
 * (as hwloc's {@code HWLOC_FSROOT}). Unset or empty means the real {@code /}.
 */
public record FsRoot(Path root) {

    public static final String VARIABLE = "CORESCALE_FSROOT";
    public static final FsRoot REAL = new FsRoot(Path.of("/"));

    public static FsRoot fromEnvironment() {
        String dir = System.getenv(VARIABLE);
        return dir == null || dir.isBlank() ? REAL : new FsRoot(Path.of(dir));
    }

    /** Whether this stands for another machine than the one we run on. */
    public boolean isFake() {
        return !root.toAbsolutePath().normalize().equals(Path.of("/").toAbsolutePath());
    }

    /** {@code absolute} (such as {@code /proc/stat}) under this root. */
    public Path path(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** The trimmed content of a small file, or empty where it is missing or unreadable. */
    public Optional<String> read(String absolute) {
        Path file = path(absolute);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public Optional<Integer> readInt(String absolute) {
        return read(absolute).flatMap(text -> {
            try {
                return Optional.of(Integer.parseInt(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public Optional<List<Integer>> readCpuList(String absolute) {
        return read(absolute).flatMap(FsRoot::parseCpuList);
    }

    /** A CPU list such as {@code 0-3,8}, or empty when the text is not one. */
    public static Optional<List<Integer>> parseCpuList(String text) {
        try {
            return Optional.of(CpuList.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public List<String> lines(String absolute) {
        return read(absolute).map(text -> text.lines().toList()).orElse(List.of());
    }

    /** The value after {@code key:} in a {@code key: value} file such as /proc/self/status. */
    public Optional<String> field(String absolute, String key) {
        for (String line : lines(absolute)) {
            if (line.startsWith(key + ":")) {
                return Optional.of(line.substring(key.length() + 1).trim());
            }
        }
        return Optional.empty();
    }
}
