package corescale.stats.report;

import corescale.stats.model.PointSummary;

/**
 * Puts a point on the "higher is better" throughput scale, the way the scaling module does
 * (X = threads / time per op for avgt and sample), so findings can say who wins at a point
 * whatever the mode.
 */
final class Throughputs {

    private Throughputs() {
    }

    static double of(PointSummary s) {
        return s.mode().higherIsBetter() ? s.mean() : s.key().threads() / s.mean();
    }

    static String unit(PointSummary s) {
        if (s.mode().higherIsBetter()) {
            return s.unit();
        }
        String u = s.unit().trim();
        return u.endsWith("/op") ? "ops/" + u.substring(0, u.length() - 3) : "threads/(" + u + ")";
    }
}
