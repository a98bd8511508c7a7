package corescale.stats.scaling;

import java.util.Objects;

/**
 * Why a curve has no USL or Amdahl fit; {@code report.Wording} says it in words.
 *
 * @param reason    why
 * @param distinctN the distinct N the curve has ({@link Reason#TOO_FEW_N})
 * @param needed    the fewest distinct N the law needs ({@link Reason#TOO_FEW_N})
 * @param n         the N the law cannot take ({@link Reason#BAD_N}), or where the throughput it cannot
 *                  take was measured ({@link Reason#BAD_THROUGHPUT}); NaN otherwise
 * @param x         that throughput ({@link Reason#BAD_THROUGHPUT}); NaN otherwise
 * @param message   the optimiser's own message ({@link Reason#NO_CONVERGENCE}); empty otherwise
 */
public record NoFit(Reason reason, int distinctN, int needed, double n, double x, String message) {

    public enum Reason {
        /** An N the law cannot take: not finite, or below 1. */
        BAD_N,
        /** A throughput the law cannot take: not finite, or not positive. */
        BAD_THROUGHPUT,
        /** Fewer distinct N than the law has parameters, plus one. */
        TOO_FEW_N,
        /** The optimiser did not converge from either start. */
        NO_CONVERGENCE,
        /** Every point runs one unit at a time by construction: latencies, not a scaling curve. */
        ONE_AT_A_TIME,
        /** Single-shot mode: one cold call, not a steady throughput. */
        SINGLE_SHOT,
        /** Not asked for: the curves of a comparison of points are not fitted. */
        NOT_FITTED
    }

    public NoFit {
        Objects.requireNonNull(reason, "reason");
        message = Objects.requireNonNullElse(message, "");
    }

    /** A reason that needs no numbers. */
    public static NoFit of(Reason reason) {
        return new NoFit(reason, 0, 0, Double.NaN, Double.NaN, "");
    }

    public static NoFit badN(double n) {
        return new NoFit(Reason.BAD_N, 0, 0, n, Double.NaN, "");
    }

    public static NoFit badThroughput(double n, double x) {
        return new NoFit(Reason.BAD_THROUGHPUT, 0, 0, n, x, "");
    }

    public static NoFit tooFewN(int distinctN, int needed) {
        return new NoFit(Reason.TOO_FEW_N, distinctN, needed, Double.NaN, Double.NaN, "");
    }

    public static NoFit noConvergence(String message) {
        return new NoFit(Reason.NO_CONVERGENCE, 0, 0, Double.NaN, Double.NaN, message);
    }
}
