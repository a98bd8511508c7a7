package corescale.stats.report;

import corescale.stats.contention.ContentionRow;
import corescale.stats.ranking.Eligibility;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where the typed notes of the analysis packages become sentences: the report, the
 * console and the notes of the CSV files all say a finding in these words, numbers through
 * {@link Fmt}. The analysis packages compute enums, records and numbers and never word them.
 */
public final class Wording {

    private Wording() {
    }

    /** Why a point is not ranked, e.g. "lost updates". */
    public static String notRanked(Eligibility.Reason reason) {
        return switch (reason) {
            case LOST_UPDATES -> "lost updates";
            case UNGUARDED -> "inside work not guarded";
            case ABOVE_BOUND -> "above its physical bound (a measurement error)";
            case ONE_FORK -> "one fork";
            case POOLED -> "JMH pooled result, no fork means";
            case SERVICE_BOUND -> "held back by the service or the CPUs it shares";
        };
    }

    /** The note of a contention row: how its 1-thread ratio was found, and why it is not ranked; empty when nothing. */
    public static String contention(ContentionRow r) {
        List<String> notes = new ArrayList<>();
        if (r.baselineCores() < 0) {
            notes.add("no 1-thread point of this variant");
        } else if (r.baselineElsewhere()) {
            notes.add("1-thread point taken at " + r.baselineCores() + " cores");
        }
        if (r.notRanked() != null) {
            notes.add("not ranked: " + notRanked(r.notRanked()));
        }
        return String.join("; ", notes);
    }
}
