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
 */
final class Output {

    private Output() {
    }

    /**
     * Writes {@code alongside} (the data files, by name), the charts, STEM.md and STEM.html into
     * {@code dir}; returns the report's files: STEM.md, STEM.html, then the charts.
     */
    static List<Path> write(Path dir, Doc doc, List<ChartFile> charts, Map<String, String> alongside) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        alongside.forEach((name, text) -> files.put(name, text.getBytes(StandardCharsets.UTF_8)));
        // Charts before the pages: a page must never point at a chart that is not there yet.
        charts.forEach(c -> files.put(c.fileName(), c.png()));
        files.put(doc.fileStem + ".md", MarkdownReport.render(doc).getBytes(StandardCharsets.UTF_8));
        files.put(doc.fileStem + ".html", HtmlReport.render(doc).getBytes(StandardCharsets.UTF_8));
        AtomicFiles.writeAll(dir, files);
        List<Path> pngs = charts.stream().map(c -> dir.resolve(c.fileName())).toList();
        List<Path> written = new ArrayList<>(List.of(dir.resolve(doc.fileStem + ".md"), dir.resolve(doc.fileStem + ".html")));
        written.addAll(pngs);
        removeStaleCharts(dir, doc.fileStem.equals("report") ? "chart-" : doc.fileStem + "-", pngs);
        return written;
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
