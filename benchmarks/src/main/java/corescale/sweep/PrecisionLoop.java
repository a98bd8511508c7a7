package corescale.sweep;

import corescale.stats.run.PointsFile.Stop;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.math3.stat.StatUtils;

import corescale.stats.model.Place;
import corescale.stats.run.RunFile.RunConfig;
import corescale.stats.summary.ForkSample;
import corescale.stats.summary.ForkVariance;
import corescale.stats.summary.TargetRule;

/**
 * Decides how the points of a sweep are measured: how many forks, of how many iterations, and when
 * a point stops. Forks, not iterations, are the replicates: contended benchmarks often settle in a
 * different mode in each JVM.
 *
 * <p>Two passes. First every point gets the profile's minimum forks ({@link #first}), with as many
 * iterations as let the whole first pass fit in part of the budget. Then the budget left goes, a few
 * rounds at a time, to the place whose open points need the least time to reach the target
 * ({@link #next}): a second spent there is the likeliest to bring points to their target.
 * A point stops when its forks meet the target ({@link TargetRule}: from {@value TargetRule#FIRST_CHECK}
 * forks on, with an upper bound of their spread before {@value TargetRule#PLAIN_FROM}, so that the
 * interval a stopped point is given, its mean ± the target, covers), when its forks fall into two
 * modes (more forks would only measure the mix), when reaching the target would take more forks
 * than the profile allows or more time than its cap or the budget left, or when a batch of it fails.
 *
 * <p>Two modes need each seen in two forks, and the first pass gives most points three: a point
 * whose first forks show a mode seen once (one fork far from the other two) is kept open for
 * {@value #MODE_CHECK_ROUNDS} more forks, which tell a second mode (then {@code modes}, with both
 * described) from one outlying fork. Those checks bring no point to its target, so they get only the
 * budget no point's target can use: all of it without a budget, little in the default's 14 minutes.
 *
 * <p>Each batch is shaped by the point's variance components ({@link ForkVariance}): the iterations
 * per fork are the optimum of two-stage sampling for the cost of a fork start relative to an
 * iteration, so a point whose forks agree gets longer forks and a point whose forks disagree gets
 * more of them. The warm-up the statistics module finds is dropped from the fork means, as the
 * report drops it, and not counted as measured time.
 *
 * <p>The variants of a place ({@link Place}: same benchmark, params, cores and threads) are measured
 * in rounds, one fork of each in turn (A1 B1 C1, B2 C2 A2 ...), and so are configurations (each
 * variant's fork in every configuration): forks of equal number ran side by side, so that a report
 * can pair them and the machine's drift over minutes falls on both sides of a ratio alike. Measured
 * one point's batch after another, minutes apart, one point's batches differed far more than its forks
 * within a batch (stats/STATISTICS.md, "Ratios of two points"). The target applies to each point; a
 * point that stops takes no further round, the others go on together.
 */
public final class PrecisionLoop {

    /** Runs forks {@code first} ... {@code first + count - 1} of a point in {@code config}, each of {@code iterations}. */
    @FunctionalInterface
    public interface ForkSource {
        List<ForkResult> run(Point point, RunConfig config, int first, int count, int iterations) throws PointFailedException;
    }

    /**
     * Takes a point as soon as a batch has measured it (its last fork, or the fork that failed, with the
     * failure); false to stop measuring.
     */
    @FunctionalInterface
    public interface Done {
        boolean done(PointForks point, Optional<PointFailedException> failure) throws IOException;
    }

    /** What a point asks for: {@code rounds} more rounds of forks of {@code iterations}, expected to take {@code seconds}. */
    public record Batch(PointForks point, int rounds, int iterations, double seconds) {
    }

    /**
     * More forks for the open points of one place: {@code rounds} rounds, each member's forks of its
     * batch's iterations, expected to take {@code seconds}; {@code toTarget} is what the members' own
     * batches would take, by which places are chosen.
     */
    public record Rounds(List<Batch> members, int rounds, double seconds, double toTarget) {
    }

    /** Fewest measured iterations a fork gets: the warm-up test may drop two of three and keeps at least one. */
    static final int FEWEST_ITERATIONS = 3;
    /** Share of the budget the first pass may take. */
    static final double FIRST_PASS_SHARE = 0.6;
    /** Most rounds in one batch: a batch is one JMH runner, and estimates improve between batches. */
    static final int MOST_ROUNDS = 4;
    /** Rounds that check a mode seen in one fork of the first pass. */
    static final int MODE_CHECK_ROUNDS = 2;

    private final Profile profile;
    private final ForkCosts costs;

    public PrecisionLoop(Profile profile, ForkCosts costs) {
        this.profile = profile;
        this.costs = costs;
    }

    /**
     * Iterations per fork in the first pass over {@code points}, each in {@code configs}
     * configurations, at most the profile's: fewer when the first pass would otherwise take more than
     * its share of {@code budgetSeconds} (infinite for no budget).
     */
    public int firstIterations(List<Point> points, int configs, double budgetSeconds) {
        int forks = points.size() * configs * profile.minForks();
        int most = profile.measurementIterations();
        if (profile.fixedForks() || Double.isInfinite(budgetSeconds) || forks == 0) {
            return most;
        }
        double beforeMeasuring = 0;
        for (Point p : points) {
            beforeMeasuring += configs * profile.minForks() * forkCost(p);
        }
        double perFork = (FIRST_PASS_SHARE * budgetSeconds - beforeMeasuring) / forks;
        int fit = (int) Math.floor(perFork / profile.measurementTime().toNanos() * 1e9);
        return Math.max(Math.min(FEWEST_ITERATIONS, most), Math.min(most, fit));
    }

    /** Seconds a fork of the point costs before its measured iterations: its start and its warm-up. */
    private double forkCost(Point point) {
        return costs.startSeconds(point.benchmark()) + profile.warmupOf(point.benchmark()).seconds();
    }

    /**
     * Measures the first forks of a place's points: the minimum (or, with fixed forks, all) rounds, and
     * judges each, handing each point to {@code done} as soon as its last fork is measured.
     */
    public void first(List<PointForks> place, int iterations, ForkSource source, Done done) throws IOException {
        int rounds = profile.fixedForks() ? profile.maxForks() : profile.minForks();
        measure(place.stream().map(p -> new Batch(p, rounds, iterations, 0)).toList(), rounds, source, done);
    }

    /** Measures rounds chosen by {@link #next} and judges their points again, each handed to {@code done} when measured. */
    public void more(Rounds batch, ForkSource source, Done done) throws IOException {
        measure(batch.members(), batch.rounds(), source, done);
    }

    /**
     * Measures {@code rounds} rounds over the members, each member's forks of its batch's iterations:
     * in a round one fork of each member (and of each of its configurations) in turn, the member that
     * starts a round moving by one each round, so that forks of equal number ran side by side and none
     * is always first. A member is judged and handed on in the round of its last fork, or of the fork
     * that failed (it then takes no further round), so that a run stopped in the last round keeps the
     * members already done. A lone point in one configuration has no neighbour to run beside: its forks
     * are one batch of one JMH runner, which starts the runner once.
     */
    private void measure(List<Batch> members, int rounds, ForkSource source, Done done) throws IOException {
        Map<PointForks, List<ForkResult>> measured = new HashMap<>();
        Map<PointForks, Long> nanos = new HashMap<>();
        Set<PointForks> failed = new HashSet<>();
        boolean lone = members.size() == 1 && members.get(0).point().configs().size() == 1;
        int last = lone ? 0 : rounds - 1;
        for (int r = 0; r <= last; r++) {
            for (int i = 0; i < members.size(); i++) {
                Batch b = members.get((i + r) % members.size());
                PointForks point = b.point();
                if (failed.contains(point)) {
                    continue;
                }
                long start = System.nanoTime();
                int fork = point.rounds() + 1;
                PointFailedException failure = null;
                try {
                    for (RunConfig config : point.configs()) {
                        List<ForkResult> forks = source.run(point.point(), config, fork, lone ? rounds : 1, b.iterations());
                        point.add(config, forks);
                        measured.computeIfAbsent(point, x -> new ArrayList<>()).addAll(forks);
                    }
                } catch (PointFailedException e) {
                    failure = e;
                    failed.add(point);
                }
                nanos.merge(point, System.nanoTime() - start, Long::sum);
                if (failure != null || r == last) {
                    double seconds = nanos.get(point) / 1e9;
                    point.addSeconds(seconds);
                    if (failure != null) {
                        point.stop(Stop.FAILED);
                    } else {
                        String benchmark = point.point().benchmark();
                        costs.add(benchmark, seconds, measured.get(point), profile.warmupOf(benchmark));
                        judge(point);
                    }
                    if (!done.done(point, Optional.ofNullable(failure))) {
                        return;
                    }
                }
            }
        }
    }

    /**
     * Closes the point when its forks decide it: target met, modes, all forks spent. A profile that
     * does not pursue its target ({@link Profile#pursuesTarget}) stops no point there: each stops at
     * its fork count whatever its forks show, so their own interval holds.
     */
    void judge(PointForks point) {
        int rounds = point.rounds();
        if (profile.fixedForks()) {
            point.stop(rounds >= profile.maxForks() ? Stop.FIXED_FORKS : null);
        } else if (profile.pursuesTarget() && rounds >= targetForks()
                && point.configs().stream().allMatch(c -> TargetRule.met(point.sample(c).means(), profile.precision()))) {
            point.stop(Stop.TARGET_MET);
        } else if (point.bimodal()) {
            point.stop(Stop.MODES);
        } else if (rounds >= profile.maxForks()) {
            point.stop(Stop.MAX_FORKS);
        }
    }

    /**
     * The next rounds: for the place whose open points are predicted to reach the target in the least
     * time (within their caps and {@code secondsLeft}), or else the cheapest mode check. Every open
     * point of the place takes every round, so that its points keep forks of equal number side by side;
     * points that cannot get there are closed on the way, with the reason.
     */
    public Optional<Rounds> next(Collection<PointForks> points, double secondsLeft) {
        Map<Place, List<Batch>> wanted = new LinkedHashMap<>();
        Set<Place> toTarget = new HashSet<>();
        for (PointForks p : points) {
            if (!p.open()) {
                continue;
            }
            Place place = Place.of(p.point().key());
            Batch b = toTarget(p);
            Batch check = modeCheck(p);
            if (b != null && fits(b, secondsLeft)) {
                wanted.computeIfAbsent(place, x -> new ArrayList<>()).add(b);
                toTarget.add(place);
            } else if (check != null && fits(check, secondsLeft)) {
                wanted.computeIfAbsent(place, x -> new ArrayList<>()).add(check);
            } else if (b == null) {
                p.stop(Stop.MAX_FORKS);
            } else if (p.seconds() + b.seconds() > capSeconds()) {
                p.stop(Stop.TIME_CAP);
            } else {
                p.stop(Stop.BUDGET);
            }
        }
        Rounds best = null;
        boolean bestToTarget = false;
        for (Map.Entry<Place, List<Batch>> e : wanted.entrySet()) {
            Optional<Rounds> rounds = rounds(e.getValue(), secondsLeft);
            if (rounds.isEmpty()) {
                e.getValue().forEach(b -> b.point().stop(Stop.BUDGET));
                continue;
            }
            // Precision first: a mode check (which brings no point to its target) gets what is left.
            boolean target = toTarget.contains(e.getKey());
            if (best == null || target && !bestToTarget
                    || target == bestToTarget && rounds.get().toTarget() < best.toTarget()) {
                best = rounds.get();
                bestToTarget = target;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The rounds one place's wanted batches make: as many as the longest asks for, at most
     * {@value #MOST_ROUNDS} (the estimates get better with each), and no more than every member's
     * cap and {@code secondsLeft} allow; empty when not one round fits.
     */
    private Optional<Rounds> rounds(List<Batch> members, double secondsLeft) {
        int rounds = MOST_ROUNDS;
        double perRound = 0;
        double toTarget = 0;
        int longest = 0;
        for (Batch b : members) {
            double each = b.seconds() / b.rounds();
            perRound += each;
            toTarget += b.seconds();
            longest = Math.max(longest, b.rounds());
            rounds = Math.min(rounds, (int) Math.floor((capSeconds() - b.point().seconds()) / each));
            rounds = Math.min(rounds, profile.maxForks() - b.point().rounds());
        }
        rounds = Math.min(Math.min(rounds, longest), (int) Math.floor(secondsLeft / perRound));
        return rounds < 1 ? Optional.empty() : Optional.of(new Rounds(members, rounds, rounds * perRound, toTarget));
    }

    /**
     * The rounds (and their iterations) the point needs to reach the target, from its variance
     * components; null when more forks than the profile allows would be needed. Of the fork lengths
     * allowed, the one whose batch costs least: with few forks to go that is Cochran's two-stage
     * optimum, but when the fork count is set by {@link TargetRule#FIRST_CHECK} rather than by the variance,
     * shorter forks reach the target as well and cost less. A fork of m iterations keeps m minus the
     * warm-up the point's forks lose ({@link ForkSample#warmup}).
     */
    Batch toTarget(PointForks point) {
        int n = point.rounds();
        double iterationCost = profile.measurementTime().toNanos() / 1e9;
        double forkCost = forkCost(point.point());
        int configs = point.configs().size();
        if (n < 2) {
            // No spread to go on yet: one more round as the profile shapes it.
            int m = profile.measurementIterations();
            return new Batch(point, 1, m, configs * (forkCost + m * iterationCost));
        }
        Batch best = null;
        for (int m = FEWEST_ITERATIONS; m <= Math.max(FEWEST_ITERATIONS, profile.maxIterations()); m++) {
            int needed = 0;
            for (RunConfig config : point.configs()) {
                ForkSample sample = point.sample(config);
                int kept = Math.max(1, m - Math.max(0, sample.warmup()));
                int k = roundsToTarget(sample.means(), variance(sample).forkMeanVariance(kept));
                needed = k < 0 ? -1 : needed < 0 ? -1 : Math.max(needed, k);
            }
            if (needed < 0) {
                continue;
            }
            double seconds = needed * configs * (forkCost + m * iterationCost);
            if (best == null || seconds < best.seconds()) {
                best = new Batch(point, needed, m, seconds);
            }
        }
        return best;
    }

    /**
     * The forks that check a mode the point's first pass saw in one fork only, as long as its first
     * forks (so that their means compare alike); null when there is no such mode to check.
     */
    Batch modeCheck(PointForks point) {
        int rounds = Math.min(MODE_CHECK_ROUNDS, profile.maxForks() - point.rounds());
        if (point.rounds() != profile.minForks() || rounds <= 0 || !point.modeSeenOnce()) {
            return null;
        }
        int iterations = point.forks(point.configs().get(0)).get(0).scores().length;
        double seconds = rounds * point.configs().size()
                * (forkCost(point.point()) + iterations * profile.measurementTime().toNanos() / 1e9);
        return new Batch(point, rounds, iterations, seconds);
    }

    /**
     * Forks from which the target is checked: {@value TargetRule#FIRST_CHECK}, or all the profile allows
     * when fewer, and at least the first pass's.
     */
    int targetForks() {
        return Math.max(profile.minForks(), Math.min(TargetRule.FIRST_CHECK, profile.maxForks()));
    }

    /** Whether the batch fits in its point's time cap and in {@code secondsLeft}. */
    private boolean fits(Batch b, double secondsLeft) {
        return b.point().seconds() + b.seconds() <= capSeconds() && b.seconds() <= secondsLeft;
    }

    private double capSeconds() {
        return profile.pointTimeCap().toNanos() / 1e9;
    }

    /** The forks' variance components; with one iteration per fork all of it counts as between forks. */
    private static ForkVariance variance(ForkSample sample) {
        if (sample.keptIterations() > sample.forks()) {
            return ForkVariance.of(sample.kept());
        }
        return new ForkVariance(StatUtils.variance(sample.means()), 0);
    }

    /**
     * Fewest further forks, to at least {@link #targetForks}, after which the forks are predicted to meet
     * the target ({@link TargetRule#testedHalfWidth}, the test {@link #judge} makes), when each new fork mean varies by {@code newVariance} and the observed fork
     * means stay as they are; -1 when more than the profile allows. The predicted variance of fork
     * means pools the observed one with the new forks' (by degrees of freedom).
     */
    int roundsToTarget(double[] means, double newVariance) {
        int n = means.length;
        double mean = Math.abs(StatUtils.mean(means));
        double observed = StatUtils.variance(means);
        for (int k = Math.max(1, targetForks() - n); n + k <= profile.maxForks(); k++) {
            double pooled = ((n - 1) * observed + k * newVariance) / (n + k - 1);
            if (TargetRule.testedHalfWidth(pooled, n + k) <= profile.precision() * mean) {
                return k;
            }
        }
        return -1;
    }
}
