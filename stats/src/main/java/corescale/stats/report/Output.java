package corescale.stats.report;

import corescale.stats.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a rendered report, its charts and the data files beside it as one set: every file or none
 * replaced ({@link AtomicFiles#writeAll}), so a failure never leaves a new report beside old data files.
 * A command that writes several sets (a report per configuration and their comparison) renders them
 * all first ({@link #render}) and writes them together ({@link #writeAll}): one that cannot be written
 * leaves every other as it was too.
 */
public final class Output {

    private Output() {
    }

    /**
     * One report's files, rendered, not yet written.
     *
     * @param dir         the folder they go to
     * @param files       their contents by file name: the data files, the charts, then STEM.md and STEM.html
     * @param chartPrefix the names of this report's charts begin with it (an earlier report's that it no longer draws go)
     * @param report      the report's files: STEM.md, STEM.html, then the charts
     */
    public record Rendered(Path dir, Map<String, byte[]> files, String chartPrefix, List<Path> report) {
        public Rendered {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
            report = List.copyOf(report);
        }
    }

    /** The files of {@code doc}, its charts and {@code alongside} (the data files, by name) for {@code dir}. */
    static Rendered render(Path dir, Doc doc, List<ChartFile> charts, Map<String, String> alongside) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        alongside.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        // Charts before the pages: a page must never point at a chart that is not there yet.
        charts.forEach(c -> files.put(c.fileName(), c.png()));
        files.put(doc.fileStem + ".md", MarkdownReport.render(doc).getBytes(StandardCharsets.UTF_8));
        files.put(doc.fileStem + ".html", HtmlReport.render(doc).getBytes(StandardCharsets.UTF_8));
        List<Path> report = new ArrayList<>(List.of(dir.resolve(doc.fileStem + ".md"), dir.resolve(doc.fileStem + ".html")));
        charts.forEach(c -> report.add(dir.resolve(c.fileName())));
        return new Rendered(dir, files, doc.fileStem.equals("report") ? "chart-" : doc.fileStem + "-", report);
    }

    /**
     * Writes {@code alongside} (the data files, by name), the charts, STEM.md and STEM.html into
     * {@code dir}; returns the report's files: STEM.md, STEM.html, then the charts.
     */
    static List<Path> write(Path dir, Doc doc, List<ChartFile> charts, Map<String, String> alongside) throws IOException {
        Rendered r = render(dir, doc, charts, alongside);
        writeAll(List.of(r));
        return r.report();
    }

    /**
     * Writes every file of every set, or replaces none (a folder standing at a file's name, in any of
     * the sets, is found before the first file is replaced); then removes each set's stale charts.
     */
    public static void writeAll(List<Rendered> sets) throws IOException {
        Map<Path, byte[]> all = new LinkedHashMap<>();
        for (Rendered r : sets) {
            r.files().forEach((name, bytes) -> all.put(r.dir().resolve(name), bytes));
        }
        AtomicFiles.writeAll(all);
        for (Rendered r : sets) {
            removeStaleCharts(r.dir(), r.chartPrefix(), r.report().stream().filter(p -> p.toString().endsWith(".png")).toList());
        }
    }

    /**
     * Charts of an earlier report into the same folder that this one no longer draws (another
     * profile, fewer points) would sit beside it and mislead: they go, once the new report is in place.
     */
    private static void removeStaleCharts(Path dir, String prefix, List<Path> current) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(dir, prefix + "*.png")) {
            for (Path p : old) {
                if (!current.contains(p)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
