package corescale.stats.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a file so that readers see either the old content or the complete new one: the text
 * goes to a temporary file in the same directory (same file system, so the rename is atomic)
 * which then replaces the target.
 */
public final class AtomicFiles {

    /** Writes text to a {@link Writer}; may fail with an IOException. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code target} atomically as UTF-8; on failure the target is untouched and no temp file is left. */
    public static void write(Path target, Content content) throws IOException {
        replace(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(w);
            }
        });
    }

    /**
     * Writes every file of a set, in one folder or several (a command's every output: a report per
     * configuration and their comparison), or replaces none: each is filled and forced to disk beside
     * its target first, and only when all are, renamed over the targets. A target that is a folder, a
     * full disk or a file where a folder should be fails before any rename, leaving every target as it
     * was (a folder made for a new target is removed again); a rename fails only with the file system,
     * and may then leave the targets renamed before it replaced.
     *
     * @param files contents by target, in the order they are renamed
     * @return the targets, in that order
     * @throws IOException "TARGET: cannot write: WHY", naming the first file that could not be written
     */
    public static List<Path> writeAll(Map<Path, byte[]> files) throws IOException {
        Map<Path, Path> staged = new LinkedHashMap<>(); // target -> its filled temporary file
        List<Path> made = new ArrayList<>(); // folders this call made, outermost first
        boolean written = false;
        try {
            for (Map.Entry<Path, byte[]> f : files.entrySet()) {
                Path target = f.getKey();
                try {
                    Path dir = target.toAbsolutePath().getParent();
                    made.addAll(missing(dir));
                    Files.createDirectories(dir);
                    if (Files.isDirectory(target)) {
                        throw new IOException(target + " is a folder");
                    }
                    Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
                    staged.put(target, tmp);
                    fillForced(tmp, t -> Files.write(t, f.getValue()));
                } catch (IOException e) {
                    throw new IOException(target + ": cannot write: " + why(e), e);
                }
            }
            for (Map.Entry<Path, Path> s : staged.entrySet()) {
                try {
                    move(s.getValue(), s.getKey());
                } catch (IOException e) {
                    throw new IOException(s.getKey() + ": cannot write: " + why(e), e);
                }
            }
            written = true;
            return List.copyOf(staged.keySet());
        } finally {
            for (Path tmp : staged.values()) {
                Files.deleteIfExists(tmp);
            }
            if (!written) {
                for (Path folder : made.reversed()) {
                    try {
                        Files.deleteIfExists(folder);
                    } catch (DirectoryNotEmptyException renamedInto) {
                        // a rename that went through before the failing one: its file stays
                    }
                }
            }
        }
    }

    /** The folders of {@code dir}'s path that do not exist yet, outermost first. */
    private static List<Path> missing(Path dir) {
        List<Path> out = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            out.add(0, p);
        }
        return out;
    }

    /** What went wrong, in words: the file system's exceptions carry only a path as their message. */
    private static String why(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException f -> f.getFile() + " is a file, not a folder";
            case AccessDeniedException a -> "permission denied on " + a.getFile();
            case NoSuchFileException n -> "no folder " + n.getFile();
            default -> e.getMessage();
        };
    }

    private static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private interface Filler {
        void fill(Path tmp) throws IOException;
    }

    /** Fills a temporary file beside {@code target}, then renames it over the target. */
    private static void replace(Path target, Filler filler) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            fillForced(tmp, filler);
            move(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Fills {@code tmp}, then forces it to disk before any rename: a crash leaves the old file or the new, never an empty one. */
    private static void fillForced(Path tmp, Filler filler) throws IOException {
        filler.fill(tmp);
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
