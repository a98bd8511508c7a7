package corescale.stats.scaling;

import java.util.Objects;

/**
 * Why a curve has no USL or Amdahl fit; {@code report.Wording} says it in words.
 *
 * @param reason    why
 * @param distinctN the distinct N the curve has ({@link Reason#TOO_FEW_N})
 * @param needed    the fewest distinct N the law needs ({@link Reason#TOO_FEW_N})
 * @param detail    what is wrong with the observations ({@link Reason#BAD_OBSERVATIONS}: the message of
 *                  {@link Observations#problem}) or the optimiser's message ({@link Reason#NO_CONVERGENCE});
 *                  empty otherwise
 */
public record NoFit(Reason reason, int distinctN, int needed, String detail) {

    public enum Reason {
        /** An N or a throughput the law cannot take (not finite, below 1, not positive). */
        BAD_OBSERVATIONS,
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
        detail = Objects.requireNonNullElse(detail, "");
    }

    /** A reason that needs no numbers. */
    public static NoFit of(Reason reason) {
        return new NoFit(reason, 0, 0, "");
    }

    static NoFit badObservations(String problem) {
        return new NoFit(Reason.BAD_OBSERVATIONS, 0, 0, problem);
    }

    static NoFit tooFewN(int distinctN, int needed) {
        return new NoFit(Reason.TOO_FEW_N, distinctN, needed, "");
    }

    static NoFit noConvergence(String message) {
        return new NoFit(Reason.NO_CONVERGENCE, 0, 0, message);
    }
}
