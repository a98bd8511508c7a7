package corescale.stats.report;

import corescale.stats.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a rendered report and its charts, each file atomically (readers never see half a file). */
final class Output {

    private Output() {
    }

    /** Writes STEM.md, STEM.html and the charts into {@code dir}; returns them in that order. */
    static List<Path> write(Path dir, Doc doc, List<ChartFile> charts) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        // Charts first: a report must never point at a chart that is not there yet.
        List<Path> pngs = new ArrayList<>();
        for (ChartFile c : charts) {
            Path p = dir.resolve(c.fileName());
            AtomicFiles.writeBytes(p, c.png());
            pngs.add(p);
        }
        Path md = dir.resolve(doc.fileStem + ".md");
        AtomicFiles.write(md, w -> w.write(MarkdownReport.render(doc)));
        Path html = dir.resolve(doc.fileStem + ".html");
        AtomicFiles.write(html, w -> w.write(HtmlReport.render(doc)));
        written.add(md);
        written.add(html);
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
