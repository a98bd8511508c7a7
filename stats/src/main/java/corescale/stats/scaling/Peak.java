package corescale.stats.scaling;

/** What the data say about the USL's peak N*, the value of the {@code peak} column of scaling.csv. */
public enum Peak {
    /** N* lies inside the measured range of N and κ's interval excludes 0: a peak was measured. */
    MEASURED("measured"),
    /** N* is finite but beyond the measured range, or κ's interval reaches 0: a prediction, not a measurement. */
    EXTRAPOLATED("extrapolated"),
    /** No peak: no fit, κ = 0 or σ ≥ 1 (no finite N*), or the USL does not fit the curve. */
    NONE("none");

    private final String csvName;

    Peak(String csvName) {
        this.csvName = csvName;
    }

    public String csvName() {
        return csvName;
    }
}
