package corescale.stats.answers;

import corescale.stats.model.Place;
import corescale.stats.bounds.Bound;
import corescale.stats.bounds.Bounds;
import corescale.stats.contention.ThreadsVsProcesses;
import corescale.stats.model.Families;
import corescale.stats.model.PointKey;
import corescale.stats.model.PointSummary;
import corescale.stats.model.Setting;
import corescale.stats.ranking.Eligibility;
import corescale.stats.ranking.HeldBackAhead;
import corescale.stats.ranking.Lead;
import corescale.stats.ranking.Leads;
import corescale.stats.ranking.Rankings;
import corescale.stats.summary.FalseDiscovery;
import corescale.stats.summary.LogRatioTest;
import corescale.stats.summary.Ratio;
import corescale.stats.summary.Throughput;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answers a reader of a report came for, computed (never worded) from the run's analysis; the
 * report's Answers section and the console render them.
 *
 * <ul>
 * <li><b>Shared counter</b>: for each setting of the counters benchmark, at 1 thread on the fewest
 * cores, at threads = cores and oversubscribed on the most cores, the ranked variants by throughput,
 * each with its ratio to {@value #BASELINE} and that ratio's 95% interval.</li>
 * <li><b>Execution models</b>: for each cpu, io and spawn benchmark at its most cores, the models by
 * throughput, each with its ratio to the best and its fraction of the physical bound. A model that the
 * service (or the CPUs it shares) held back is never ranked: its pace is not its own. It ran at least
 * as fast as measured, though (a service of its own could only speed it up), so where it is shown
 * faster than every ranked model (the largest of its p against each, in the section's family of
 * tests), it is listed as {@link Standing#AHEAD_HELD_BACK}: faster than all of them, by at least about
 * its ratio to the best, its order among its like unknown. A thread pool of {@code cores} threads
 * blocked on a 1 ms service tops out at {@code cores} requests a millisecond; virtual threads held
 * back by the service at thirty times that are still the answer to "which model for IO".</li>
 * <li><b>Scaling</b>: per setting and variant, the speedup from the fewest to the most cores (threads =
 * cores for the counters, the models' own thread count for the others), with its 95% interval; not
 * for benchmarks one unit at a time by construction (latencies).</li>
 * <li><b>Threads vs processes</b>: the rows of {@link ThreadsVsProcesses} at the most cores.</li>
 * </ul>
 * Where each variant stands against the first is a claim, and only what the forks show is claimed
 * ({@link Standing}): behind it when their difference is a discovery ({@link Throughput#test} on the logs
 * of fork means: paired by round where the sweep measured the place in rounds, else Welch's t; the p-values of all those differences in one report adjusted together, Benjamini–Hochberg at
 * {@link FalseDiscovery#ALPHA}, as the findings' leads are), tied with it when the equivalence test
 * puts it within ±{@link LogRatioTest#DEFAULT_THRESHOLD} of it (TOST at {@link FalseDiscovery#ALPHA},
 * as compare's "same"), and otherwise not told apart from it: with two forks 30× apart, "no
 * difference found" is not "as fast".
 *
 * @param counters one ranking per counters setting and situation
 * @param models   one ranking per execution-model benchmark, at its most cores
 * @param scaling  per setting in order, one speedup per variant that was measured at two or more core
 *                 counts, fastest-scaling first
 * @param processes the threads-vs-processes rows at the most cores
 * @param pairedByRound every ranked point was measured in its run's place rounds
 *                 ({@link PointSummary#roundsRun}), so every ratio within a place is paired by round
 */
public record Answers(List<Ranking> counters, List<Ranking> models, List<Scaling> scaling,
                      List<ThreadsVsProcesses.Row> processes, boolean pairedByRound) {

    /** The counters variant every other is measured against: what a Java engineer writes first. */
    public static final String BASELINE = "synchronized";

    /** How many ranked variants of every ranking (counters and models) stand so against their first. */
    public int count(Standing s) {
        return (int) java.util.stream.Stream.concat(counters.stream(), models.stream())
                .mapToLong(r -> r.standing(s).size()).sum();
    }

    /** How many ranked variants of every ranking come after their first. */
    public int afterFirst() {
        return java.util.stream.Stream.concat(counters.stream(), models.stream()).mapToInt(r -> Math.max(0, r.ranked().size() - 1)).sum();
    }

    /** Where a ranking was taken. */
    public enum Situation {
        /** One thread on the fewest cores: the uncontended cost. */
        ONE_THREAD,
        /** As many threads as cores, on the most cores. */
        THREADS_EQUAL_CORES,
        /** More threads than cores, on the most cores. */
        OVERSUBSCRIBED,
        /** An execution model's benchmark at its most cores. */
        MOST_CORES
    }

    /**
     * Variants ranked at one place.
     *
     * @param place     benchmark, params, mode, cores and threads
     * @param situation which of the answer's situations this is
     * @param baseline  the variant the ratios are to ({@value #BASELINE}, or the best for models); empty when absent
     * @param ranked    the ranked variants, highest throughput first
     * @param ahead     the variants held back by the service and still shown faster than every ranked one
     *                  ({@link Standing#AHEAD_HELD_BACK}), highest throughput first
     * @param unranked  the variants left out, with why (not those ahead)
     */
    public record Ranking(Place place, Situation situation, String baseline, List<Entry> ranked,
                          List<Entry> ahead, List<Unranked> unranked) {

        /** The ranked variants that stand so against the first, highest throughput first. */
        public List<Entry> standing(Standing s) {
            return ranked.stream().filter(e -> e.standing() == s).toList();
        }

        /** The setting ranked: the place without its cores and threads. */
        public Setting setting() {
            return Setting.of(place);
        }

        /** The least and the greatest ratio to the baseline of the ranked variants standing so; NaN for none. */
        public Range vsBaseline(Standing... standings) {
            java.util.Set<Standing> so = java.util.EnumSet.noneOf(Standing.class);
            so.addAll(List.of(standings));
            double[] ratios = ranked.stream().filter(e -> so.contains(e.standing())).mapToDouble(e -> e.vsBaseline().value()).toArray();
            return new Range(java.util.Arrays.stream(ratios).min().orElse(Double.NaN),
                    java.util.Arrays.stream(ratios).max().orElse(Double.NaN));
        }

        /** The first and the variants tied with it, highest throughput first. */
        public List<Entry> top() {
            return ranked.stream().filter(e -> e.standing() == Standing.FIRST || e.standing() == Standing.TIED).toList();
        }

        /** What the standings let the first (and those tied with it) be called. */
        public Outcome outcome() {
            return Outcome.of(ranked);
        }
    }

    /**
     * What a ranking claims of its first: "fastest" only where every other is behind, a tie for fastest
     * only where every other is tied or behind; where any is not told apart, no lead is claimed.
     */
    public enum Outcome {
        /** No variant may be ranked. */
        NONE_RANKED,
        /** One variant ranked: nothing it was measured against, so no lead to claim. */
        ONLY_RANKED,
        /** Every other ranked variant behind the first. */
        FASTEST,
        /** None tied with the first, some not told apart from it: the highest mean, no lead claimed. */
        HIGHEST_MEAN,
        /** Some tied with the first, every other behind them. */
        TIE_FOR_FASTEST,
        /** Some tied with the first, some not told apart from them: the highest means, no lead claimed. */
        TIE_WITH_HIGHEST_MEANS,
        /** Two or more ranked, every one tied with the first. */
        ALL_TIE;

        /** The outcome of ranked variants, highest throughput first. */
        static Outcome of(List<Entry> ranked) {
            if (ranked.size() <= 1) {
                return ranked.isEmpty() ? NONE_RANKED : ONLY_RANKED;
            }
            long tied = ranked.stream().filter(e -> e.standing() == Standing.TIED).count();
            boolean open = ranked.stream().anyMatch(e -> e.standing() == Standing.NOT_TOLD_APART);
            if (tied == ranked.size() - 1) {
                return ALL_TIE;
            }
            if (tied > 0) {
                return open ? TIE_WITH_HIGHEST_MEANS : TIE_FOR_FASTEST;
            }
            return open ? HIGHEST_MEAN : FASTEST;
        }
    }

    /** Where a ranked variant stands against the first of its place. */
    public enum Standing {
        /** The highest throughput. */
        FIRST,
        /**
         * Within ±{@link LogRatioTest#DEFAULT_THRESHOLD} of the first by the equivalence test, even where
         * a smaller difference is also a discovery: the band is the difference that matters, as in compare's "same".
         */
        TIED,
        /** Neither shown within the band nor behind: the forks cannot tell it from the first. */
        NOT_TOLD_APART,
        /** Slower than the first, a discovery, and not shown within the band. */
        BEHIND,
        /**
         * Not ranked, held back by the service or the CPUs it shares, and yet faster than every ranked
         * variant, a discovery: at least that fast, its order among the others held back unknown.
         */
        AHEAD_HELD_BACK
    }

    /**
     * One ranked variant.
     *
     * @param point      its summary
     * @param standing   where it stands against the first
     * @param vsBaseline throughput over the baseline's, with its 95% interval
     * @param bound      it against its physical bound (no bound: {@link Bound#hasBound()} false)
     * @param vsFirst    its difference from the first, as tested; {@link Tested#NONE} for the first; for a
     *                   variant ahead, the largest p of its differences from every ranked variant
     */
    public record Entry(PointSummary point, Standing standing, Ratio vsBaseline, Bound bound, Tested vsFirst) {

        /** Mean over its physical bound; NaN without one. */
        public double ofBound() {
            return bound.ofBound();
        }
    }

    /**
     * A difference as tested: its own p and its q, the p adjusted over every test of its family of the
     * answers (Benjamini–Hochberg). Where p is below {@link FalseDiscovery#ALPHA} and q is not, the
     * difference's 95% interval alone excludes "no difference" while it is not a discovery among the
     * family's tests: the report gives q there, so that such an interval beside "not told apart" or no
     * "gains" is read as the rule says.
     *
     * @param p two-sided p on the logs of fork means ({@link Throughput#test}); NaN where it cannot be tested
     * @param q p adjusted over the family; NaN likewise
     */
    public record Tested(double p, double q) {

        /** Nothing tested (the first against itself). */
        public static final Tested NONE = new Tested(Double.NaN, Double.NaN);

        /** Different at {@link FalseDiscovery#ALPHA} on its own, not a discovery among the family's tests. */
        public boolean aloneOnly() {
            return p < FalseDiscovery.ALPHA && !(q <= FalseDiscovery.ALPHA);
        }
    }

    /** Whether a variant's throughput grows or falls from the fewest to the most cores, as a claim. */
    public enum Change {
        /** The speedup is above 1, and a discovery. */
        GAINS,
        /** The speedup is below 1, and a discovery. */
        LOSES,
        /** Neither is a discovery. */
        NEITHER
    }

    /**
     * How one variant scales: its throughput at the most cores over its throughput at the fewest.
     *
     * @param from    the point at the fewest cores
     * @param to      the point at the most cores
     * @param speedup to over from, with its 95% interval ({@link Throughput#ratio})
     * @param change  gains or loses when the speedup's difference from 1 is a discovery (Welch's t on the logs
     *                of both points' fork means; the p-values of all speedups of the report adjusted together,
     *                Benjamini–Hochberg at {@link FalseDiscovery#ALPHA}), else neither
     * @param ranked  both points may be ranked (no lost updates, guarded, two or more forks)
     * @param tested  the speedup's difference from 1, as tested
     */
    public record Speedup(PointSummary from, PointSummary to, Ratio speedup, Change change, boolean ranked,
                          Tested tested) {

        /** Speedup over the cores added: 1 is linear. */
        public double efficiency() {
            return speedup.value() * from.key().cores() / to.key().cores();
        }
    }

    /** The least and the greatest of some values. */
    public record Range(double low, double high) {
    }

    /**
     * How the variants of one setting scale. Only the variants ranked at both ends are counted and
     * named highest or lowest: a model held back by the service scales as the service does.
     *
     * @param setting  the setting
     * @param speedups one per variant, fastest-scaling first
     */
    public record Scaling(Setting setting, List<Speedup> speedups) {

        public Scaling {
            speedups = List.copyOf(speedups);
        }

        /** The speedups of the variants ranked at both ends, fastest-scaling first. */
        public List<Speedup> ranked() {
            return speedups.stream().filter(Speedup::ranked).toList();
        }

        /** The speedups of the variants not ranked at both ends. */
        public List<Speedup> notRanked() {
            return speedups.stream().filter(s -> !s.ranked()).toList();
        }

        /** How many of the ranked gain throughput, a discovery. */
        public int gain() {
            return count(Change.GAINS);
        }

        /** How many of the ranked lose throughput, a discovery. */
        public int lose() {
            return count(Change.LOSES);
        }

        /**
         * How many of the ranked neither gain nor lose though their speedup differs from 1 on its own (not a
         * discovery among the report's speedups): an interval clear of 1 beside "0 lose it" needs saying why.
         */
        public int aloneOnly() {
            return (int) ranked().stream().filter(s -> s.change() == Change.NEITHER && s.tested().aloneOnly()).count();
        }

        private int count(Change c) {
            return (int) ranked().stream().filter(s -> s.change() == c).count();
        }
    }

    /** A variant not ranked at a place, and why (lost updates, one fork, held back by the service, ...). */
    public record Unranked(String variant, Eligibility.Reason reason) {
    }

    public static Answers of(List<PointSummary> points, Rankings rankings, Bounds bounds,
                             List<ThreadsVsProcesses.Row> threadsVsProcesses) {
        Map<Place, List<PointSummary>> places = new TreeMap<>();
        points.forEach(p -> places.computeIfAbsent(Place.of(p.key()), x -> new ArrayList<>()).add(p));
        List<Draft> drafts = new ArrayList<>();
        counterPlaces(places).forEach((place, situation) ->
                drafts.add(draft(place, situation, places.get(place), rankings.eligibility(), bounds, true)));
        modelPlaces(places).forEach(place ->
                drafts.add(draft(place, Situation.MOST_CORES, places.get(place), rankings.eligibility(), bounds, false)));
        // Every "tied or not" of the answers is one family of tests.
        List<double[]> ps = drafts.stream().flatMap(d -> java.util.stream.Stream.of(d.pVsLeader(), d.pAhead())).toList();
        double[] q = FalseDiscovery.adjust(ps.stream().flatMapToDouble(java.util.Arrays::stream).toArray());
        List<Ranking> counters = new ArrayList<>();
        List<Ranking> models = new ArrayList<>();
        int at = 0;
        for (Draft d : drafts) {
            double[] qVsLeader = java.util.Arrays.copyOfRange(q, at, at + d.pVsLeader().length);
            at += d.pVsLeader().length;
            double[] qAhead = java.util.Arrays.copyOfRange(q, at, at + d.pAhead().length);
            at += d.pAhead().length;
            (d.counter() ? counters : models).add(d.decide(qVsLeader, qAhead));
        }
        int most = threadsVsProcesses.stream().mapToInt(r -> r.threads().key().cores()).max().orElse(0);
        return new Answers(List.copyOf(counters), List.copyOf(models), scaling(points, rankings.eligibility(), bounds),
                threadsVsProcesses.stream().filter(r -> r.threads().key().cores() == most).toList(),
                pairedByRound(points, rankings.eligibility()));
    }

    /** Per setting and variant of the counters and the models, fewest to most cores; fastest-scaling first. */
    private static List<Scaling> scaling(List<PointSummary> points, Eligibility eligibility, Bounds bounds) {
        Map<Setting, Map<String, List<PointSummary>>> curves = new TreeMap<>(); // setting -> variant -> points
        for (PointSummary p : points) {
            PointKey k = p.key();
            boolean counter = k.family().equals(Families.COUNTERS) && k.threads() == k.cores();
            boolean model = Families.EXECUTION_MODELS.contains(k.family()) && k.threads() == 1;
            if (counter || model) {
                curves.computeIfAbsent(Setting.of(k), s -> new TreeMap<>()).computeIfAbsent(k.variant(), v -> new ArrayList<>()).add(p);
            }
        }
        Map<Setting, List<Curve>> bySetting = new TreeMap<>();
        curves.forEach((setting, variants) -> variants.values().forEach(at -> {
            if (at.stream().allMatch(p -> bounds.oneAtATime().test(p.key()))) {
                return; // one unit at a time by construction: a latency per core count, not a scaling curve
            }
            PointSummary from = at.stream().min(Comparator.comparingInt(p -> p.key().cores())).orElseThrow();
            PointSummary to = at.stream().max(Comparator.comparingInt(p -> p.key().cores())).orElseThrow();
            if (to.key().cores() > from.key().cores()) {
                bySetting.computeIfAbsent(setting, s -> new ArrayList<>()).add(new Curve(setting, from, to,
                        Throughput.ratio(to, from), eligibility.ranked(from.key()) && eligibility.ranked(to.key())));
            }
        }));
        List<Curve> sorted = new ArrayList<>();
        bySetting.values().forEach(cs -> cs.stream()
                .sorted(Comparator.comparingDouble((Curve c) -> c.speedup().value()).reversed()).forEach(sorted::add));
        // Every "gains" or "loses" of the answers is one family of tests, as the rankings' are.
        double[] p = sorted.stream().mapToDouble(Answers::pNoChange).toArray();
        double[] q = FalseDiscovery.adjust(p);
        Map<Setting, List<Speedup>> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Curve c = sorted.get(i);
            Change change = !(q[i] <= FalseDiscovery.ALPHA) ? Change.NEITHER
                    : c.speedup().value() > 1 ? Change.GAINS : Change.LOSES;
            out.computeIfAbsent(c.setting(), x -> new ArrayList<>())
                    .add(new Speedup(c.from(), c.to(), c.speedup(), change, c.ranked(), new Tested(p[i], q[i])));
        }
        return out.entrySet().stream().map(e -> new Scaling(e.getKey(), e.getValue())).toList();
    }

    /** Whether there are ranked points and every one was measured in its run's place rounds. */
    private static boolean pairedByRound(List<PointSummary> points, Eligibility eligibility) {
        List<PointSummary> ranked = points.stream().filter(p -> eligibility.ranked(p.key())).toList();
        return !ranked.isEmpty() && ranked.stream().allMatch(p -> !p.roundsRun().isEmpty());
    }

    /** A variant's fewest and most cores before the speedups of the report are tested together. */
    private record Curve(Setting setting, PointSummary from, PointSummary to, Ratio speedup, boolean ranked) {
    }

    /** The p of "the same throughput at the most cores as at the fewest"; NaN when it cannot be tested. */
    private static double pNoChange(Curve c) {
        LogRatioTest w = Throughput.test(c.to(), c.from());
        return w == null ? Double.NaN : w.pChange();
    }

    /** Counters places: 1 thread on the fewest cores, threads = cores and the most threads on the most cores. */
    private static Map<Place, Situation> counterPlaces(Map<Place, List<PointSummary>> places) {
        Map<Place, Situation> out = new java.util.LinkedHashMap<>();
        Map<Setting, List<Place>> bySetting = new TreeMap<>();
        places.keySet().stream().filter(p -> p.family().equals(Families.COUNTERS))
                .forEach(p -> bySetting.computeIfAbsent(Setting.of(p), k -> new ArrayList<>()).add(p));
        for (List<Place> setting : bySetting.values()) {
            int fewest = setting.stream().mapToInt(Place::cores).min().orElseThrow();
            int most = setting.stream().mapToInt(Place::cores).max().orElseThrow();
            setting.stream().filter(p -> p.threads() == 1 && p.cores() == fewest).findFirst()
                    .ifPresent(p -> out.put(p, Situation.ONE_THREAD));
            if (most > 1) {
                setting.stream().filter(p -> p.threads() == most && p.cores() == most).findFirst()
                        .ifPresent(p -> out.put(p, Situation.THREADS_EQUAL_CORES));
            }
            // Oversubscribed needs the cores known: a plain JMH result has none (0), and its 1 thread is not more than them.
            setting.stream().filter(p -> most > 0 && p.cores() == most && p.threads() > most)
                    .max(Comparator.comparingInt(Place::threads)).ifPresent(p -> out.put(p, Situation.OVERSUBSCRIBED));
        }
        return out;
    }

    /** Each model benchmark setting at its most cores (its fewest threads there). */
    private static List<Place> modelPlaces(Map<Place, List<PointSummary>> places) {
        Map<Setting, Place> best = new TreeMap<>();
        places.keySet().stream().filter(p -> Families.EXECUTION_MODELS.contains(p.family())).forEach(p -> best.merge(
                Setting.of(p), p, (a, b) -> a.cores() != b.cores()
                        ? (a.cores() > b.cores() ? a : b) : (a.threads() <= b.threads() ? a : b)));
        return List.copyOf(best.values());
    }

    private static Draft draft(Place place, Situation situation, List<PointSummary> at, Eligibility eligibility,
                               Bounds bounds, boolean counter) {
        List<PointSummary> unranked = new ArrayList<>();
        List<PointSummary> ranked = new ArrayList<>();
        for (PointSummary p : at.stream().sorted(Comparator.comparingDouble(Throughput::mean).reversed()).toList()) {
            (eligibility.ranked(p.key()) ? ranked : unranked).add(p);
        }
        Optional<PointSummary> baseline = counter
                ? ranked.stream().filter(p -> p.key().variant().equals(BASELINE)).findFirst()
                : ranked.stream().findFirst();
        double[] p = new double[Math.max(0, ranked.size() - 1)];
        double[] pSame = new double[p.length];
        for (int i = 1; i < ranked.size(); i++) {
            LogRatioTest w = Throughput.test(ranked.get(0), ranked.get(i));
            p[i - 1] = w == null ? Double.NaN : w.pChange();
            pSame[i - 1] = w == null ? Double.NaN : w.pSame(LogRatioTest.DEFAULT_THRESHOLD);
        }
        List<HeldBackAhead> candidates = HeldBackAhead.candidates(unranked, ranked, eligibility);
        return new Draft(place, situation, counter, ranked, unranked, candidates, eligibility, baseline.orElse(null),
                bounds, p, pSame);
    }

    private record Draft(Place place, Situation situation, boolean counter, List<PointSummary> ranked,
                         List<PointSummary> unranked, List<HeldBackAhead> candidates, Eligibility eligibility,
                         PointSummary baseline, Bounds bounds, double[] pVsLeader, double[] pSameAsLeader) {

        double[] pAhead() {
            return candidates.stream().mapToDouble(HeldBackAhead::p).toArray();
        }

        /**
         * With each difference from the leader's q: tied when shown within the band, else behind when a
         * discovery; and each candidate ahead when its lead over every ranked point is a discovery.
         */
        Ranking decide(double[] q, double[] qAhead) {
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                PointSummary p = ranked.get(i);
                Standing standing = i == 0 ? Standing.FIRST : switch (Lead.Standing.of(pSameAsLeader[i - 1], q[i - 1])) {
                    case LEADS -> Standing.BEHIND; // the first leads it
                    case TIED -> Standing.TIED;
                    case NOT_TOLD_APART -> Standing.NOT_TOLD_APART;
                };
                Ratio vs = baseline == null ? Ratio.NONE : p == baseline ? Ratio.ONE : Throughput.ratio(p, baseline);
                entries.add(new Entry(p, standing, vs, bounds.at(p.key()),
                        i == 0 ? Tested.NONE : new Tested(pVsLeader[i - 1], q[i - 1])));
            }
            List<Entry> ahead = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                PointSummary p = candidates.get(i).point();
                if (qAhead[i] <= FalseDiscovery.ALPHA) {
                    ahead.add(new Entry(p, Standing.AHEAD_HELD_BACK, baseline == null ? Ratio.NONE : Throughput.ratio(p, baseline),
                            bounds.at(p.key()), new Tested(candidates.get(i).p(), qAhead[i])));
                }
            }
            List<Unranked> left = unranked.stream().filter(u -> ahead.stream().noneMatch(e -> e.point() == u))
                    .map(u -> new Unranked(u.key().variant(), eligibility.whyNot(u.key()).orElseThrow())).toList();
            return new Ranking(place, situation, baseline == null ? "" : baseline.key().variant(), List.copyOf(entries),
                    List.copyOf(ahead), left);
        }
    }
}
