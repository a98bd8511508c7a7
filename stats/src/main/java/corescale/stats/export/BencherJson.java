package corescale.stats.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.summary.SummaryRow;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's points in Bencher Metric Format: {@code {"<point>": {"<measure>": {"value", "lower_value",
 * "upper_value"}}}}. Bencher names a benchmark by one string, so each point's is its label
 * ({@link PointKey#label()}: benchmark, variant, params, cores, threads, mode), with its configuration
 * in a run of several.
 *
 * <p>The score goes to Bencher's own measures in their units: {@code throughput} in operations per
 * second, {@code latency} in nanoseconds (corescale's ops/us and us/op scaled), with the point's 95%
 * interval as summary.csv and the report have it. Each secondary metric is a measure of its own name
 * holding its mean.
 */
public final class BencherJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BencherJson() {
    }

    /** One measure of one benchmark; bounds are left out when unknown (one fork of one iteration, a metric). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Measure(double value, @JsonProperty("lower_value") Double lowerValue,
                          @JsonProperty("upper_value") Double upperValue) {
    }

    /**
     * @param config the configuration ({@code ""} for a run without configurations)
     * @param named  whether the names carry {@code config} (a run of several)
     */
    public static Map<String, Map<String, Measure>> of(String config, boolean named, List<SummaryRow> rows) {
        Map<String, Map<String, Measure>> out = new LinkedHashMap<>();
        for (SummaryRow row : rows) {
            PointSummary s = row.summary();
            boolean throughput = s.mode().higherIsBetter();
            // ops/us → ops/s; us/op → ns/op
            double scale = throughput ? 1e6 : 1e3;
            Map<String, Measure> measures = new LinkedHashMap<>();
            measures.put(throughput ? "throughput" : "latency",
                    new Measure(s.mean() * scale, finite(s.ciLow() * scale), finite(s.ciHigh() * scale)));
            row.metrics().forEach((name, m) -> {
                if (Double.isFinite(m.mean())) {
                    measures.put(name, new Measure(m.mean(), null, null));
                }
            });
            out.put(s.key().label() + (named ? " config=" + config : ""), measures);
        }
        return out;
    }

    public static void write(Map<String, Map<String, Measure>> benchmarks, Writer out) throws IOException {
        JSON.writeValue(out, benchmarks);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
