package corescale.stats.model;

/** A point of one configuration, as points.csv keys it (config "" in a plain run). */
public record ConfigPoint(PointKey key, String config) {
}
