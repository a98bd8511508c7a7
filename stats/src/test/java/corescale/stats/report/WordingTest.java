package corescale.stats.report;

import corescale.stats.scaling.ErrorModel;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import corescale.stats.Synthetic;
import corescale.stats.compare.CompareNote;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.Design;
import corescale.stats.compare.Mismatch;
import corescale.stats.compare.RunToRun;
import corescale.stats.contention.ContentionRow;
import corescale.stats.run.Canary;
import corescale.stats.model.SummaryNote;
import corescale.stats.ranking.Eligibility;
import corescale.stats.scaling.LackOfFit;
import corescale.stats.scaling.NoFit;
import corescale.stats.scaling.Peak;
import corescale.stats.scaling.UslFit;
import corescale.stats.scaling.UslFitter;
import corescale.stats.summary.Ratio;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentences of the typed notes: one test per kind of note, the numbers as they were given. */
class WordingTest {

    @Test
    void aUslFitInBriefGivesSigmaKappaAndThePeakOrWhyThereIsNone() {
        double[] n = {1, 2, 4, 8, 16, 32};
        double[] x = new double[n.length];
        for (int i = 0; i < n.length; i++) { // sigma 0.02, kappa 0.001, lambda 100: N* = sqrt(0.98 / 0.001) = 31.3
            x[i] = 100 * n[i] / (1 + 0.02 * (n[i] - 1) + 0.001 * n[i] * (n[i] - 1));
        }
        assertEquals("sigma 0.02, kappa 0.001, N* 31.3", Wording.uslInBrief(UslFitter.fit(n, x, ErrorModel.RELATIVE)));
        assertEquals("no USL fit: 2 distinct N, need at least 4", // once, not "no USL fit (no USL fit: ...)"
                Wording.uslInBrief(UslFit.none(2, 2, NoFit.tooFewN(2, UslFit.MIN_DISTINCT_N))));
        assertEquals("no USL fit", Wording.uslInBrief(null));
    }

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

    @Test
    void aPeakIsSaidWithItsNStarAndTheMeasuredRange() {
        assertEquals("peak measured: n_star = 5.23 lies inside the measured N 1-8",
                Wording.peak(new Peak.Finding(Peak.Basis.INSIDE_MEASURED, 5.2345, 1, 8)));
        assertEquals("peak extrapolated: n_star = 21.9 lies outside the measured N 1-16",
                Wording.peak(new Peak.Finding(Peak.Basis.OUTSIDE_MEASURED, 21.9089, 1, 16)));
        assertEquals("peak extrapolated: kappa's interval reaches 0, so the data do not establish a peak "
                + "(n_star = 40 is the fit's guess)", Wording.peak(new Peak.Finding(Peak.Basis.KAPPA_MAY_BE_ZERO, 40, 1, 8)));
        assertEquals("peak none: the USL does not describe this curve, so its n_star = 3.5 means nothing",
                Wording.peak(new Peak.Finding(Peak.Basis.LAW_DOES_NOT_FIT, 3.5, 1, 8)));
        assertEquals("kappa = 0: no retrograde region, n_star undefined, x_max is X at n_max=16",
                Wording.peak(new Peak.Finding(Peak.Basis.NO_RETROGRADE, Double.POSITIVE_INFINITY, 2, 16)));
        assertEquals("sigma >= 1: throughput falls from N=1 on, n_star undefined, x_max is X(1)",
                Wording.peak(new Peak.Finding(Peak.Basis.FALLS_FROM_ONE, Double.NaN, 1, 16)));
    }

    @Test
    void lackOfFitIsSaidWithItsDeviationsAndItsTest() {
        assertEquals("", Wording.lackOfFit(new LackOfFit(LackOfFit.Kind.NOT_FOUND, 0.01, 0.5)));
        assertEquals("lack of fit: the curve departs from the USL by 5.2% (RMS) where forks agree within their noise "
                + "(F test p = 0.0012)", Wording.lackOfFit(new LackOfFit(LackOfFit.Kind.DEPARTS_BEYOND_NOISE, 0.052, 0.00123)));
        assertEquals("lack of fit: deviations from the USL (12% RMS) follow a pattern in N (runs test p < 0.0001)",
                Wording.lackOfFit(new LackOfFit(LackOfFit.Kind.PATTERN_IN_N, 0.123, 1e-6)));
        String untested = "lack of fit untested: one observation per N, no replicates to measure the noise against; "
                + "the fit misses the points by 2.2% RMS";
        assertEquals(untested, Wording.lackOfFit(new LackOfFit(LackOfFit.Kind.UNTESTED, 0.022, 0.3)));
        assertEquals(untested + ", in a pattern in N (runs test p = 0.031)",
                Wording.lackOfFit(new LackOfFit(LackOfFit.Kind.UNTESTED_PATTERN, 0.022, 0.031)));
    }

    @Test
    void noFitNamesTheLawAndWhy() {
        assertEquals("no USL fit: 3 distinct N, need at least 4", Wording.noFit("USL", NoFit.tooFewN(3, 4)));
        assertEquals("no Amdahl fit: optimiser did not converge (too many evaluations)",
                Wording.noFit("Amdahl", NoFit.noConvergence("too many evaluations")));
        assertEquals("no USL fit: throughput must be finite and > 0, got 0 at N = 3",
                Wording.noFit("USL", NoFit.badThroughput(3, 0)));
        assertEquals("no USL fit: N must be a finite number ≥ 1, got 0.5", Wording.noFit("USL", NoFit.badN(0.5)));
        assertEquals("no USL fit: throughput must be finite and > 0, got NaN at N = 2", Wording.noFit("USL", NoFit.badThroughput(2, Double.NaN)));
        assertEquals("not fitted", Wording.noFit("USL", NoFit.of(NoFit.Reason.NOT_FITTED)));
        assertEquals("no USL fit: " + Wording.oneAtATime(), Wording.noFit("USL", NoFit.of(NoFit.Reason.ONE_AT_A_TIME)));
    }

    @Test
    void summaryNotesAreJoinedInTheOrderFound() {
        assertEquals("", Wording.summary(List.of()));
        assertEquals("one fork: interval over iterations ignores run-to-run variance; combines runs from hosts a b",
                Wording.summary(List.of(SummaryNote.Plain.ONE_FORK, new SummaryNote.CombinesHosts(List.of("a", "b")))));
        assertEquals("JMH pooled scores of 3 files taken as replicates (no per-fork data)",
                Wording.summary(List.of(new SummaryNote.PooledFilesAsReplicates(3))));
    }

    @Test
    void comparedPointNotesAreJoinedInTheOrderFound() {
        assertEquals("base: 1 fork, needs 2 or more; other: JMH pooled result, no per-fork data; unstable in both",
                Wording.compare(List.of(new CompareNote.SideTooFewForks(CompareNote.Side.BASE, 1, 2),
                        new CompareNote.SidePooled(CompareNote.Side.OTHER), new CompareNote.Unstable(CompareNote.Side.BOTH))));
        assertEquals("1 pair of forks, needs 2 or more; forks without a partner dropped: fork 3 of a, forks 1 4 of b",
                Wording.compare(List.of(new CompareNote.TooFewPairs(1, 2), new CompareNote.ForksUnpaired(List.of(
                        new CompareNote.Unpaired("a", List.of(3)), new CompareNote.Unpaired("b", List.of(1, 4)))))));
        assertEquals("other: in 2 of 3 runs; one run a side here: compared by its forks, with those runs' drift",
                Wording.compare(List.of(new CompareNote.MissingRuns(CompareNote.Side.OTHER, 2, 3),
                        CompareNote.Plain.ONE_RUN_A_SIDE)));
    }

    @Test
    void comparisonNotesCountInWords() {
        assertEquals("1 fork without a partner of the same round in the other configuration dropped, at 1 point"
                + " (each point's note names them)", Wording.compare(new CompareNote.UnpairedTotal(1, 1)));
        assertEquals("3 forks without a partner of the same round in the other configuration dropped, at 2 points"
                + " (each point's note names them)", Wording.compare(new CompareNote.UnpairedTotal(3, 2)));
        assertEquals("verdicts adjusted together with the other 2 comparisons of this call (Benjamini–Hochberg over 40 points)",
                Wording.compare(new CompareNote.AdjustedTogether(2, 40)));
    }

    @Test
    void aMismatchNamesBothSides() {
        CompareResult r = new CompareResult("a", "b", Design.FORKS, 1, 1, List.of(), List.of(), List.of(), Canary.NONE, RunToRun.NONE,
                List.of(), 0.05, 0.05, 2);
        assertEquals("host differs: hostA (a) vs hostB hostC (b)",
                Wording.mismatch(r, new Mismatch("host", List.of("hostA"), List.of("hostB", "hostC"))));
    }
}
