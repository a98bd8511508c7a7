package corescale.stats.report;

import java.util.Objects;

/**
 * One rendered chart.
 *
 * @param fileName file name relative to the report folder, safe on every file system
 * @param title    what the chart shows, used as the alt text
 * @param png      the PNG bytes
 */
public record ChartFile(String fileName, String title, byte[] png) {

    public ChartFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(title, "title");
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}
