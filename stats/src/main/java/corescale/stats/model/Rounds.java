package corescale.stats.model;

import java.util.Objects;

/**
 * The rounds of a run in which a point's forks were measured: fork f of each point of one group ran
 * beside fork f of the others, so a ratio of two points of the group may pair their forks by number.
 * Runs from before issue 24's rounds have none; runs measured in rounds of each place's variants
 * pair within a place; runs measured in rounds of each workload's points (every variant, core and
 * thread count) pair within a workload.
 *
 * @param runId the run's id; empty for {@link #NONE}
 * @param scope which points ran side by side
 */
public record Rounds(String runId, Scope scope) {

    /** Which points of a run were measured in one set of rounds. */
    public enum Scope {
        /** No rounds: one point's batch of forks after another. */
        NONE,
        /** The variants of each place ({@link Place}). */
        PLACE,
        /** Every point of each workload ({@link Workload}): variants, core counts and thread counts. */
        WORKLOAD
    }

    public static final Rounds NONE = new Rounds("", Scope.NONE);

    public Rounds {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(scope, "scope");
        if (runId.isEmpty() != (scope == Scope.NONE)) {
            throw new IllegalArgumentException("rounds of run '" + runId + "' with scope " + scope);
        }
    }

    /** Whether the forks of points {@code a} and {@code b}, both measured in these rounds, ran side by side. */
    public boolean together(PointKey a, PointKey b) {
        return switch (scope) {
            case NONE -> false;
            case PLACE -> Place.of(a).equals(Place.of(b));
            case WORKLOAD -> Workload.of(a).equals(Workload.of(b));
        };
    }
}
