package corescale.sweep;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.stat.StatUtils;

import corescale.stats.run.RunFile.RunConfig;
import corescale.stats.summary.ForkSample;
import corescale.stats.summary.ForkVariance;
import corescale.stats.summary.Intervals;

/**
 * Decides how the points of a sweep are measured: how many forks, of how many iterations, and when
 * a point stops. Forks, not iterations, are the replicates: contended benchmarks often settle in a
 * different mode in each JVM.
 *
 * <p>Two passes. First every point gets the profile's minimum forks ({@link #first}), run by one
 * JMH runner, with as many iterations as let the whole first pass fit in part of the budget. Then
 * the budget left goes, batch by batch, to the open point that needs the least time to reach the
 * target ({@link #next}): a second spent there is the likeliest to bring a point to its target.
 * A point stops when its interval is within the target (checked from {@value #TARGET_FORKS} forks
 * on, so that the intervals of points stopped there stay honest), when its forks fall into two
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
 * <p>With several configurations a batch is rounds, one fork of each configuration in their order
 * (A1 B1, A2 B2 ...), so that forks of equal number ran close in time; the target applies to each.
 */
public final class PrecisionLoop {

    /** Why a point stopped adding forks; written to points.csv. */
    public enum Stop {
        TARGET_MET("target_met"), MODES("modes"), MAX_FORKS("max_forks"), TIME_CAP("time_cap"), BUDGET("budget"),
        FIXED_FORKS("fixed_forks"), FAILED("failed"),
        /** Written for a point of the first pass while it may still get more forks. */
        PENDING("pending");

        public final String label;

        Stop(String label) {
            this.label = label;
        }
    }

    /** Runs forks {@code first} ... {@code first + count - 1} of a point in {@code config}, each of {@code iterations}. */
    @FunctionalInterface
    public interface ForkSource {
        List<ForkResult> run(RunConfig config, int first, int count, int iterations) throws PointFailedException;
    }

    /** More forks for a point: {@code rounds} rounds of forks of {@code iterations}, expected to take {@code seconds}. */
    public record Batch(PointForks point, int rounds, int iterations, double seconds) {
    }

    /** Fewest measured iterations a fork gets: the warm-up test may drop two of three and keeps at least one. */
    static final int FEWEST_ITERATIONS = 3;
    /** Share of the budget the first pass may take. */
    static final double FIRST_PASS_SHARE = 0.6;
    /** Most rounds in one batch: a batch is one JMH runner, and estimates improve between batches. */
    static final int MOST_ROUNDS = 4;
    /** Rounds that check a mode seen in one fork of the first pass. */
    static final int MODE_CHECK_ROUNDS = 2;
    /**
     * Fewest forks at which a point may stop at its target. Stopping as soon as an interval is narrow
     * enough (optional stopping) stops the points whose first forks happened to agree, and their
     * intervals cover less than 95% (91% from 3 forks, forks as far apart as the target). Waiting
     * leaves the interval as it is and only delays the stop: from 7 forks, 94% or more while the
     * spread between forks is at most the target (6 forks: 93.8%). A stricter test of the same few
     * forks (a pessimistic variance) would stop only the luckiest and cover less; a confirming fork
     * barely helps. Simulated in PrecisionLoopTest.
     */
    static final int TARGET_FORKS = 7;

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

    /** Measures the point's first forks: the minimum (or, with fixed forks, all) rounds, and judges them. */
    public void first(PointForks point, int iterations, ForkSource source) throws PointFailedException {
        int rounds = profile.fixedForks() ? profile.maxForks() : profile.minForks();
        measure(point, rounds, iterations, source);
    }

    /** Measures a batch chosen by {@link #next} and judges the point again. */
    public void more(Batch batch, ForkSource source) throws PointFailedException {
        measure(batch.point(), batch.rounds(), batch.iterations(), source);
    }

    private void measure(PointForks point, int rounds, int iterations, ForkSource source) throws PointFailedException {
        long start = System.nanoTime();
        int first = point.rounds() + 1;
        List<RunConfig> configs = point.configs();
        List<ForkResult> all = new ArrayList<>();
        if (configs.size() == 1) {
            List<ForkResult> forks = source.run(configs.get(0), first, rounds, iterations);
            point.add(configs.get(0), forks);
            all.addAll(forks);
        } else {
            for (int round = first; round < first + rounds; round++) {
                for (RunConfig config : configs) {
                    List<ForkResult> forks = source.run(config, round, 1, iterations);
                    point.add(config, forks);
                    all.addAll(forks);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        point.addSeconds(seconds);
        String benchmark = point.point().benchmark();
        costs.add(benchmark, seconds, all, profile.warmupOf(benchmark));
        judge(point);
    }

    /** Closes the point when its forks decide it: target met, modes, all forks spent. */
    void judge(PointForks point) {
        int rounds = point.rounds();
        if (profile.fixedForks()) {
            point.stop(rounds >= profile.maxForks() ? Stop.FIXED_FORKS : null);
        } else if (rounds >= targetForks()
                && point.configs().stream().allMatch(c -> point.relCi(c) <= profile.precision())) {
            point.stop(Stop.TARGET_MET);
        } else if (point.bimodal()) {
            point.stop(Stop.MODES);
        } else if (rounds >= profile.maxForks()) {
            point.stop(Stop.MAX_FORKS);
        }
    }

    /**
     * The cheapest batch that is predicted to bring an open point to the target within its cap and
     * {@code secondsLeft}, or else the cheapest mode check; points that cannot get there are closed
     * on the way, with the reason.
     */
    public Optional<Batch> next(Collection<PointForks> points, double secondsLeft) {
        Batch best = null;
        Batch bestCheck = null;
        for (PointForks p : points) {
            if (!p.open()) {
                continue;
            }
            Batch b = toTarget(p);
            Batch check = modeCheck(p);
            if (b != null && fits(b, secondsLeft)) {
                best = best == null || b.seconds() < best.seconds() ? b : best;
            } else if (check != null && fits(check, secondsLeft)) {
                bestCheck = bestCheck == null || check.seconds() < bestCheck.seconds() ? check : bestCheck;
            } else if (b == null) {
                p.stop(Stop.MAX_FORKS);
            } else if (p.seconds() + b.seconds() > capSeconds()) {
                p.stop(Stop.TIME_CAP);
            } else {
                p.stop(Stop.BUDGET);
            }
        }
        // Precision first: a mode check (which brings no point to its target) gets what is left.
        best = best == null ? bestCheck : best;
        if (best == null) {
            return Optional.empty();
        }
        // Run at most a few rounds before looking again; the estimates get better with each.
        int rounds = Math.min(best.rounds(), MOST_ROUNDS);
        return Optional.of(new Batch(best.point(), rounds, best.iterations(), best.seconds() * rounds / best.rounds()));
    }

    /**
     * The rounds (and their iterations) the point needs to reach the target, from its variance
     * components; null when more forks than the profile allows would be needed. Of the fork lengths
     * allowed, the one whose batch costs least: with few forks to go that is Cochran's two-stage
     * optimum, but when the fork count is set by {@link #TARGET_FORKS} rather than by the variance,
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
     * Forks from which the target is checked: {@value #TARGET_FORKS}, or all the profile allows when
     * fewer, and at least the first pass's.
     */
    int targetForks() {
        return Math.max(profile.minForks(), Math.min(TARGET_FORKS, profile.maxForks()));
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
     * Fewest further forks, to at least {@link #targetForks}, after which the interval is predicted
     * within the target, when each new fork mean varies by {@code newVariance} and the observed fork
     * means stay as they are; -1 when more than the profile allows. The predicted variance of fork
     * means pools the observed one with the new forks' (by degrees of freedom).
     */
    int roundsToTarget(double[] means, double newVariance) {
        int n = means.length;
        double mean = Math.abs(StatUtils.mean(means));
        double observed = StatUtils.variance(means);
        for (int k = Math.max(1, targetForks() - n); n + k <= profile.maxForks(); k++) {
            double pooled = ((n - 1) * observed + k * newVariance) / (n + k - 1);
            double t = Intervals.tQuantile(Intervals.LEVEL, n + k - 1);
            if (t * Math.sqrt(pooled / (n + k)) <= profile.precision() * mean) {
                return k;
            }
        }
        return -1;
    }
}
