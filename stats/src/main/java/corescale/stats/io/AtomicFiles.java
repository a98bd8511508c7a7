package corescale.stats.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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

    /** Writes {@code bytes} (a PNG, say) to {@code target} atomically, like {@link #write}. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        replace(target, tmp -> Files.write(tmp, bytes));
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
            filler.fill(tmp);
            // On disk before the rename, so that a crash leaves the old file or the new, never an empty one.
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
