package corescale.stats.load;

import corescale.stats.model.Measurement;
import corescale.stats.model.PooledResult;

import java.nio.file.Path;
import java.util.List;

/**
 * What one input file held.
 *
 * @param file         the file read
 * @param format       the format detected from its content
 * @param measurements per-iteration rows (our CSV, JMH JSON with rawData)
 * @param pooled       points known only by JMH's pooled score and interval (JMH CSV, JSON without rawData)
 * @param dropped      what of the file was left out and why (an unfinished last line), or empty
 */
public record LoadedInput(Path file, Format format, List<Measurement> measurements, List<PooledResult> pooled,
                          String dropped) {

    public LoadedInput {
        measurements = List.copyOf(measurements);
        pooled = List.copyOf(pooled);
        dropped = dropped == null ? "" : dropped;
    }

    /** A file read whole. */
    public LoadedInput(Path file, Format format, List<Measurement> measurements, List<PooledResult> pooled) {
        this(file, format, measurements, pooled, "");
    }

    /** One line for the user: which file, which format, how much, and what was dropped. */
    public String describe() {
        StringBuilder s = new StringBuilder().append(file).append(": read as ").append(format.label());
        if (!measurements.isEmpty()) {
            s.append(", ").append(measurements.size()).append(" iterations");
        }
        if (!pooled.isEmpty()) {
            s.append(", ").append(pooled.size()).append(" points with JMH's pooled intervals only (no per-fork data)");
        }
        if (!dropped.isEmpty()) {
            s.append("; ").append(dropped);
        }
        return s.toString();
    }
}
