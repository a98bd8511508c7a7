package corescale.stats.summary;

import java.util.List;

import corescale.stats.run.MachineDrift;
import corescale.stats.run.RunFile;

/**
 * What a run's run.json says about how its points were measured, which their summaries carry.
 *
 * @param placeRounds   the sweep measured each place's variants in rounds ({@link PointSummary#roundsRun})
 * @param stateVariance σ², the variance on the log scale of the machine's state within the run, from its
 *                      canary readings ({@link MachineDrift}); NaN when it has fewer than two
 */
public record RunTraits(boolean placeRounds, double stateVariance) {

    /** Nothing known: measured in no rounds, no canary readings. */
    public static final RunTraits NONE = new RunTraits(false, Double.NaN);

    public static RunTraits of(RunFile run) {
        List<RunFile.CanaryReading> readings = run.canary();
        return new RunTraits(run.placeRounds(), MachineDrift.stateVariance(List.of(readings)));
    }
}
