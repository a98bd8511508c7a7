package corescale.stats;

import corescale.stats.io.AtomicFiles;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The data files a command writes (summary.csv, compare.csv, ...): each rendered whole in memory
 * first, so that a bad input fails before anything is written, then written atomically, so that a
 * failure midway leaves no half file.
 */
final class DataFiles {

    private DataFiles() {
    }

    static String render(AtomicFiles.Content content) throws IOException {
        StringWriter w = new StringWriter();
        content.writeTo(w);
        return w.toString();
    }

    /** What went wrong, in words: the file system's exceptions carry only a path as their message. */
    static String why(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException f -> f.getFile() + " is a file, not a folder";
            case AccessDeniedException a -> "permission denied on " + a.getFile();
            case NoSuchFileException n -> "no folder " + n.getFile();
            default -> e.getMessage();
        };
    }

    /** Writes each file into {@code dir} and prints its path; the first that cannot be written stops it, named. */
    static void write(Path dir, Map<String, String> files, PrintStream out) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path target = dir.resolve(f.getKey());
            try {
                AtomicFiles.write(target, w -> w.write(f.getValue()));
            } catch (IOException e) {
                throw new IOException(target + ": cannot write: " + why(e), e);
            }
            out.println("wrote " + target);
        }
    }
}
