package corescale.stats.report;

import corescale.stats.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
        return written;
    }
}
