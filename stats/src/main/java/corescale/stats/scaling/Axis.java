package corescale.stats.scaling;

import corescale.stats.model.PointKey;

/** What N counts along a scaling curve. */
public enum Axis {
    /** N = cores, over the points where threads = cores: how the work scales with the machine. */
    CORES("cores"),
    /** N = threads at one fixed core count: what oversubscription does. */
    THREADS("threads");

    private final String csvName;

    Axis(String csvName) {
        this.csvName = csvName;
    }

    /** N of a point along this axis: its cores or its threads. */
    public int n(PointKey k) {
        return this == CORES ? k.cores() : k.threads();
    }

    /** The value of the {@code axis} column of {@code scaling.csv}. */
    public String csvName() {
        return csvName;
    }
}
