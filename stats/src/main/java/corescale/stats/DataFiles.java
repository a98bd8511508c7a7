package corescale.stats;

import corescale.stats.io.AtomicFiles;

import java.io.IOException;
import java.io.StringWriter;

/**
 * The data files a command writes (summary.csv, compare.csv, ...), each rendered whole in memory, so
 * that a bad input fails before anything is written; the report writes them with its own files, all
 * or none replaced ({@link AtomicFiles#writeAll}).
 */
final class DataFiles {

    private DataFiles() {
    }

    static String render(AtomicFiles.Content content) throws IOException {
        StringWriter w = new StringWriter();
        content.writeTo(w);
        return w.toString();
    }
}
