package corescale.stats.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import corescale.stats.Synthetic;
import corescale.stats.contention.ContentionRow;
import corescale.stats.ranking.Eligibility;
import corescale.stats.summary.Ratio;

import org.junit.jupiter.api.Test;

/** The sentences of the typed notes: one test per kind of note, the numbers as they were given. */
class WordingTest {

    @Test
    void everyReasonNotToRankHasItsWords() {
        for (Eligibility.Reason r : Eligibility.Reason.values()) {
            assertFalse(Wording.notRanked(r).isBlank(), r.name());
        }
        assertEquals("lost updates", Wording.notRanked(Eligibility.Reason.LOST_UPDATES));
        assertEquals("held back by the service or the CPUs it shares", Wording.notRanked(Eligibility.Reason.SERVICE_BOUND));
    }

    @Test
    void aContentionRowSaysHowItsBaselineWasFoundAndWhyItIsNotRanked() {
        ContentionRow none = new ContentionRow(Synthetic.key("a", 4, 4), 1, -1, Ratio.NONE, "", Ratio.NONE,
                Eligibility.Reason.UNGUARDED);
        assertEquals("no 1-thread point of this variant; not ranked: inside work not guarded", Wording.contention(none));
        ContentionRow elsewhere = new ContentionRow(Synthetic.key("a", 4, 4), 1, 1, Ratio.ONE, "a", Ratio.ONE, null);
        assertEquals("1-thread point taken at 1 cores", Wording.contention(elsewhere));
        ContentionRow here = new ContentionRow(Synthetic.key("a", 4, 4), 1, 4, Ratio.ONE, "a", Ratio.ONE, null);
        assertEquals("", Wording.contention(here));
    }
}
