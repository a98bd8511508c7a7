package corescale.stats.report;

import corescale.stats.compare.Design;
import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.compare.CompareNote;
import corescale.stats.compare.CompareResult;
import corescale.stats.compare.CurveComparison;
import corescale.stats.compare.Mismatch;
import corescale.stats.contention.ContentionRow;
import corescale.stats.model.SummaryNote;
import corescale.stats.ranking.Eligibility;
import corescale.stats.scaling.AmdahlFit;
import corescale.stats.scaling.LackOfFit;
import corescale.stats.scaling.NoFit;
import corescale.stats.scaling.Peak;
import corescale.stats.scaling.ScalingCurve;
import corescale.stats.scaling.UslFit;

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

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
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

    /** A guard both families measure: "lock", "semaphore, 1 permit", "semaphore, a permit each", "atomic add". */
    static String guard(ThreadsVsProcesses.Guard g) {
        return switch (g) {
            case LOCK -> "lock";
            case SEMAPHORE_ONE_PERMIT -> "semaphore, 1 permit";
            case SEMAPHORE_PERMIT_EACH -> "semaphore, a permit each";
            case ATOMIC_ADD -> "atomic add";
        };
    }

    /** A design's unit of replication, plural, as the compare report counts it: forks, pairs, runs. */
    static String units(Design d) {
        return switch (d) {
            case FORKS -> "forks";
            case PAIRED -> "pairs";
            case RUNS -> "runs";
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

    /** Why a curve whose every point runs one unit at a time gets no speedup or fits. */
    public static String oneAtATime() {
        return "one unit at a time by construction (concurrency 1): a latency per core count, not a scaling curve; "
                + "no speedup, efficiency, Karp-Flatt, Amdahl or USL";
    }

    /** What was done to a curve's data, e.g. "avgt converted to throughput as threads/time"; empty when nothing. */
    public static String curveNotes(ScalingCurve c) {
        return join(c.notes().stream().map(n -> switch (n) {
            case TIME_AS_THROUGHPUT -> c.key().mode().jmhName() + " converted to throughput as threads/time";
            case BASELINE_NOT_ONE -> "no " + c.key().axis().csvName() + "=1 point: speedup, efficiency and Karp-Flatt "
                    + "relative to " + c.key().axis().csvName() + "=" + Fmt.n(c.baselineN());
            case ONE_AT_A_TIME -> oneAtATime();
            case SINGLE_SHOT -> singleShot();
        }).toList());
    }

    private static String singleShot() {
        return "single-shot mode times one cold call, not a steady throughput; not scaled";
    }

    /** Why there is no fit of {@code law} ("USL", "Amdahl"): "no USL fit: 3 distinct N, need at least 4". */
    public static String noFit(String law, NoFit why) {
        String reason = noFitReason(why);
        return reason == null ? "not fitted" : "no " + law + " fit: " + reason;
    }

    /** A value a fit refused, as it was: NaN and ∞ named, not shown as the dash of an unknown. */
    private static String observed(double v) {
        return Double.isFinite(v) ? Fmt.num(v) : Double.isNaN(v) ? "NaN" : v > 0 ? "∞" : "-∞";
    }

    /** Why a law was not fitted, e.g. "2 distinct N, need at least 4"; null when it was not asked for. */
    private static String noFitReason(NoFit why) {
        return switch (why.reason()) {
            case BAD_N -> "N must be a finite number ≥ 1, got " + observed(why.n());
            case BAD_THROUGHPUT -> "throughput must be finite and > 0, got " + observed(why.x()) + " at N = " + observed(why.n());
            case TOO_FEW_N -> why.distinctN() + " distinct N, need at least " + why.needed();
            case NO_CONVERGENCE -> "optimiser did not converge (" + why.message() + ")";
            case ONE_AT_A_TIME -> oneAtATime();
            case SINGLE_SHOT -> singleShot();
            case NOT_FITTED -> null;
        };
    }

    /** The USL fit's note: why there is none, or what its peak means and, without replicates, what its deviations are. */
    public static String usl(UslFit u) {
        if (!u.fitted()) {
            return noFit("USL", u.noFit());
        }
        String untested = u.lackOfFitTested() ? "" : lackOfFit(u.lackOfFit());
        return join(List.of(peak(u.peakFinding()), untested));
    }

    /** Why the Amdahl fit is missing, or empty when there is one. */
    public static String amdahl(AmdahlFit a) {
        return a.fitted() || a.noFit() == null ? "" : noFit("Amdahl", a.noFit());
    }

    /** The USL's lack of fit when it was found, e.g. "lack of fit: the curve departs ..."; empty otherwise. */
    public static String lackOfFitFound(UslFit u) {
        return u.lackOfFitFound() ? lackOfFit(u.lackOfFit()) : "";
    }

    /** The fitted peak in words: "peak measured: n_star = 5.2 lies inside the measured N 1-8". */
    public static String peak(Peak.Finding p) {
        String nStar = Fmt.num3(p.nStar());
        String range = Fmt.n(p.nMin()) + "-" + Fmt.n(p.nMax());
        return switch (p.basis()) {
            case FALLS_FROM_ONE -> "sigma >= 1: throughput falls from N=1 on, n_star undefined, x_max is X(1)";
            case NO_RETROGRADE -> "kappa = 0: no retrograde region, n_star undefined, x_max is X at n_max=" + Fmt.n(p.nMax());
            case LAW_DOES_NOT_FIT -> "peak none: the USL does not describe this curve, so its n_star = " + nStar
                    + " means nothing";
            case INSIDE_MEASURED -> "peak measured: n_star = " + nStar + " lies inside the measured N " + range;
            case KAPPA_MAY_BE_ZERO -> "peak extrapolated: kappa's interval reaches 0, so the data do not establish a peak "
                    + "(n_star = " + nStar + " is the fit's guess)";
            case OUTSIDE_MEASURED -> "peak extrapolated: n_star = " + nStar + " lies outside the measured N " + range;
        };
    }

    /** The check for lack of fit in words; empty when it was tested and found none. */
    public static String lackOfFit(LackOfFit l) {
        String rms = Fmt.pct(l.rms());
        return switch (l.kind()) {
            case NOT_FOUND -> "";
            case DEPARTS_BEYOND_NOISE -> "lack of fit: the curve departs from the USL by " + rms
                    + " (RMS) where forks agree within their noise (F test p " + Fmt.pRelation(l.p()) + ")";
            case PATTERN_IN_N -> "lack of fit: deviations from the USL (" + rms + " RMS) follow a pattern in N (runs test p "
                    + Fmt.pRelation(l.p()) + ")";
            case UNTESTED, UNTESTED_PATTERN -> "lack of fit untested: one observation per N, no replicates to measure the "
                    + "noise against; the fit misses the points by " + rms + " RMS"
                    + (l.kind() == LackOfFit.Kind.UNTESTED_PATTERN ? ", in a pattern in N (runs test p "
                    + Fmt.pRelation(l.p()) + ")" : "");
        };
    }

    /** scaling.csv's fit_note: the curve's notes, the USL's, its lack of fit and why Amdahl is missing, each once. */
    public static String fitNote(ScalingCurve c) {
        return join(List.of(curveNotes(c), usl(c.usl()), lackOfFitFound(c.usl()), amdahl(c.amdahl())));
    }

    /** σ, κ and N* of a USL fit side by side, or why there is none: "sigma 0.02, kappa 0.0001, N* 99". */
    public static String uslInBrief(UslFit fit) {
        if (fit == null || !fit.fitted()) {
            String why = fit == null ? null : noFitReason(fit.noFit());
            return "no USL fit" + (why == null ? "" : ": " + why);
        }
        return "sigma " + Fmt.num(fit.sigma()) + ", kappa " + Fmt.num(fit.kappa())
                + ", N* " + (Double.isFinite(fit.nStar()) ? Fmt.num3(fit.nStar()) : "none");
    }

    /** A point summary's notes: "one fork: interval over iterations ignores run-to-run variance"; empty when none. */
    public static String summary(List<SummaryNote> notes) {
        return join(notes.stream().map(Wording::summary).toList());
    }

    private static String summary(SummaryNote note) {
        return switch (note) {
            case SummaryNote.Plain p -> switch (p) {
                case ONE_FORK_ONE_ITERATION -> "one fork, one iteration: no interval";
                case ONE_FORK -> "one fork: interval over iterations ignores run-to-run variance";
                case POOLED_IGNORED -> "JMH pooled-only results for this point ignored in favour of per-iteration data";
                case POOLED_INTERVAL -> "JMH's pooled interval (iterations of all forks together, rescaled to " + Fmt.LEVEL + "): "
                        + "ignores run-to-run variance";
                case NO_SPREAD -> "no spread seen (the values agree within about a millionth): no interval";
            };
            case SummaryNote.AtTarget a -> "stopped at its target: interval the mean " + Fmt.plusMinus(a.target())
                    + " (a t interval of forks that stopped when they agreed would be too narrow)";
            case SummaryNote.CombinesHosts h -> "combines runs from hosts " + String.join(" ", h.hosts());
            case SummaryNote.PooledFilesAsReplicates f -> "JMH pooled scores of " + f.files()
                    + " files taken as replicates (no per-fork data)";
        };
    }

    /** A compared point's notes, or a comparison's, joined: "base: 1 fork, needs 2 or more; unstable in other". */
    public static String compare(List<CompareNote> notes) {
        return join(notes.stream().map(Wording::compare).toList());
    }

    /** One note of a comparison or of a compared point. */
    public static String compare(CompareNote note) {
        return switch (note) {
            case CompareNote.Plain p -> switch (p) {
                case FORK_MEAN_NOT_POSITIVE -> "a fork mean is not positive";
                case RUN_MEAN_NOT_POSITIVE -> "a run's fork mean is not positive";
                case ONE_RUN_A_SIDE -> "one run a side here: compared by its forks, with those runs' drift";
                case SINGLE_RUN_SIDE_VARIES_AS_OTHER -> "the single run's side taken to vary from run to run as much as the other";
                case NO_SPREAD -> "no spread seen (the fork means, rounds' ratios or run means compared agree within about a millionth): "
                        + "no interval and no verdict";
                case CURVES_FROM_FIRST_RUNS -> "largest core counts differ: curves compared per core between the first run of each side";
                case CANARY_CHAINS_DIFFER -> "the canary's memory kernel walked chains of different sizes (it follows the largest cache): its times are not compared";
            };
            case CompareNote.NotIn n -> "not in " + n.name();
            case CompareNote.SidePooled n -> side(n.side()) + ": JMH pooled result, no per-fork data";
            case CompareNote.SideTooFewForks n -> side(n.side()) + ": " + count(n.forks(), "fork") + ", needs " + n.needed()
                    + " or more";
            case CompareNote.SideForkMeanNotPositive n -> side(n.side()) + ": a fork mean is not positive";
            case CompareNote.TooFewPairs n -> count(n.pairs(), "pair") + " of forks, needs " + n.needed() + " or more";
            case CompareNote.MissingRuns n -> side(n.side()) + ": in " + n.in() + " of " + n.of() + " runs";
            case CompareNote.Unstable n -> "unstable in " + side(n.side());
            case CompareNote.ServiceBound n -> "service-bound in " + side(n.side()) + ": the service's pace as much as the model's";
            case CompareNote.ForksUnpaired n -> "forks without a partner dropped: " + String.join(", ",
                    n.configurations().stream().map(u -> (u.forks().size() == 1 ? "fork " : "forks ")
                            + String.join(" ", u.forks().stream().map(String::valueOf).toList()) + " of " + u.name()).toList());
            case CompareNote.UnpairedTotal n -> count(n.forks(), "fork") + " without a partner of the same round in the other "
                    + "configuration dropped, at " + count(n.points(), "point") + " (each point's note names them)";
            case CompareNote.AdjustedTogether n -> "verdicts adjusted together with the other "
                    + count(n.otherComparisons(), "comparison") + " of this call (Benjamini–Hochberg over " + n.points()
                    + " points)";
        };
    }

    private static String side(CompareNote.Side side) {
        return switch (side) {
            case BASE -> "base";
            case OTHER -> "other";
            case BOTH -> "both";
        };
    }

    /** "1 fork", "3 forks". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "cpu_model differs: A (base-run) vs B (other-run)". */
    public static String mismatch(CompareResult r, Mismatch m) {
        return m.field() + " differs: " + String.join(" ", m.base()) + " (" + r.base() + ") vs "
                + String.join(" ", m.other()) + " (" + r.other() + ")";
    }

    /** compare.csv's note on a family's row. */
    public static String familyNote(int points) {
        return "geometric mean of " + points + " point ratios";
    }

    /** compare.csv's note on the drift row of one run a side. */
    public static String driftNote() {
        return "one standard deviation of a point's ratio between the two runs with nothing "
                + "changed, from the canary's readings within each run; in every point's interval";
    }

    /** compare.csv's note on a canary row: what the ratio of a kernel ("cpu" or "memory") is. */
    public static String canaryNote(String kernel) {
        return "machine speed, other over base: mean of each run's readings of the "
                + (kernel.equals("cpu") ? "CPU kernel (throughput)" : "memory kernel (inverse time per load)");
    }

    /** compare.csv's note on a curve's row: the core counts compared, how the points were chosen, each side's USL. */
    public static String curveNote(CurveComparison c) {
        return "per core at most cores: base " + c.baseCores() + ", other " + c.otherCores() + "; " + curve(c)
                + "; USL base: " + uslInBrief(c.baseUsl()) + "; USL other: " + uslInBrief(c.otherUsl());
    }

    /** How the points of a curve comparison were chosen: "threads 4 vs 8", or why there is no per-core figure. */
    public static String curve(CurveComparison c) {
        return c.coresKnown() ? "threads " + c.baseThreads() + " vs " + c.otherThreads()
                : "cores unknown in a run: no per-core figure";
    }

    /** The non-empty parts, each once, joined by "; ". */
    static String join(List<String> parts) {
        return String.join("; ", parts.stream().filter(p -> !p.isEmpty()).distinct().toList());
    }
}
