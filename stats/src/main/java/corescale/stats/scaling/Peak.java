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

    /** Why a fitted curve's peak is what it is: one case per thing a reader is told about it. */
    public enum Basis {
        /** σ ≥ 1: throughput falls from N = 1 on; no N*, X max is X(1). */
        FALLS_FROM_ONE(NONE),
        /** κ = 0: no retrograde region; no N*, X max is X at the largest N. */
        NO_RETROGRADE(NONE),
        /** The USL does not describe the curve ({@link LackOfFit}), so its N* means nothing. */
        LAW_DOES_NOT_FIT(NONE),
        /** N* inside the measured N and κ's interval above 0. */
        INSIDE_MEASURED(MEASURED),
        /** κ's interval reaches 0: the data do not establish a peak; N* is the fit's guess. */
        KAPPA_MAY_BE_ZERO(EXTRAPOLATED),
        /** N* outside the measured N. */
        OUTSIDE_MEASURED(EXTRAPOLATED);

        private final Peak peak;

        Basis(Peak peak) {
            this.peak = peak;
        }

        public Peak peak() {
            return peak;
        }
    }

    /**
     * A fitted curve's peak with the numbers its sentence needs.
     *
     * @param basis why the peak is what it is
     * @param nStar the fit's N* (NaN when σ ≥ 1, +∞ when κ = 0)
     * @param nMin  the smallest N measured
     * @param nMax  the largest N measured
     */
    public record Finding(Basis basis, double nStar, double nMin, double nMax) {

        public Peak peak() {
            return basis.peak();
        }
    }
}
